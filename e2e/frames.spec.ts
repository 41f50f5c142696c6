import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openReader, readResults, type Session } from '../cli/runner';
import { serveFolder } from '../cli/serve';
import type { TabResult } from '../lib/messages';
import { FIXTURES, expect, parseJson, runCli, test } from './support';

// Guides that portals put in frames and web components, in the shipped build on loopback hosts:
// a same-origin iframe, a cross-origin iframe (127.0.0.1 page, localhost frame) and a
// micro-frontend's open shadow root.
const GUIDE = fs.readFileSync(path.join(FIXTURES, 'hidden-tabs.html'), 'utf8');
const ITEM = '个体工商户设立登记';
const SHELL = (inner: string) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>某省政务服务网</title></head>
<body><header>某省政务服务网 首页 | 个人办事 | 法人办事</header>${inner}<footer>主办单位：某省人民政府办公厅 联系电话：0000-12345678</footer></body></html>`;

let dir: string;
let site: Awaited<ReturnType<typeof serveFolder>>;
let other: Awaited<ReturnType<typeof serveFolder>>;
test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'frames-'));
  fs.writeFileSync(path.join(dir, 'guide.html'), GUIDE);
  fs.writeFileSync(path.join(dir, 'ad.html'), SHELL('<p>广告：欢迎访问</p>'));
  site = await serveFolder(dir);
  other = await serveFolder(dir); // the same files on a second origin, reached as localhost
  const otherOrigin = other.origin.replace('127.0.0.1', 'localhost');
  fs.writeFileSync(path.join(dir, 'same-origin.html'), SHELL('<iframe src="ad.html"></iframe><iframe src="guide.html" width="1000" height="800"></iframe>'));
  fs.writeFileSync(path.join(dir, 'cross-origin.html'), SHELL(`<iframe src="${otherOrigin}/guide.html" width="1000" height="800"></iframe><iframe src="${otherOrigin}/ad.html"></iframe>`));
  const body = GUIDE.replace(/^[\s\S]*?<body[^>]*>|<\/body>[\s\S]*$/gi, '').replace(/<script[\s\S]*?<\/script>/gi, '');
  fs.writeFileSync(path.join(dir, 'shadow.html'), SHELL(`<guide-app></guide-app><script>
    customElements.define('guide-app', class extends HTMLElement {
      connectedCallback() {
        const root = this.attachShadow({ mode: 'open' });
        root.innerHTML = '<p>加载中…</p>';
        setTimeout(() => { root.innerHTML = ${JSON.stringify(body)}; }, 400);
      }
    });
  </script>`));
});
test.afterAll(async () => {
  await site?.close();
  await other?.close();
});

async function tabResult(session: Session, predicate: (e: TabResult) => boolean): Promise<TabResult> {
  const reader = await openReader(session);
  let found: TabResult | undefined;
  await expect.poll(async () => {
    found = (await readResults(session, reader)).find(predicate);
    return !!found;
  }, { timeout: 60_000 }).toBe(true);
  await reader.close();
  return found!;
}

for (const [name, page] of [['same-origin', 'same-origin.html'], ['cross-origin', 'cross-origin.html']] as const) {
  test(`a guide in a ${name} iframe is the tab's result, with its frame; the other frames stay silent`, async ({ session }) => {
    const tab = await session.context.newPage();
    await tab.goto(`${site.origin}/${page}`);
    const entry = await tabResult(session, (e) => e.result.isGuide && e.result.url.endsWith('/guide.html'));
    expect(entry.result.item.name).toBe(ITEM);
    expect(entry.result.outcomes).toHaveLength(18);
    expect(entry.frameId).toBeGreaterThan(0);
    expect(entry.frameUrl).toBe(entry.result.url);
    if (name === 'cross-origin') expect(entry.frameUrl).toMatch(/^http:\/\/localhost:/);

    // The top page and the ad frame (not guides) never replace it, however long we wait.
    const reader = await openReader(session);
    await tab.evaluate(() => document.querySelector('header')!.append(' 通知')); // the top page re-audits
    await tab.frames().find((f) => f.url().endsWith('/ad.html'))!.evaluate(() => document.body.append('新广告'));
    await tab.waitForTimeout(1500);
    const now = (await readResults(session, reader)).find((e) => e.tabId === entry.tabId)!;
    expect(now.result.isGuide).toBe(true);
    expect(now.frameUrl).toBe(entry.frameUrl);

    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${entry.tabId}`);
    await expect(popup.getByTestId('item-name')).toHaveText(ITEM);
    await expect(popup.getByTestId('frame')).toContainText(entry.frameUrl!);
  });
}

test('a guide a micro-frontend renders inside an open shadow root is audited, late content included', async ({ session }) => {
  const tab = await session.context.newPage();
  await tab.goto(`${site.origin}/shadow.html`);
  const entry = await tabResult(session, (e) => e.result.url.endsWith('/shadow.html') && e.result.isGuide);
  expect(entry.result.item.name).toBe(ITEM);
  expect(entry.frameId ?? 0).toBe(0);
  const e13 = entry.result.outcomes.find((o) => o.indicator === 'E1-3')!;
  // The evidence path crosses into the shadow root and still names the element.
  expect(e13.evidence.selector).toContain('guide-app >>> ');
  const [host, inner] = e13.evidence.selector!.split(' >>> ');
  expect(await tab.evaluate(([h, i]) => document.querySelector(h!)?.shadowRoot?.querySelector(i!)?.textContent ?? null, [host, inner])).toContain('办理地点');
});

test('the command line audits the guide in a cross-origin iframe (naming its frame) and the one inside an open shadow root', async () => {
  const urls = [`${site.origin}/cross-origin.html`, `${site.origin}/shadow.html`, `${site.origin}/same-origin.html`];
  const run = await runCli(['--format', 'json', ...urls]);
  expect(run.code, run.err).toBe(0);
  const [cross, shadow, same] = parseJson(run);
  for (const page of [cross, shadow, same]) {
    expect(page.isGuide).toBe(true);
    expect(page.item.name).toBe(ITEM);
    expect(page.outcomes).toHaveLength(18);
  }
  expect(cross.url).toBe(urls[0]);
  expect(cross.frame.url).toMatch(/^http:\/\/localhost:\d+\/guide\.html$/);
  expect(same.frame.url).toBe(`${site.origin}/guide.html`);
  expect(shadow.frame).toBeUndefined(); // the shadow root is part of the top page
});
