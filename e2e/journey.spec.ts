import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './support';
import { useLocale } from './panel-support';
import { bootId, enterFromGuide, journeyReader, launchProfile, journeys, servePortal, stopWorker, waitForGuide, waitForPages, walkPortal } from './journey-support';

/*
 * The fixture journey, counted by hand from the rule book's definition (README 办事路径):
 *   guide.html
 *   click 1  在线办理 (opens a new tab)      → /go/apply 302 → login.html      page 1 (login; the redirect is not a page)
 *   click 2  登 录                           → situation.html                 page 2
 *   click 3  个人办理                         → personal.html                  page 3
 *   (browser Back: not a click)              → situation.html                 page 4 (back/forward arrival)
 *   click 4  企业办理 (history.pushState)     → situation.html?case=enterprise page 5 (in-page route change)
 *   click 5  开始申报                         → form.html (form in a frame)    page 6 = submission page
 * clicks = 5, pages = 6, loginPages = 1; A3-2 with the default budget of 3 clicks: partial.
 */
const EXPECTED = { clicks: 5, pages: 6, loginPages: 1, status: 'reached', reached: true };
const PATH = ['start', 'click', 'tab', 'redirect', 'page', 'click', 'page', 'click', 'page', 'page', 'click', 'page', 'click', 'page'];

test.describe('journeys (A3-2) on the fixture portal', () => {
  let portal: Awaited<ReturnType<typeof servePortal>>;
  test.beforeAll(async () => {
    portal = await servePortal();
  });
  test.afterAll(async () => {
    await portal.close();
  });

  test('clicking through gives the exact counts, the path and the A3-2 outcome', async ({ session }) => {
    const reader = await journeyReader(session.context, session.extensionId);
    await walkPortal(session.context, portal.origin, reader);
    const [j] = await journeys(reader);
    expect(j).toMatchObject(EXPECTED);
    expect(j!.steps!.map((s) => s.kind)).toEqual(PATH);
    const pages = j!.steps!.filter((s) => s.kind === 'page');
    expect(pages.map((s) => new URL(s.url).pathname + new URL(s.url).search)).toEqual([
      '/login.html?service=%2Fsituation.html', '/situation.html', '/personal.html', '/situation.html', '/situation.html?case=enterprise', '/form.html',
    ]);
    expect(pages[0]!.login).toBeTruthy();
    expect(['back_forward', 'bfcache']).toContain(pages[3]!.nav);
    expect(pages[4]!.nav).toBe('push');
    expect(j!.steps!.find((s) => s.kind === 'redirect')!.url).toBe(`${portal.origin}/go/apply`);
    expect(j!.outcomes[0]).toMatchObject({ indicator: 'A3-2', status: 'partial' });
    expect(j!.outcomes[0]!.message).toContain('超出点击预算（3次）');
    expect(j!.journey.guide).toMatchObject({ itemName: '食品经营许可（新办）', depth: 4 });
    // The guide claims 全程网办 and the journey reached the form: B1 agrees with reality.
    expect(j!.outcomes[1]).toMatchObject({ indicator: 'B1', status: 'pass' });
  });

  test('the same journey with the service worker stopped before every step: same counts, no duplicates, same order', async ({ session }) => {
    const reader = await journeyReader(session.context, session.extensionId);
    const boots = new Set<string | undefined>();
    await walkPortal(session.context, portal.origin, reader, async (page) => {
      boots.add(await bootId(reader));
      await stopWorker(session.context, page, session.extensionId);
    });
    const [j] = await journeys(reader);
    boots.add(await bootId(reader));
    // Six stops: the worker started afresh at least six times during the journey.
    expect(boots.size).toBeGreaterThanOrEqual(7);
    expect(j).toMatchObject(EXPECTED);
    expect(j!.steps!.map((s) => s.kind)).toEqual(PATH);
    expect(new Set(j!.steps!.map((s) => s.eventId)).size).toBe(j!.steps!.length);
  });

  test('pressing Enter to submit the login form counts once, as the click on its submit control', async ({ session }) => {
    const reader = await journeyReader(session.context, session.extensionId);
    const tab = await enterFromGuide(session.context, portal.origin, reader);
    await tab.fill('#user', 'reviewer');
    await tab.fill('#password', 'secret');
    await tab.press('#password', 'Enter');
    await tab.waitForURL(/\/situation\.html$/);
    const j = await waitForPages(reader, 2);
    expect(j).toMatchObject({ clicks: 2, pages: 2, loginPages: 1 });
    const clicks = j.steps!.filter((s) => s.kind === 'click');
    expect(clicks.map((s) => s.counted)).toEqual([true, true]);
    expect(clicks[1]!.why).toContain('回车');
  });

  test('a guide claiming 全程网办 whose online entry leads to the portal home page: B1 partial with the journey as evidence', async ({ session }) => {
    const reader = await journeyReader(session.context, session.extensionId);
    const guide = await session.context.newPage();
    await guide.goto(`${portal.origin}/guide-home.html`);
    await waitForGuide(reader, `${portal.origin}/guide-home.html`);
    await guide.click('#online-entry');
    await guide.waitForURL(/\/index\.html$/);
    await waitForPages(reader, 1);
    // The reviewer finds no way on and marks a dead end in the timeline.
    await reader.reload();
    await reader.getByTestId('mark-dead-end').click();
    await expect(reader.getByTestId('outcome-B1')).toContainText('门户首页');
    const [j] = await journeys(reader);
    expect(j).toMatchObject({ status: 'dead-end', clicks: 1, pages: 1 });
    const b1 = j!.outcomes.find((o) => o.indicator === 'B1')!;
    expect(b1).toMatchObject({ status: 'partial', evidence: { selector: `${portal.origin}/index.html`, label: '安达市政务服务网' } });
    expect(j!.outcomes[0]).toMatchObject({ indicator: 'A3-2', status: 'fail' });
  });
});

test('a journey cut off by closing the browser is shown as interrupted, with its steps, after a restart with the same profile', async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'guide-auditor-journey-'));
  const portal = await servePortal();
  const open = () => launchProfile(profile);
  try {
    const first = await open();
    const reader = await journeyReader(first.context, first.extensionId);
    await enterFromGuide(first.context, portal.origin, reader);
    await first.context.close();

    const second = await open();
    const page = await journeyReader(second.context, second.extensionId);
    // English first (this Chromium's UI language), then Chinese once the reviewer picks it.
    await expect(page.getByTestId('status')).toHaveText('Interrupted', { timeout: 30_000 });
    await useLocale(page, 'zh_CN');
    await expect(page.getByTestId('status')).toHaveText(/已中断/, { timeout: 30_000 });
    const [j] = await journeys(page);
    expect(j).toMatchObject({ status: 'interrupted', clicks: 1, pages: 1, loginPages: 1 });
    expect(j!.steps!.map((s) => s.kind)).toEqual(['start', 'click', 'tab', 'redirect', 'page', 'mark']);
    await expect(page.getByTestId('steps').locator('tr[data-kind=page]')).toHaveCount(1);
    expect(j!.outcomes[0]).toMatchObject({ indicator: 'A3-2', status: 'review' });
    await second.context.close();
  } finally {
    await portal.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});

test('on a plain-http gov.cn portal (not a secure context, no crypto.randomUUID in the page) the counts are the same', async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'guide-auditor-journey-'));
  const portal = await servePortal();
  const port = new URL(portal.origin).port;
  const b = await launchProfile(profile, ['--host-resolver-rules=MAP zwfw.example.gov.cn 127.0.0.1']);
  try {
    const reader = await journeyReader(b.context, b.extensionId);
    const origin = `http://zwfw.example.gov.cn:${port}`;
    const tab = await walkPortal(b.context, origin, reader);
    expect(await tab.evaluate(() => window.isSecureContext)).toBe(false);
    const [j] = await journeys(reader);
    expect(j).toMatchObject(EXPECTED);
    expect(j!.steps!.map((s) => s.kind)).toEqual(PATH);
  } finally {
    await b.context.close();
    await portal.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
});
