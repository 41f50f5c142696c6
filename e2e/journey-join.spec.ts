import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { JOURNEY_HEADER, WIDE_HEADER } from '../lib/export/csv-export';
import { expect, test } from './support';
import { CLI_EXTENSION } from '../cli/runner';
import { journeyReader, servePortal, walkPortal } from './journey-support';
import { launchProfile, tabIdOf } from './panel-support';
import { runScript } from './store-support';

/*
 * A journey walked by hand in a real browser joins the findings: the side panel's scorecard of
 * its guide shows its A3-2 outcome with a link to the timeline, and `npm run export` (the
 * dashboard's own export code, run on that profile) writes its real counts. The fixture journey
 * (e2e/journey.spec.ts counts it by hand): 5 clicks, 6 pages, 1 login page; over the budget of 3.
 */

test.describe('the journey joins the scorecard and the exports', () => {
  test('panel scorecard and journeys / wide CSV show the counts derived from the stored events', async () => {
    test.setTimeout(240_000);
    const portal = await servePortal();
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ga-join-'));
    try {
      // The command line's build: `npm run export` opens the profile with it (the store belongs to its extension id).
      const session = await launchProfile(profile, CLI_EXTENSION);
      const { context, extensionId } = session;
      let journeyId = '';
      try {
        const reader = await journeyReader(context, extensionId);
        await walkPortal(context, portal.origin, reader);
        const guideUrl = `${portal.origin}/guide.html`;
        const tabId = await tabIdOf(session, reader, guideUrl);
        const panel = await context.newPage();
        await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
        const card = panel.getByTestId('journey-card');
        await expect(card).toHaveAttribute('data-journey', /^j-/, { timeout: 30_000 });
        journeyId = (await card.getAttribute('data-journey'))!;
        await expect(panel.getByTestId('scorecard').getByTestId('journey-card')).toBeVisible();
        await expect(card.locator('li[data-indicator="A3-2"]')).toHaveAttribute('data-status', 'partial');
        await expect(card.locator('li[data-indicator="A3-2"]')).toContainText('超出点击预算（3次）：5次点击、6个页面（其中登录/身份认证页1个）');
        await expect(card.locator('li[data-indicator="B1"]')).toHaveAttribute('data-status', 'pass');
        await expect(panel.getByTestId('journey-link')).toHaveAttribute('href', `chrome-extension://${extensionId}/journey.html?id=${journeyId}`);
        // The link opens that journey's timeline.
        const [timeline] = await Promise.all([context.waitForEvent('page'), panel.getByTestId('journey-link').click()]);
        await timeline.waitForLoadState();
        expect(timeline.url()).toContain(`journey.html?id=${journeyId}`);
      } finally {
        await session.close();
      }

      const run = await runScript('export', ['--profile', profile, '--format', 'journeys']);
      expect(run.code, run.err).toBe(0);
      expect([...run.out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows: string[][] = parse(run.out.subarray(3).toString('utf8'), { record_delimiter: '\r\n' });
      expect(rows[0]).toEqual(JOURNEY_HEADER);
      expect(rows).toHaveLength(2);
      const r = Object.fromEntries(JOURNEY_HEADER.map((h, i) => [h, rows[1]![i]]));
      expect(r).toMatchObject({
        '旅程 Journey': journeyId, '事项名称 Item': '食品经营许可（新办）', '状态 Status': '已到达提交页 reached',
        '点击数 Clicks': '5', '页面数 Pages': '6', '登录页数 Login pages': '1', '到达申报页 Reached': '是', '结论 Outcome': '不完整 partial',
        'B1 对照结果 B1 vs journey': '通过 pass',
      });

      const wide = await runScript('export', ['--profile', profile, '--format', 'wide']);
      expect(wide.code, wide.err).toBe(0);
      const w: string[][] = parse(wide.out.subarray(3).toString('utf8'), { record_delimiter: '\r\n' });
      const item = w.find((x) => x[0] === '食品经营许可（新办）')!;
      const col = (h: string) => item[WIDE_HEADER.indexOf(h)];
      expect([col('旅程数 Journeys'), col('点击数 Clicks'), col('页面数 Pages'), col('A3-2 引导便捷度')]).toEqual(['1', '5', '6', '不完整 partial']);
    } finally {
      await portal.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  });
});
