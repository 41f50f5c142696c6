import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { Workbench } from '@/components/Workbench';
import { INDICATOR_IDS } from '@/lib/indicators';
import type { VerdictRecord } from '@/lib/store';
import { auditHtml, guide } from '../../helpers';
import { useMessages } from './i18n-mock';

function mount(node: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root));
  return root;
}
const statuses = (root: HTMLElement) => [...root.querySelectorAll('li[data-indicator]')].map((e) => e.getAttribute('data-status'));
const row = (root: HTMLElement, id: string) => root.querySelector<HTMLElement>(`li[data-indicator="${id}"]`)!;

beforeEach(() => {
  document.body.innerHTML = '';
  useMessages('zh_CN');
});

describe('Workbench', () => {
  // A guide with a few problems: an address without room/window, a visit without a reason.
  const result = auditHtml(guide({ 办理地点: '灵山县三海街道江南路5号县政务服务中心', 到办事现场次数: '1次', 办件类型: '承诺件' }));

  it('lists every indicator once, problems first, passes folded below', () => {
    const root = mount(<Workbench result={result} verdicts={[]} actions={{ reviewer: '' }} />);
    const ids = [...root.querySelectorAll('li[data-indicator]')].map((e) => e.getAttribute('data-indicator'));
    expect([...ids].sort()).toEqual([...INDICATOR_IDS].sort());
    const s = statuses(root);
    const firstPass = s.findIndex((x) => x === 'pass' || x === 'na');
    expect(firstPass).toBeGreaterThan(0);
    expect(s.slice(firstPass).every((x) => x === 'pass' || x === 'na')).toBe(true);
    const passes = root.querySelector('details[data-testid=passes]')!;
    expect(passes.hasAttribute('open')).toBe(false);
    expect(passes.querySelector('li[data-indicator="E1-1"]')).not.toBeNull();
    // grouped by series, in report order
    expect([...root.querySelectorAll('[data-series]')].map((e) => e.getAttribute('data-series'))[0]).toBe('E1');
  });

  it('names outcomes in words that fit: 非即办 and 需到现场1次, not 缺失', () => {
    const root = mount(<Workbench result={result} verdicts={[]} actions={{ reviewer: '' }} />);
    expect(row(root, 'A4-4').querySelector('[data-testid=status]')!.textContent).toContain('非即办');
    expect(row(root, 'A4-3').querySelector('[data-testid=status]')!.textContent).toContain('需到现场1次');
    expect(row(root, 'A4-3').textContent).not.toContain('缺失');
  });

  it('shows E3-2’s missing reason as advice under the pass, not as the finding', () => {
    const root = mount(<Workbench result={result} verdicts={[]} actions={{ reviewer: '' }} />);
    const e32 = row(root, 'E3-2');
    expect(e32.getAttribute('data-status')).toBe('pass');
    expect(e32.querySelector('.finding')!.textContent).toBe('到办事现场次数1次');
    expect(e32.querySelector('.advice')!.textContent).toContain('未说明必须到现场办理的原因');
  });

  it('shows the evidence as the label and the text, never the CSS path', () => {
    const root = mount(<Workbench result={result} verdicts={[]} actions={{ reviewer: '' }} />);
    const ev = row(root, 'E1-3').querySelector('[data-testid=evidence]')!;
    expect(ev.textContent).toContain('「办理地点」');
    expect(ev.textContent).toContain('江南路5号');
    expect(root.textContent).not.toMatch(/nth-of-type|>\s*td/);
  });

  it('filters by status', () => {
    const root = mount(<Workbench result={result} verdicts={[]} actions={{ reviewer: '' }} />);
    const select = root.querySelector<HTMLSelectElement>('#status-filter')!;
    act(() => {
      select.value = 'partial';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(new Set(statuses(root))).toEqual(new Set(['partial']));
  });

  it('shows a verdict beside the automatic status and flags a changed automatic status', () => {
    const key = 'code:11231281MB193827494000117001000';
    const verdicts: VerdictRecord[] = [
      { itemKey: key, indicator: 'E1-3', status: 'pass', reason: 'elsewhere', note: '窗口号见大厅公示', reviewer: '李四', at: Date.UTC(2026, 0, 5), autoStatus: 'partial' },
      { itemKey: key, indicator: 'E1-1', status: 'fail', reason: 'interpretation', note: '', reviewer: '李四', at: Date.UTC(2026, 0, 5), autoStatus: 'partial' },
    ];
    const root = mount(<Workbench result={result} verdicts={verdicts} actions={{ reviewer: '李四' }} />);
    const e13 = row(root, 'E1-3');
    expect(e13.getAttribute('data-status')).toBe('pass');
    expect(e13.querySelector('[data-testid=auto-status]')!.textContent).toContain('不完整');
    expect(e13.querySelector('[data-testid=verdict]')!.textContent).toContain('页面外信息');
    expect(e13.querySelector('[data-testid=auto-changed]')).toBeNull();
    // E1-1 passes automatically now, but was partial when the reviewer decided: flagged
    const e11 = row(root, 'E1-1');
    expect(e11.getAttribute('data-status')).toBe('fail');
    expect(e11.querySelector('[data-testid=auto-changed]')!.textContent).toContain('复核后页面已变化');
    expect(root.querySelector('[data-testid=review-summary]')!.textContent).toContain('已复核 2 项');
  });

  it('says plainly when the page is not a guide', () => {
    const root = mount(<Workbench result={auditHtml('<h1>关于开展办事指南自查的通知</h1><p>各单位：……</p>')} verdicts={[]} actions={{ reviewer: '' }} />);
    expect(root.textContent).toContain('此页面不是办事指南');
    expect(root.querySelectorAll('li[data-indicator]')).toHaveLength(0);
  });

  it('speaks English where the browser does', () => {
    useMessages('en');
    const root = mount(<Workbench result={result} verdicts={[]} actions={{ reviewer: '' }} />);
    expect(row(root, 'A4-4').querySelector('[data-testid=status]')!.textContent).toContain('not on the spot');
    expect(row(root, 'E1-3').querySelector('h4')!.textContent).toContain('Where to apply');
    expect(root.querySelector('[data-testid=problems-title]')!.textContent).toMatch(/^To fix or check/);
  });

  it('shows hostile page text as text, never as markup', () => {
    const root = mount(<Workbench result={auditHtml(guide({ 事项名称: '&lt;img src=x onerror=alert(1)&gt;', 办理地点: '=HYPERLINK("http://x","y")' }))} verdicts={[]} actions={{ reviewer: '' }} />);
    expect(root.querySelector('[data-testid=item-name]')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(root.querySelector('img')).toBeNull();
    expect(row(root, 'E1-3').textContent).toContain('=HYPERLINK("http://x","y")');
  });
});
