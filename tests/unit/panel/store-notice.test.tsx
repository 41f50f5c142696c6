import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { StoreNotice } from '@/components/dashboard/StoreNotice';
import { DEFAULT_CONTEXT } from '@/lib/rules/types';
import { StoreError, type StoreDb } from '@/lib/store/db';
import { STORE_MESSAGES, STORE_STATUS_KEY } from '@/lib/store';
import { useMessages } from './i18n-mock';

async function notice(status: object): Promise<string | null> {
  await fakeBrowser.storage.session.set({ [STORE_STATUS_KEY]: status });
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(<StoreNotice />, root));
  for (let i = 0; i < 50 && !root.querySelector('[data-testid=store-notice]'); i++) await act(async () => void (await new Promise((r) => setTimeout(r, 5))));
  const text = root.querySelector('[data-testid=store-notice]')?.textContent ?? null;
  render(null, root);
  return text;
}

beforeEach(() => fakeBrowser.reset());

describe('store notice', () => {
  it('says in the UI language that an audit was not kept, and why', async () => {
    useMessages('en');
    expect(await notice({ ok: false, kind: 'quota', message: STORE_MESSAGES.quota, at: 1, lost: '个体工商户设立登记' })).toBe(
      'Not saved (个体工商户设立登记): Storage is full: this audit was not saved (earlier records are intact). Delete old audits in the dashboard or free disk space.',
    );
    // the browser's own reason after the store's text is kept
    expect(await notice({ ok: false, kind: 'newer', message: `${STORE_MESSAGES.newer} (VersionError: 3 < 4)`, at: 1 })).toBe(
      'Not saved: The data comes from a newer version of the extension; nothing was written. (VersionError: 3 < 4)',
    );
    useMessages('zh_CN');
    expect(await notice({ ok: false, kind: 'unavailable', message: STORE_MESSAGES.unavailable, at: 1, lost: '食品经营许可' })).toMatch(/^审核结果未保存（食品经营许可）：此浏览器窗口不能使用本地数据库/);
    expect(await notice({ ok: false, kind: 'unavailable', message: STORE_MESSAGES.unavailable, at: 1 })).not.toMatch(/IndexedDB/);
  });

  it('shows nothing once the store works again', async () => {
    useMessages('en');
    expect(await notice({ ok: true, at: 1 })).toBeNull();
  });

  it('the dashboard says in the UI language why the store cannot be read', async () => {
    useMessages('en');
    // a store whose every call fails as a full disk does
    const db = new Proxy({}, { get: () => () => Promise.reject(new StoreError('quota', STORE_MESSAGES.quota)) }) as unknown as StoreDb;
    const root = document.createElement('div');
    document.body.append(root);
    act(() => render(<Dashboard db={db} ctx={DEFAULT_CONTEXT} />, root));
    for (let i = 0; i < 50 && !root.querySelector('[role=alert]'); i++) await act(async () => void (await new Promise((r) => setTimeout(r, 5))));
    expect(root.querySelector('[role=alert]')?.textContent).toMatch(/^Storage is full/);
    render(null, root);
  });
});
