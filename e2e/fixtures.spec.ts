import { auditUrls, launch, type Session } from '../cli/runner';
import { serveFolder } from '../cli/serve';
import type { PageReport } from '../lib/csv';
import { loadFixtures, mismatches } from '../tests/fixtures';
import { BROWSER_EXTENSION, FIXTURES, chromiumPath, expect, test } from './support';

// Every fixture page, in the shipped extension in real Chromium, including the pages that fill
// themselves by XHR after load: the content script must re-audit when the content arrives.
test.describe.configure({ mode: 'serial' });

const fixtures = loadFixtures();
let session: Session;
let server: Awaited<ReturnType<typeof serveFolder>>;
let reports: PageReport[] = [];
const requests: string[] = [];
const pageErrors: string[] = [];

test.beforeAll(async () => {
  server = await serveFolder(FIXTURES);
  session = await launch(chromiumPath(), BROWSER_EXTENSION);
  session.context.on('request', (r) => requests.push(r.url()));
  session.context.on('page', (p) => p.on('pageerror', (e) => pageErrors.push(`${p.url()}: ${e.message}`)));
  // A generous settle limit: pages that render from data must not race a busy machine here.
  reports = await auditUrls(session, fixtures.map((f) => `${server.origin}/${f.name}.html`), { settleMs: 20_000 });
});

test.afterAll(async () => {
  await session?.close();
  await server?.close();
});

for (const [i, f] of fixtures.entries()) {
  test(`${f.name}: ${f.expected.isGuide ? 'every indicator as expected' : 'not a guide, no outcomes'}`, () => {
    const r = reports[i]!;
    expect('error' in r ? [r.error] : mismatches(r, f.expected)).toEqual([]);
  });
}

test('the host pages kept working, and no request left for anywhere but the page and the extension', () => {
  expect(pageErrors).toEqual([]);
  expect(requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith('chrome-extension://'))).toEqual([]);
});
