import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { launch, type Session } from '../cli/runner';
import { serveFolder } from '../cli/serve';
import { CSV_HEADER } from '../lib/csv';
import { LONG_HEADER } from '../lib/export/csv-export';
import { attachShot, useLocale } from './panel-support';
import { HOSTILE_NAME, fixedDefects, pagesDir } from './store-support';
import { BROWSER_EXTENSION, chromiumPath } from './support';

/** A reviewer browses guides; the store keeps them across a browser restart; the dashboard shows and exports them. */

test('browsed guides are kept, listed, re-audited as fixed, exported byte for byte, and survive a restart', async () => {
  const dir = pagesDir();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'store-profile-'));
  const server = await serveFolder(dir);
  let session: Session | undefined;
  try {
    session = await launch(chromiumPath(), { extensionDir: BROWSER_EXTENSION, userDataDir: profile });
    const dashUrl = `chrome-extension://${session.extensionId}/dashboard.html`;
    const browse = async (s: Session, file: string) => {
      const page = await s.context.newPage();
      await page.goto(`${server.origin}/${file}`);
      return page;
    };
    for (const f of ['a.html', 'b.html', 'c.html']) await browse(session, f);

    const dash = await session.context.newPage();
    await dash.goto(dashUrl);
    await useLocale(dash, 'zh_CN'); // this Chromium speaks en-US; the reviewer picks Chinese (kept in the profile)
    // The dashboard follows the background's saves as they happen
    await expect(dash.getByTestId('item-row')).toHaveCount(3, { timeout: 60_000 });
    await expect(dash.getByTestId('item-name')).toContainText([HOSTILE_NAME]); // page text shown as text
    await expect(dash.getByTestId('targets')).toContainText('平均减时间');

    // The guide is fixed on the portal; the reviewer opens it again
    fs.writeFileSync(path.join(dir, 'a.html'), fixedDefects());
    await browse(session, 'a.html');
    const row = dash.getByTestId('item-row').filter({ hasText: '民办职业培训学校设立审批' });
    await expect(row.getByTestId('item-change')).toContainText('已整改', { timeout: 60_000 });
    await expect(row).toContainText('2'); // two audits of the item
    await row.getByTestId('item-name').click();
    const detail = dash.getByTestId('item-detail');
    await expect(detail.locator('[data-indicator="E1-1"] [data-testid="indicator-change"]')).toHaveText('已整改');
    await expect(detail.locator('[data-indicator="E1-2"] [data-testid="indicator-change"]')).toHaveText('已整改');
    await expect(detail.locator('[data-indicator="B1"] [data-testid="indicator-change"]')).toHaveText('未变');

    // The long CSV as downloaded from the dashboard
    const [download] = await Promise.all([dash.waitForEvent('download'), dash.getByTestId('export-long').click()]);
    expect(download.suggestedFilename()).toMatch(/^办事指南审核-长表-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const headerLine = `${LONG_HEADER.map((h) => `"${h}"`).join(',')}\r\n`;
    expect(text.startsWith(headerLine)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    // The hostile item name is kept as text behind an apostrophe, its quotes doubled (RFC 4180)
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""点击"")食品经营许可"`);
    // A formula inside a cell is not at its start: kept as written, quoted
    expect(text).toContain(`"灵山县灵城街道县政务服务中心二楼社保窗口=HYPERLINK(""http://evil.example"",""点击"")"`);
    const rows: string[][] = parse(text, { record_delimiter: '\r\n' });
    expect(rows[0]!.slice(0, CSV_HEADER.length)).toEqual(CSV_HEADER);
    expect(rows).toHaveLength(1 + 3 * 18);
    expect(rows.every((r) => r.length === LONG_HEADER.length)).toBe(true);
    const change = (ind: string) => rows.find((r) => r[3] === '民办职业培训学校设立审批' && r[5] === ind)![LONG_HEADER.indexOf('变化 Change')];
    expect(change('E1-1')).toBe('已整改 fixed');
    expect(change('E1-2')).toBe('已整改 fixed');
    expect(rows.find((r) => r[3] === '民办职业培训学校设立审批')![LONG_HEADER.indexOf('部门 Department')]).toBe('灵山县人力资源和社会保障局');
    // Bytes: no bare LF line ends, only CRLF between records
    expect(text.split('\r\n').length - 1).toBe(rows.length + rows.flat().reduce((n, c) => n + (c.match(/\r\n/g)?.length ?? 0), 0));

    // Restart the browser with the same profile: everything is still there
    await session.close();
    session = await launch(chromiumPath(), { extensionDir: BROWSER_EXTENSION, userDataDir: profile });
    const again = await session.context.newPage();
    await again.goto(`chrome-extension://${session.extensionId}/dashboard.html`);
    await expect(again.getByTestId('item-row')).toHaveCount(3);
    await expect(again.getByTestId('totals')).toHaveText('共 3 个事项、4 次审核');
    const [download2] = await Promise.all([again.waitForEvent('download'), again.getByTestId('export-long').click()]);
    expect(fs.readFileSync((await download2.path())!).equals(bytes)).toBe(true);

    // Re-audit stored pages with today's rules, from the snapshots: the same rules find the same
    await again.getByTestId('reaudit').click();
    await expect(again.getByTestId('message')).toContainText('已用今天的规则重新审核 3 个事项：0 个结果有变化');
    await expect(again.getByTestId('totals')).toHaveText('共 3 个事项、4 次审核');

    // Deleting asks first
    const first = again.getByTestId('item-row').first();
    await first.getByTestId('delete-item').click();
    await expect(again.getByTestId('item-row')).toHaveCount(3);
    await again.getByTestId('delete-item-yes').click();
    await expect(again.getByTestId('item-row')).toHaveCount(2);
    await attachShot(again, test.info(), 'dashboard');

    // In English the dashboard speaks English only; the guides' own text stays as the page wrote it
    await useLocale(again, 'en');
    await expect(again.getByRole('heading', { level: 1 })).toHaveText('Dashboard');
    await expect(again.getByTestId('totals')).toHaveText('2 items, 2 audits');
    await expect(again.getByTestId('targets')).toContainText('Average time cut (target 70%)');
    await expect(again.getByTestId('export-long')).toHaveText('Export the long CSV');
    for (const text of await again.locator('thead, section.actions').allInnerTexts()) expect(text).not.toMatch(/[\u4e00-\u9fff]/);
    await attachShot(again, test.info(), 'dashboard-english');
  } finally {
    await session?.close();
    await server.close();
    fs.rmSync(profile, { recursive: true, force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the popup opens the dashboard', async () => {
  const session = await launch(chromiumPath(), { extensionDir: BROWSER_EXTENSION });
  try {
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=-1`);
    const [dash] = await Promise.all([session.context.waitForEvent('page'), popup.getByTestId('open-dashboard').click()]);
    await dash.waitForLoadState();
    expect(dash.url()).toBe(`chrome-extension://${session.extensionId}/dashboard.html`);
    await expect(dash.getByTestId('empty')).toBeVisible();
  } finally {
    await session.close();
  }
});
