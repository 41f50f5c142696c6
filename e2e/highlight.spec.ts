import type { CDPSession, Page } from '@playwright/test';
import path from 'node:path';
import { openReader, readResults, ROOT, type Session } from '../cli/runner';
import { serveFolder } from '../cli/serve';
import { openPanel, tabIdOf } from './panel-support';
import { expect, test } from './support';

const HIGHLIGHT_FIXTURES = path.join(ROOT, 'tests/fixtures/highlight');
let server: { origin: string; close(): Promise<void> };
test.beforeAll(async () => {
  server = await serveFolder(HIGHLIGHT_FIXTURES);
});
test.afterAll(async () => {
  await server.close();
});

interface Box { x: number; y: number; width: number; height: number }

/** Sends a message as the side panel does: from one of our own pages to the background. */
async function send(reader: Page, message: unknown): Promise<any> {
  return reader.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), message);
}

async function open(session: Session, file: string): Promise<{ page: Page; reader: Page; tabId: number }> {
  const page = await session.context.newPage();
  await page.goto(`${server.origin}/${file}`);
  const reader = await openReader(session);
  const tabId = await tabIdOf(session, reader, page.url());
  await page.bringToFront();
  return { page, reader, tabId };
}

/** Our outlines, read through the closed shadow root with DevTools (page scripts cannot). */
async function outlines(cdp: CDPSession): Promise<{ indicator: string; label: string; box: Box; nodeId: number }[]> {
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const found: { indicator: string; label: string; box: Box; nodeId: number }[] = [];
  const attrs = (n: any) => Object.fromEntries((n.attributes ?? []).reduce((a: string[][], v: string, i: number, all: string[]) => (i % 2 ? a : [...a, [v, all[i + 1]!]]), []));
  const text = (n: any): string => (n.nodeType === 3 ? n.nodeValue : (n.children ?? []).map(text).join(''));
  const visit = async (n: any, inOurs: boolean) => {
    const ours = inOurs || n.nodeName === 'GUIDE-AUDITOR-HIGHLIGHTS';
    const a = attrs(n);
    if (ours && a.class?.split(' ').includes('box')) {
      const { model } = await cdp.send('DOM.getBoxModel', { nodeId: n.nodeId });
      const [x1, y1, , , x3, y3] = model.border;
      found.push({ indicator: a['data-indicator'], label: text(n), box: { x: x1!, y: y1!, width: x3! - x1!, height: y3! - y1! }, nodeId: n.nodeId });
    }
    for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? []), ...(n.contentDocument ? [n.contentDocument] : [])]) await visit(c, ours);
  };
  await visit(root, false);
  return found;
}

const rectOf = (page: Page, selector: string) =>
  page.evaluate((s) => {
    const r = document.querySelector(s)!.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, selector);

function expectSameBox(a: Box, b: Box) {
  for (const k of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(a[k] - b[k]), `${k}: ${a[k]} vs ${b[k]}`).toBeLessThanOrEqual(1.5);
}

test('choosing an indicator scrolls to its element and outlines it with a label', async ({ session }) => {
  const { page, reader, tabId } = await open(session, 'guide.html');
  const cdp = await session.context.newCDPSession(page);
  const reply = await send(reader, { type: 'highlight/show', tabId, indicator: 'E1-3' });
  expect(reply).toMatchObject({ ok: true, highlight: { drawn: 1 } });

  const [outline, ...more] = await outlines(cdp);
  expect(more).toEqual([]);
  expect(outline!.indicator).toBe('E1-3');
  expect(outline!.label).toContain('E1-3 办理地点 · 不完整：缺少街道/路名、门牌号、房间号、窗口号');
  expectSameBox(outline!.box, await rectOf(page, '#basic tr:nth-of-type(8)'));

  // Another row far down the page: the page scrolls to it and the outline follows the element.
  await send(reader, { type: 'highlight/show', tabId, indicator: 'E3-1' });
  const [e31] = await outlines(cdp);
  expect(e31!.indicator).toBe('E3-1');
  expect(await page.evaluate(() => scrollY)).toBeGreaterThan(500);
  expectSameBox(e31!.box, await rectOf(page, 'table.process tr:nth-of-type(2)'));
  const before = await rectOf(page, 'table.process tr:nth-of-type(2)');
  await page.evaluate(() => scrollBy(0, -200));
  await expect.poll(async () => (await rectOf(page, 'table.process tr:nth-of-type(2)')).y).toBeCloseTo(before.y + 200, 0);
  await expect.poll(async () => (await outlines(cdp))[0]!.box.y - (await rectOf(page, 'table.process tr:nth-of-type(2)')).y).toBeCloseTo(0, 0);
});

test('all at once: every found element coloured by status, and the table that lacks the 出具单位 column marked', async ({ session }, testInfo) => {
  const { page, reader, tabId } = await open(session, 'guide.html');
  const cdp = await session.context.newCDPSession(page);
  const reply = await send(reader, { type: 'highlight/all', tabId, on: true });
  expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
  // E1-6 and B1 recorded no element: reported, not drawn.
  expect(reply.highlight.notes).toEqual(expect.arrayContaining([{ indicator: 'E1-6', reason: 'no-evidence' }, { indicator: 'B1', reason: 'no-evidence' }]));
  const all = await outlines(cdp);
  const e21 = all.find((o) => o.indicator.split(' ').includes('E2-1'))!;
  expect(e21.label).toContain('此处缺少“来源渠道/出具单位”');
  expectSameBox(e21.box, await rectOf(page, '#materials'));
  const styles = await cdp.send('CSS.enable').then(() => cdp.send('CSS.getComputedStyleForNode', { nodeId: e21.nodeId }));
  const style = Object.fromEntries(styles.computedStyle.map((p) => [p.name, p.value]));
  expect(style['border-top-style']).toBe('dashed');
  expect(style['border-top-color']).toBe('rgb(198, 40, 40)'); // fail
  await page.locator('#materials').scrollIntoViewIfNeeded();
  // For a person to look at: test-results/…/all-highlights.png
  await page.screenshot({ path: testInfo.outputPath('all-highlights.png') });
  await testInfo.attach('all-highlights', { path: testInfo.outputPath('all-highlights.png'), contentType: 'image/png' });

  expect(await send(reader, { type: 'highlight/all', tabId, on: false })).toMatchObject({ ok: true });
  expect(await outlines(cdp)).toEqual([]);
});

/** The colour on screen at a point of the page, from a real screenshot (decoded in our own page). */
async function pixel(page: Page, reader: Page, x: number, y: number): Promise<[number, number, number]> {
  const png = (await page.screenshot()).toString('base64');
  return reader.evaluate(
    async ({ png, x, y }) => {
      const img = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
      const canvas = new OffscreenCanvas(img.width, img.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data;
      return [d[0]!, d[1]!, d[2]!] as [number, number, number];
    },
    { png, x, y },
  );
}

test('a page with hostile CSS and a top z-index cover neither hides nor restyles the highlights', async ({ session }) => {
  const { page, reader, tabId } = await open(session, 'hostile.html');
  // The page's cover is on top of its own content.
  const target = '#basic tr:nth-of-type(8)';
  const cdp = await session.context.newCDPSession(page);
  expect(await send(reader, { type: 'highlight/show', tabId, indicator: 'E1-3' })).toMatchObject({ ok: true, highlight: { drawn: 1 } });
  const [outline] = await outlines(cdp);
  const rect = await rectOf(page, target);
  expectSameBox(outline!.box, rect);

  await cdp.send('CSS.enable');
  const computed = async (nodeId: number) =>
    Object.fromEntries((await cdp.send('CSS.getComputedStyleForNode', { nodeId })).computedStyle.map((p) => [p.name, p.value]));
  const box = await computed(outline!.nodeId);
  expect(box['border-top-style']).toBe('solid');
  expect(box['border-top-width']).toBe('3px');
  expect(box['border-top-color']).toBe('rgb(180, 83, 9)'); // partial
  // What a person sees: the outline's colour on top of the page's opaque cover, left edge, mid-height.
  const [r, g, b] = await pixel(page, reader, rect.x + 1, rect.y + rect.height / 2);
  expect(Math.abs(r - 180) + Math.abs(g - 83) + Math.abs(b - 9), `pixel ${r},${g},${b}`).toBeLessThan(40);
  // And the page's own content under it stays covered, as the page wants: we changed nothing of it.
  const [cr, cg, cb] = await pixel(page, reader, rect.x + rect.width / 2, rect.y + rect.height / 2);
  expect([cr, cg, cb]).toEqual([255, 255, 255]);
});

test('after the highlights are removed the page has the same layout, listeners and behaviour', async ({ session }) => {
  const { page, reader, tabId } = await open(session, 'guide.html');
  const cdp = await session.context.newCDPSession(page);
  const layout = () =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll('body *')).map((el) => {
        const r = el.getBoundingClientRect();
        return [el.tagName, Math.round(r.x + scrollX), Math.round(r.y + scrollY), Math.round(r.width), Math.round(r.height)].join(',');
      }),
    );
  // Listeners on window, document and <html>, as seen from the page's world and from every
  // content-script world (ours included).
  const contexts: number[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => {
    if (!/playwright/i.test(e.context.name)) contexts.push(e.context.id);
  });
  await cdp.send('Runtime.enable');
  await expect.poll(() => contexts.length).toBeGreaterThan(1);
  const worlds = [...contexts]; // the page's and the content scripts'; Playwright adds its own later
  const listeners = async () => {
    const counts: number[] = [];
    for (const contextId of worlds) {
      for (const expression of ['window', 'document', 'document.documentElement']) {
        const { result } = await cdp.send('Runtime.evaluate', { expression, contextId });
        counts.push((await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! })).listeners.length);
      }
    }
    return counts;
  };
  const htmlChildren = () => page.evaluate(() => document.documentElement.children.length);
  const before = { layout: await layout(), listeners: await listeners(), children: await htmlChildren() };

  await send(reader, { type: 'highlight/show', tabId, indicator: 'E3-1' });
  await send(reader, { type: 'highlight/all', tabId, on: true });
  expect((await outlines(cdp)).length).toBeGreaterThan(3);
  expect(await listeners()).not.toEqual(before.listeners); // scroll and resize, while shown
  // The page still takes clicks where our outlines are drawn (Playwright checks nothing intercepts them).
  await page.locator('#page-button').click();
  await expect(page.locator('#clicks')).toHaveText('1');
  expect(await layout()).toEqual(before.layout);

  expect(await send(reader, { type: 'highlight/clear', tabId })).toMatchObject({ ok: true });
  expect(await outlines(cdp)).toEqual([]);
  expect(await htmlChildren()).toBe(before.children);
  expect(await page.evaluate(() => document.querySelectorAll('[data-guide-auditor], guide-auditor-highlights').length)).toBe(0);
  expect(await listeners()).toEqual(before.listeners);
  expect(await layout()).toEqual(before.layout);
  await page.locator('#page-button').click();
  await expect(page.locator('#clicks')).toHaveText('2');
});

test('an element in a hidden tab pane: the portal tab is switched to it; all at once says so instead', async ({ session, site }) => {
  const page = await session.context.newPage();
  await page.goto(`${site}/zhejiang-tabbed.html`);
  const reader = await openReader(session);
  const tabId = await tabIdOf(session, reader, page.url());
  await page.bringToFront();
  const cdp = await session.context.newCDPSession(page);
  const stored = (await readResults(session, reader)).find((e) => e.tabId === tabId)!;
  const selector = stored.result.outcomes.find((o) => o.indicator === 'E1-6')!.evidence.selector!;
  const flowPane = page.locator('.zjzw-procedure-tabItem').nth(2); // 办理流程, where the 特殊环节 table is
  await expect(flowPane).toBeHidden();

  const all = await send(reader, { type: 'highlight/all', tabId, on: true });
  expect(all.highlight.notes).toContainEqual({ indicator: 'E1-6', reason: 'hidden' });
  expect((await outlines(cdp)).find((o) => o.indicator.includes('E1-6'))!.label).toContain('位于未显示的标签页或折叠区中');
  await expect(flowPane).toBeHidden(); // all at once does not flip the page's tabs

  const one = await send(reader, { type: 'highlight/show', tabId, indicator: 'E1-6' });
  expect(one).toMatchObject({ ok: true, highlight: { drawn: 1, notes: [] } });
  await expect(flowPane).toBeVisible();
  await expect(page.locator('ul.zjzw-procedure-tab li.active')).toHaveText('办理流程'); // the page's own tab handler ran
  const [outline] = await outlines(cdp);
  expect(outline!.label).not.toContain('未显示');
  expectSameBox(outline!.box, await page.evaluate((s) => {
    const el = document.querySelector(s)!;
    const row = el.parentElement?.tagName === 'TR' && /^T[HD]$/.test(el.tagName) ? el.parentElement : el;
    const r = row.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, selector));
});

test('in a same-origin iframe the frame that holds the element draws it', async ({ session }) => {
  const page = await session.context.newPage();
  await page.goto(`${server.origin}/framed.html`);
  const frame = page.frames().find((f) => f.url().endsWith('/guide.html'))!;
  const reader = await openReader(session);
  const tabId = await tabIdOf(session, reader, frame.url());
  await page.bringToFront();
  expect(await send(reader, { type: 'highlight/show', tabId, indicator: 'E1-3' })).toMatchObject({ ok: true, highlight: { drawn: 1 } });
  const cdp = await session.context.newCDPSession(page);
  const [outline, ...more] = await outlines(cdp);
  expect(more).toEqual([]);
  // Box models of nodes in a frame are in the top page's coordinates: the frame's offset plus the row's.
  const offset = await page.locator('#guide-frame').evaluate((f) => {
    const r = f.getBoundingClientRect();
    return { x: r.x, y: r.y };
  });
  const row = await frame.evaluate(() => {
    const r = document.querySelector('#basic tr:nth-of-type(8)')!.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  expectSameBox(outline!.box, { ...row, x: row.x + offset.x, y: row.y + offset.y });
  // The top page has nothing of ours.
  expect(await page.evaluate(() => document.querySelectorAll('guide-auditor-highlights').length)).toBe(0);
});

test('choosing a row in the side panel outlines that indicator\'s element on the page', async ({ session }) => {
  const { page, reader, tabId } = await open(session, 'guide.html');
  const cdp = await session.context.newCDPSession(page);
  const panel = await openPanel(session, reader, `tab=${tabId}`);
  const row = panel.locator('li[data-indicator="E1-3"]');
  await row.getByRole('button', { name: /Show on page|在页面中标出/ }).click();
  await expect.poll(async () => (await outlines(cdp)).map((o) => o.indicator)).toEqual(['E1-3']);
  const [outline] = await outlines(cdp);
  expectSameBox(outline!.box, await rectOf(page, '#basic tr:nth-of-type(8)'));
});
