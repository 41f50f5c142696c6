import { CLI_EXTENSION, readResults } from '../cli/runner';
import { openForms, startPortal } from '../tests/fixtures/highlight/portal';
import { expect, test } from './support';

// Playwright cannot answer the browser's permission prompt (microsoft/playwright#32755): the
// granted case runs on the command line's build, which holds the host permission from the start
// (the prompt-less refusal is e2e/linkcheck-permission.spec.ts).
test.use({ extensionDir: CLI_EXTENSION });

let portal: Awaited<ReturnType<typeof startPortal>>;
test.beforeAll(async () => void (portal = await startPortal()));
test.afterAll(async () => portal.close());

test('a broken sample-form link is reported after the check, and nothing is requested before it', async ({ session }) => {
  const { page, reader, tabId, send } = await openForms(session, portal.origin);
  const outcome = async (id: string) => (await readResults(session, reader)).find((e) => e.tabId === tabId)!.result.outcomes.find((o) => o.indicator === id)!;
  expect((await outcome('E4-2')).status).toBe('pass'); // every form has a sample link: fine until checked

  // Audited, highlighted, reloaded and audited again: still not one request to the form files.
  await send({ type: 'highlight/all', tabId, on: true });
  await page.reload();
  await expect.poll(async () => (await readResults(session, reader)).some((e) => e.tabId === tabId)).toBe(true);
  expect(portal.log).toEqual([]);

  const reply = await send({ type: 'links/check', tabId, indicator: 'E4-2' });
  expect(reply.ok, JSON.stringify(reply)).toBe(true);
  const byFile = Object.fromEntries(reply.links.checked.map((c: any) => [c.href.split('/').pop(), c]));
  expect(byFile['sample-missing.docx']).toMatchObject({ material: '个体工商户登记申请书', status: 404, verdict: 'broken' });
  expect(byFile['error-page.pdf']).toMatchObject({ material: '经营承诺书', status: 200, verdict: 'error-page' });
  expect(byFile['blank.docx#page=2']).toMatchObject({ status: 200, verdict: 'ok', method: 'HEAD' });
  expect(reply.links.outcome).toMatchObject({ indicator: 'E4-2', status: 'partial', data: { linksChecked: 3, linksBroken: 2 } });
  expect(reply.links.outcome.message).toContain('个体工商户登记申请书（HTTP 404）');
  expect(reply.links.outcome.evidence.label).toContain('失效链接');
  // The stored result that the panel and popup read says so too; E4-1 was not asked about.
  await expect.poll(async () => (await outcome('E4-2')).status).toBe('partial');
  expect((await outcome('E4-1')).status).toBe('pass');

  // Blank forms: HEAD first, a ranged GET only where HEAD is refused; the other host's link untouched.
  portal.log.length = 0;
  const blank = await send({ type: 'links/check', tabId, indicator: 'E4-1' });
  expect(blank.links.outcome.status).toBe('pass');
  expect(blank.links.checked.find((c: any) => c.href.includes('other-host'))).toMatchObject({ verdict: 'skipped', method: 'none' });
  expect(portal.log).toEqual([
    { method: 'HEAD', path: '/files/blank.docx', range: undefined },
    { method: 'HEAD', path: '/files/no-head.docx', range: undefined },
    { method: 'GET', path: '/files/no-head.docx', range: 'bytes=0-1023' },
  ]);
  // The page changes (its address gains a street) and is re-audited: the link finding stays.
  const e13 = (await outcome('E1-3')).missing;
  await page.evaluate(() => (document.getElementById('address')!.textContent = '安达市中山路1号政务服务中心'));
  await expect.poll(async () => (await outcome('E1-3')).missing).not.toEqual(e13);
  expect((await outcome('E4-2')).status).toBe('partial');
});
