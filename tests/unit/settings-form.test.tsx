import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { SettingsForm } from '@/components/SettingsForm';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { useMessages } from './panel/i18n-mock';

function setup(save: (s: Settings) => Promise<void>, grant = true, locale: 'zh_CN' | 'en' = 'zh_CN') {
  useMessages(locale);
  const root = document.createElement('div');
  document.body.append(root);
  const asked: string[][] = [];
  act(() => render(<SettingsForm initial={DEFAULT_SETTINGS} requestHosts={async (m) => (asked.push(m), grant)} save={save} />, root));
  const type = (name: string, value: string) => {
    const el = root.querySelector(`[name=${name}]`) as HTMLTextAreaElement;
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const submit = async () => {
    await act(async () => {
      root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      await new Promise((r) => setTimeout(r, 0));
    });
  };
  return { root, type, submit, asked };
}

describe('SettingsForm', () => {
  it('saves a new portal host after asking for access to it', async () => {
    const saved: Settings[] = [];
    const f = setup(async (s) => void saved.push(s));
    await act(async () => f.type('hosts', '*.gov.cn\nzwfw.example.com'));
    await f.submit();
    expect(f.asked).toEqual([['*://zwfw.example.com/*']]);
    expect(saved[0]!.portalHosts).toEqual(['*.gov.cn', 'zwfw.example.com']);
    expect(f.root.querySelector('[data-testid=status]')!.textContent).toContain('已保存');
  });

  it('keeps bad input in the form and says what is wrong, saving nothing', async () => {
    const saved: Settings[] = [];
    const f = setup(async (s) => void saved.push(s));
    await act(async () => f.type('hosts', 'not a host'));
    await f.submit();
    expect(saved).toEqual([]);
    expect((f.root.querySelector('[name=hosts]') as HTMLTextAreaElement).value).toBe('not a host');
    expect(f.root.querySelector('.error')!.textContent).toContain('不是网站域名');
  });

  it('reports a failed save (a full disk) without losing the input', async () => {
    const f = setup(async () => { throw new Error('QuotaExceededError'); });
    await act(async () => f.type('labels', '法定办结时限：法定审批期限'));
    await f.submit();
    expect(f.root.querySelector('[data-testid=status]')!.textContent).toContain('保存失败');
    expect((f.root.querySelector('[name=labels]') as HTMLTextAreaElement).value).toBe('法定办结时限：法定审批期限');
  });

  it('speaks English when that is the UI language, errors included', async () => {
    const f = setup(async () => {}, true, 'en');
    expect(f.root.querySelector('button[type=submit]')!.textContent).toBe('Save');
    expect(f.root.querySelector('[data-testid=loopback-note]')!.textContent).toContain('local previews');
    await act(async () => f.type('cut', 'abc'));
    await f.submit();
    expect(f.root.querySelector('[data-testid=status]')!.textContent).toBe('Not saved: fix the lines marked in red.');
    expect(f.root.querySelector('.error')!.textContent).toBe('The time-cut target must be a number from 0 to 100 (e.g. 70)');
    expect(f.root.textContent).not.toMatch(/未保存|减时间达标线应为/);
  });
});
