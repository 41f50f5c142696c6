import type { Page } from '@playwright/test';
import { readResults, openReader, type Session } from '../cli/runner';
import { useLocale } from './panel-support';
import { expect, test } from './support';

async function tabIdOf(session: Session, reader: Page, url: string): Promise<number> {
  let id: number | undefined;
  await expect.poll(async () => {
    id = (await readResults(session, reader)).find((e) => e.result.url === url)?.tabId;
    return id;
  }).toBeDefined();
  return id!;
}

async function openScorecard(session: Session, tabId: number): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab=${tabId}`);
  await useLocale(popup, 'zh_CN');
  return popup;
}

test('the side panel shows the scorecard in Chinese, with hostile page text shown as text', async ({ session, site }) => {
  const page = await session.context.newPage();
  await page.goto(`${site}/defects.html`);
  const reader = await openReader(session);
  const popup = await openScorecard(session, await tabIdOf(session, reader, page.url()));

  await expect(popup.getByTestId('item-name')).toHaveText('民办职业培训学校设立审批');
  await expect(popup.locator('li[data-indicator]')).toHaveCount(18);
  await expect(popup.locator('li[data-indicator="E1-3"] [data-testid=status]')).toContainText('不完整');
  await expect(popup.locator('li[data-indicator="E1-3"]')).toContainText('缺少街道/路名、门牌号、房间号、窗口号');
  await expect(popup.locator('li[data-indicator="E1-6"]')).toContainText('特殊环节未单列');
  await expect(popup.locator('li[data-indicator="B1"] [data-testid=status]')).toContainText('缺失');
  // The material named `…<img src=x onerror=alert(1)>` and the address ending in =HYPERLINK(…)
  // appear literally; nothing of the page became markup in our UI.
  await expect(popup.locator('li[data-indicator="E2-1"]')).toContainText('<img src=x onerror=alert(1)>');
  await expect(popup.locator('li[data-indicator="E1-3"]')).toContainText('=HYPERLINK("http://evil.example","点击")');
  await expect(popup.locator('img')).toHaveCount(0);
});

test('a page that is not a guide gets no scorecard, only a plain notice', async ({ session, site }) => {
  const page = await session.context.newPage();
  await page.goto(`${site}/not-a-guide-news.html`);
  const reader = await openReader(session);
  const popup = await openScorecard(session, await tabIdOf(session, reader, page.url()));
  await expect(popup.getByTestId('not-guide')).toContainText('此页面不是办事指南');
  await expect(popup.locator('li[data-indicator]')).toHaveCount(0);
});

test('a guide filled by XHR after load is re-audited, and an open side panel follows it', async ({ session, site }) => {
  const page = await session.context.newPage();
  await page.goto(`${site}/epoint-xhr.html`, { waitUntil: 'domcontentloaded' });
  const reader = await openReader(session);
  const popup = await openScorecard(session, await tabIdOf(session, reader, page.url()));
  await expect(popup.getByTestId('scorecard')).toBeVisible();
  await expect(popup.locator('li[data-indicator="B3-1"] [data-testid=status]')).toContainText('通过');
});

test('the host page keeps working with the extension loaded (its own tabs still switch)', async ({ session, site }) => {
  const page = await session.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site}/zhejiang-tabbed.html`);
  const pane = page.locator('.zjzw-procedure-tabItem').nth(1);
  await expect(pane).toBeHidden();
  await page.locator('.zjzw-procedure-tab li', { hasText: '申请材料' }).click();
  await expect(pane).toBeVisible();
  expect(errors).toEqual([]);
});

test('a page the extension failed to read says so, in the panel and the popup, instead of "no audit"', async ({ session }) => {
  // A tab of ours (nothing is audited there), given the failure record its content script would leave.
  const tab = await session.context.newPage();
  await tab.goto(`chrome-extension://${session.extensionId}/popup.html?tab=-1`);
  const tabId = await tab.evaluate(async () => (await (globalThis as unknown as { chrome: { tabs: { getCurrent(): Promise<{ id?: number }> } } }).chrome.tabs.getCurrent()).id);
  await tab.evaluate(async (id) => {
    const chrome = (globalThis as unknown as { chrome: { storage: { session: { set(v: object): Promise<void> } } } }).chrome;
    await chrome.storage.session.set({ [`failure:${id}`]: { tabId: id, error: 'TypeError: boom <img src=x onerror=alert(1)>', receivedAt: Date.now(), frameId: 0 } });
  }, tabId!);
  const panel = await openScorecard(session, tabId!);
  await expect(panel.getByTestId('no-result')).toContainText('读取此页面时出错');
  await expect(panel.getByTestId('no-result')).toContainText('TypeError: boom <img src=x onerror=alert(1)>');
  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
  await useLocale(popup, 'zh_CN');
  await expect(popup.getByTestId('no-result')).toContainText('读取此页面时出错');
  await expect(popup.locator('img')).toHaveCount(0);
});
