import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLI_EXTENSION, launch, openReader } from '../cli/runner';
import { INDICATOR_IDS } from '../lib/indicators';
import { attachShot, axeViolations, launchProfile, openPanel, tabIdOf, useLocale, windowOf } from './panel-support';
import { chromiumPath, expect, test } from './support';

test('the side panel lists every indicator of a guide, problems first, in words, and passes axe', async ({ session, site }, info) => {
  const page = await session.context.newPage();
  await page.goto(`${site}/defects.html`);
  const reader = await openReader(session);
  const panel = await openPanel(session, reader, `tab=${await tabIdOf(session, reader, page.url())}`);
  await useLocale(panel, 'zh_CN');

  await expect(panel.getByTestId('item-name')).toHaveText('民办职业培训学校设立审批');
  await expect(panel.getByTestId('item-code')).toHaveText('11450721007632584K4452006011000');
  // Every indicator once, whatever its status (passes are folded, not dropped).
  const ids = await panel.locator('li[data-indicator]').evaluateAll((els) => els.map((e) => e.getAttribute('data-indicator')));
  expect([...ids].sort()).toEqual([...INDICATOR_IDS].sort());
  // Problems first: no pass above a fail/partial/review; the first rows are fails.
  const statuses = await panel.locator('li[data-indicator]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
  const firstPass = statuses.indexOf('pass');
  expect(statuses.slice(firstPass === -1 ? statuses.length : firstPass).every((s) => s === 'pass' || s === 'na')).toBe(true);
  await expect(panel.locator('[data-series="E1"] li[data-indicator]').first()).toHaveAttribute('data-status', 'fail');

  const e13 = panel.locator('li[data-indicator="E1-3"]');
  await expect(e13.getByTestId('status')).toContainText('不完整');
  await expect(e13).toContainText('办理地点缺少街道/路名、门牌号、房间号、窗口号');
  await expect(e13.locator('.en')).toHaveText('Where to apply: partial; missing street, house number, room number, window number');
  // Evidence is the label and the text, not a CSS path; hostile page text stays text.
  await expect(e13.getByTestId('evidence')).toContainText('「办理地点」');
  await expect(e13.getByTestId('evidence')).toContainText('=HYPERLINK("http://evil.example","点击")');
  await expect(panel.locator('li[data-indicator="E2-1"]')).toContainText('<img src=x onerror=alert(1)>');
  await expect(panel.locator('img')).toHaveCount(0);
  expect(await panel.locator('main').innerText()).not.toMatch(/nth-of-type|:time-limit|:handler|:standard|area-code|check-character|missing level\b/);
  // Outcome words of their own: A4-4 says 非即办, not 缺失.
  await expect(panel.locator('li[data-indicator="A4-4"] [data-testid=status]')).toContainText('非即办');
  // The phone hint names no province's area code.
  await expect(panel.locator('li[data-indicator="E1-5"]')).not.toContainText('0455');

  // A filter by status.
  await panel.getByLabel('筛选').selectOption('partial');
  await expect(panel.locator('li[data-indicator]:visible').first()).toHaveAttribute('data-status', 'partial');
  expect(new Set(await panel.locator('li[data-indicator]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status'))))).toEqual(new Set(['partial']));
  await panel.getByLabel('筛选').selectOption('all');

  await attachShot(panel, info, 'panel-defects');
  expect(await axeViolations(panel)).toEqual([]);
});

test('on an English browser the panel speaks English, and the reviewer can switch it to Chinese', async ({ session, site }, info) => {
  const page = await session.context.newPage();
  await page.goto(`${site}/heilongjiang-grid.html`);
  const reader = await openReader(session);
  const panel = await openPanel(session, reader, `tab=${await tabIdOf(session, reader, page.url())}`);
  await useLocale(panel, 'en');
  await expect(panel.getByLabel('Reviewer')).toBeVisible();
  await expect(panel.locator('li[data-indicator="E1-3"] [data-testid=status]')).toContainText('partial');
  await expect(panel.locator('li[data-indicator="E1-3"] h4')).toContainText('Where to apply');
  await expect(panel.locator('[data-series="E1"] h3').first()).toContainText('Basic information');
  await attachShot(panel, info, 'panel-english');
  expect(await axeViolations(panel)).toEqual([]);
  await panel.getByLabel('Language').selectOption('zh_CN');
  await expect(panel.getByLabel('复核人')).toBeVisible();
  await expect(panel.locator('li[data-indicator="E1-3"] [data-testid=status]')).toContainText('不完整');
});

test('the side panel follows the active tab of its window', async ({ session, site }) => {
  const a = await session.context.newPage();
  await a.goto(`${site}/defects.html`);
  const b = await session.context.newPage();
  await b.goto(`${site}/beijing-sections.html`);
  const reader = await openReader(session);
  const tabA = await tabIdOf(session, reader, a.url());
  await tabIdOf(session, reader, b.url());
  await a.bringToFront();
  const panel = await openPanel(session, reader, `window=${await windowOf(reader, tabA)}`);
  await expect(panel.getByTestId('item-name')).toHaveText('民办职业培训学校设立审批');
  await b.bringToFront();
  await expect(panel.getByTestId('item-name')).toHaveText('人力资源服务许可');
});

test('a verdict with its reason survives a browser restart and comes back for the same item', async ({ site }, info) => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'guide-auditor-panel-'));
  try {
    let session = await launchProfile(profile);
    let page = await session.context.newPage();
    await page.goto(`${site}/defects.html`);
    let reader = await openReader(session);
    let panel = await openPanel(session, reader, `tab=${await tabIdOf(session, reader, page.url())}`);
    await useLocale(panel, 'zh_CN');

    await panel.getByLabel('复核人').fill('张三');
    const row = panel.locator('li[data-indicator="E1-5"]');
    await row.getByRole('button', { name: '复核' }).click();
    await row.getByLabel('复核结果').selectOption('pass');
    // The reason is required.
    await row.getByRole('button', { name: '保存复核' }).click();
    await expect(row.getByRole('alert')).toContainText('请选择复核理由');
    await row.getByLabel('页面外信息').check();
    await row.getByLabel('备注').fill('区号见页面顶部：0777');
    await row.getByRole('button', { name: '保存复核' }).click();
    await expect(row.getByTestId('verdict')).toContainText('张三');
    await expect(row.getByTestId('status')).toContainText('通过');
    await expect(row.getByTestId('auto-status')).toContainText('不完整');
    await attachShot(panel, info, 'panel-verdict');
    await session.close();

    // Same profile, new browser: the verdict is back for the same item.
    session = await launchProfile(profile);
    page = await session.context.newPage();
    await page.goto(`${site}/defects.html`);
    reader = await openReader(session);
    panel = await openPanel(session, reader, `tab=${await tabIdOf(session, reader, page.url())}`);
    const again = panel.locator('li[data-indicator="E1-5"]');
    await expect(again.getByTestId('verdict')).toContainText('张三');
    await expect(again.getByTestId('verdict')).toContainText('页面外信息');
    await expect(again.getByTestId('verdict')).toContainText('区号见页面顶部：0777');
    await expect(again.getByTestId('status')).toContainText('通过');
    await expect(again.getByTestId('auto-status')).toContainText('不完整');
    await expect(panel.getByLabel('复核人')).toHaveValue('张三');

    // And in the long CSV the dashboard exports: the reviewed status, the automatic one, the reason.
    const dash = await session.context.newPage();
    await dash.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
    const [download] = await Promise.all([dash.waitForEvent('download'), dash.getByTestId('export-long').click()]);
    const rows = parse(fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    const e15 = rows.find((r) => r['指标 Indicator'] === 'E1-5' && r['事项名称 Item'] === '民办职业培训学校设立审批');
    expect(e15).toMatchObject({
      '结果 Status': '通过 pass',
      '自动判定 Auto status': '不完整 partial',
      '复核理由 Verdict reason': '页面外信息 information elsewhere',
      '备注 Note': '区号见页面顶部：0777',
      '复核人 Reviewer': '张三',
    });
    await session.close();
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test('a screenshot of the page with its outlines is stored with the audit and shown as a thumbnail', async ({ site }, info) => {
  // The command-line build holds <all_urls>; the shipped one captures after a click on its toolbar icon (activeTab).
  const session = await launch(chromiumPath(), { extensionDir: CLI_EXTENSION });
  try {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto(`${site}/beijing-sections.html`);
    const reader = await openReader(session);
    const panel = await openPanel(session, reader, `tab=${await tabIdOf(session, reader, page.url())}`);
    await useLocale(panel, 'zh_CN');
    // Another tab shown in the page's window: the panel refuses rather than capture the wrong page.
    await panel.getByTestId('capture').click();
    await expect(panel.getByTestId('screenshots').getByRole('alert')).toContainText('不是其窗口中当前显示的标签页');
    await page.bringToFront();
    await panel.getByTestId('highlight-all').click();
    await expect(panel.getByTestId('highlight-all')).toHaveAttribute('aria-pressed', 'true');
    await expect(panel.getByTestId('tool-notice')).not.toHaveClass(/errors/);
    await panel.getByTestId('capture').click();
    const thumb = panel.getByTestId('thumb');
    await expect(thumb).toHaveCount(1, { timeout: 30_000 });
    await expect(panel.getByTestId('screenshots')).toContainText('截图证据（1）');
    const alt = (await thumb.getAttribute('alt')) ?? '';
    expect(Number(/标出 (\d+) 处/.exec(alt)?.[1])).toBeGreaterThan(0);
    // Kept in the findings store as a PNG Blob with its audit and the outlined rectangles.
    const stored = await panel.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok, no) => {
        const r = indexedDB.open('guide-auditor');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => no(r.error);
      });
      const all = await new Promise<{ auditId: string; blob: Blob; rects: unknown[] }[]>((ok) => {
        const r = db.transaction('screenshots').objectStore('screenshots').getAll();
        r.onsuccess = () => ok(r.result as never);
      });
      const audit = await new Promise<unknown>((ok) => {
        const r = db.transaction('audits').objectStore('audits').get(all[0]!.auditId);
        r.onsuccess = () => ok(r.result);
      });
      const bytes = new Uint8Array(await all[0]!.blob.arrayBuffer());
      return { n: all.length, type: all[0]!.blob.type, size: bytes.length, rects: all[0]!.rects.length, audit: !!audit, png: btoa(String.fromCharCode(...bytes.subarray(0, 8))), data: await new Promise<string>((ok) => { const f = new FileReader(); f.onload = () => ok(String(f.result)); f.readAsDataURL(all[0]!.blob); }) };
    });
    expect(stored).toMatchObject({ n: 1, type: 'image/png', audit: true });
    expect(stored.size).toBeGreaterThan(5000);
    expect(stored.rects).toBeGreaterThan(0);
    const file = info.outputPath('stored-screenshot.png');
    fs.writeFileSync(file, Buffer.from(stored.data.split(',')[1]!, 'base64'));
    await info.attach('stored-screenshot', { path: file, contentType: 'image/png' });
    await attachShot(panel, info, 'panel-screenshots');
  } finally {
    await session.close();
  }
});

test('a verdict can be given with the keyboard alone, and focus comes back to the row', async ({ session, site }) => {
  const page = await session.context.newPage();
  await page.goto(`${site}/defects.html`);
  const reader = await openReader(session);
  const panel = await openPanel(session, reader, `tab=${await tabIdOf(session, reader, page.url())}`);
  await useLocale(panel, 'zh_CN');
  const focused = () => panel.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName ?? '', text: el?.textContent?.trim() ?? '', id: el?.id ?? '', row: el?.closest('li[data-indicator]')?.getAttribute('data-indicator') ?? '' };
  });
  // The panel drawn (after the language reload) with this page's scorecard, before any key is pressed.
  await panel.locator('li[data-indicator="E1-6"]').waitFor();
  // From the top: the reviewer field comes first.
  await panel.keyboard.press('Tab');
  expect((await focused()).id).toBe('reviewer');
  await panel.keyboard.type('王五');
  // Tab on to the first problem's review button (E1-6, a fail, heads the E1 series).
  let f = await focused();
  for (let i = 0; i < 30 && !(f.row === 'E1-6' && f.text === '复核'); i++) {
    await panel.keyboard.press('Tab');
    f = await focused();
  }
  expect(f).toMatchObject({ row: 'E1-6', text: '复核' });
  await panel.keyboard.press('Enter');
  expect((await focused()).tag).toBe('SELECT');
  await panel.keyboard.press('Tab'); // to the reasons
  await panel.keyboard.press('Space');
  await panel.keyboard.press('Tab'); // to the note
  await panel.keyboard.type('特殊环节见附件');
  await panel.keyboard.press('Tab'); // to 保存复核
  expect((await focused()).text).toBe('保存复核');
  await panel.keyboard.press('Enter');
  const row = panel.locator('li[data-indicator="E1-6"]');
  await expect(row.getByTestId('verdict')).toContainText('王五');
  await expect(row.getByTestId('verdict')).toContainText('误判');
  await expect.poll(focused).toMatchObject({ row: 'E1-6', text: '修改复核' });
  // The focus ring is visible (not the browser default none).
  const outline = await panel.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
});

test('the popup is a short summary, problems first, with buttons to the panel and the dashboard', async ({ session, site }) => {
  const page = await session.context.newPage();
  await page.goto(`${site}/heilongjiang-grid.html`);
  const reader = await openReader(session);
  const tabId = await tabIdOf(session, reader, page.url());
  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
  await useLocale(popup, 'zh_CN');
  await expect(popup.getByTestId('item-name')).toHaveText('个体工商户注销登记');
  await expect(popup.locator('.problems-list li[data-indicator]')).toHaveCount(3);
  await expect(popup.locator('.problems-list li[data-indicator]').first()).toContainText('不完整');
  await expect(popup.getByTestId('counts')).toContainText('通过 15');
  await expect(popup.getByTestId('open-panel')).toHaveText('打开侧边栏');
  await expect(popup.getByTestId('open-dashboard')).toHaveText('打开看板');
  expect(await axeViolations(popup)).toEqual([]);
});
