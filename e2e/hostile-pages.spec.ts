import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openReader, readResults, type Session } from '../cli/runner';
import { serveFolder } from '../cli/serve';
import type { TabResult } from '../lib/messages';
import { FIXTURES, expect, test } from './support';

// Pages that are hard on the auditor, in the shipped build in real Chromium: a page 5,000 levels
// deep with 1 MB of text, a page rewritten by document.write, a route change by pushState with no
// DOM change, and a guide with 600 materials.
const GUIDE = fs.readFileSync(path.join(FIXTURES, 'hidden-tabs.html'), 'utf8');
const OTHER = fs.readFileSync(path.join(FIXTURES, 'defects.html'), 'utf8');
const bodyOf = (html: string) => html.replace(/^[\s\S]*?<body[^>]*>|<\/body>[\s\S]*$/gi, '').replace(/<script[\s\S]*?<\/script>/gi, '');
const PAGE = (title: string, body: string) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

let site: Awaited<ReturnType<typeof serveFolder>>;
test.beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-'));
  fs.writeFileSync(path.join(dir, 'guide.html'), GUIDE);
  fs.writeFileSync(path.join(dir, 'deep.html'), PAGE('深层页面', '<p>数据加载中……</p>'));
  // A portal that writes its page in place: first one guide, then another over it.
  fs.writeFileSync(path.join(dir, 'write.html'), GUIDE.replace('</body>', `<script>
    window.rewrite = () => { document.open(); document.write(${JSON.stringify(OTHER)}); document.close(); };
  </script></body>`));
  const rows = Array.from({ length: 600 }, (_, i) => `<tr><td>${i + 1}</td><td>第${i + 1}号申请材料：${'某某证明文件'.repeat(6)}</td><td>申请人自备</td><td>1</td><td>无</td><td>无</td></tr>`).join('');
  const materials = `<h3>申请材料</h3><table><tr><th>序号</th><th>材料名称</th><th>来源渠道</th><th>份数</th><th>空白表格</th><th>示例样表</th></tr>${rows}</table>`;
  fs.writeFileSync(path.join(dir, 'big.html'), GUIDE.replace('</body>', `${materials}</body>`));
  site = await serveFolder(dir);
});
test.afterAll(async () => site?.close());

async function waitFor(session: Session, predicate: (e: TabResult) => boolean): Promise<TabResult> {
  const reader = await openReader(session);
  let found: TabResult | undefined;
  await expect.poll(async () => {
    found = (await readResults(session, reader)).find(predicate);
    return !!found;
  }, { timeout: 90_000, intervals: [250, 500, 1000] }).toBe(true);
  await reader.close();
  return found!;
}

test('a page 5,000 levels deep with 1 MB of text is audited without crashing the renderer', async ({ session }) => {
  const page = await session.context.newPage();
  let crashed = false;
  page.on('crash', () => { crashed = true; });
  await page.goto(`${site.origin}/deep.html`);
  await waitFor(session, (e) => e.result.url === page.url());
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const before = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  // The guide arrives together with a chain of 5,000 nested elements, each with 200 characters of
  // text. (Inline elements: Chromium's own layout cannot take 5,000 nested blocks, with or without us.)
  await page.evaluate((guide) => {
    const chunk = '受理申请材料齐全符合法定形式的予以受理'.repeat(11).slice(0, 200);
    const top = document.createElement('div');
    let el: HTMLElement = top;
    for (let i = 0; i < 5000; i++) {
      const span = document.createElement('span');
      span.append(chunk);
      el.append(span);
      el = span;
    }
    document.body.innerHTML = guide;
    document.body.append(top);
  }, bodyOf(GUIDE));
  const entry = await waitFor(session, (e) => e.result.url === page.url() && e.result.isGuide);
  const after = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  const text = await page.evaluate(() => document.body.textContent!.length);
  console.log(`deep page: ${(text / 1e6).toFixed(2)} M characters of text; heap ${(before / 1e6).toFixed(1)} MB before the deep content, ${(after / 1e6).toFixed(1)} MB after its audit (growth ${((after - before) / 1e6).toFixed(1)} MB, no GC in between)`);
  expect(crashed).toBe(false);
  expect(entry.result.item.name).toBe('个体工商户设立登记');
  expect(await page.evaluate(() => document.querySelectorAll('span').length)).toBeGreaterThanOrEqual(5000); // the page still answers
});

test('a page rewritten by document.write gets a fresh result for what it shows now', async ({ session }) => {
  const page = await session.context.newPage();
  await page.goto(`${site.origin}/write.html`);
  const first = await waitFor(session, (e) => e.result.url === page.url() && e.result.isGuide);
  expect(first.result.item.name).toBe('个体工商户设立登记');
  await page.evaluate(() => (window as unknown as { rewrite(): void }).rewrite());
  const second = await waitFor(session, (e) => e.tabId === first.tabId && e.result.item.name === '民办职业培训学校设立审批');
  expect(second.result.isGuide).toBe(true);
  // The new document element is watched too: a change to it is audited again.
  await page.evaluate((body) => { document.body.innerHTML = body; }, bodyOf(GUIDE));
  await waitFor(session, (e) => e.tabId === first.tabId && e.result.item.name === '个体工商户设立登记' && e.receivedAt > second.receivedAt);
});

test('a pushState route change with no DOM change gets a fresh result; the result is kept meanwhile', async ({ session }) => {
  const page = await session.context.newPage();
  await page.goto(`${site.origin}/guide.html`);
  const first = await waitFor(session, (e) => e.result.url === page.url() && e.result.isGuide);
  await page.evaluate(() => history.pushState({}, '', '?item=2'));
  const second = await waitFor(session, (e) => e.tabId === first.tabId && e.result.url.endsWith('/guide.html?item=2'));
  expect(second.result.isGuide).toBe(true);
  await page.evaluate(() => { location.hash = 'materials'; });
  await waitFor(session, (e) => e.tabId === first.tabId && e.result.url.endsWith('?item=2#materials'));
  // Nothing changes now: the result stays (it is not deleted by the navigation and left unsent).
  await page.waitForTimeout(2000);
  const reader = await openReader(session);
  expect((await readResults(session, reader)).find((e) => e.tabId === first.tabId)?.result.url).toMatch(/#materials$/);
});

test('a guide with 600 materials is reported, its lists clipped to the bounds and saying so', async ({ session }) => {
  const page = await session.context.newPage();
  await page.goto(`${site.origin}/big.html`);
  const entry = await waitFor(session, (e) => e.result.url === page.url());
  expect(entry.result.isGuide).toBe(true);
  expect(entry.result.outcomes).toHaveLength(18);
  expect(entry.result.clipped).toBe(true);
  const clipped = entry.result.outcomes.filter((o) => o.data.clipped === true);
  expect(clipped.length).toBeGreaterThan(0);
  expect(clipped.some((o) => /未列出|clipped/.test(o.message))).toBe(true);
});
