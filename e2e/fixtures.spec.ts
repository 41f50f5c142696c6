import { auditUrls } from '../cli/runner';
import type { PageReport } from '../lib/csv';
import { loadFixtures, mismatches } from '../tests/fixtures';
import { expect, test } from './support';

// Every fixture page, in the real extension in real Chromium, including the ones that fill
// themselves by XHR after load: the content script must re-audit when the content arrives.
test('every fixture page is scored on every indicator exactly as expected', async ({ session, site }) => {
  const fixtures = loadFixtures();
  const requests: string[] = [];
  const pageErrors: string[] = [];
  session.context.on('request', (r) => requests.push(r.url()));
  session.context.on('page', (p) => p.on('pageerror', (e) => pageErrors.push(`${p.url()}: ${e.message}`)));
  const reports: PageReport[] = await auditUrls(session, fixtures.map((f) => `${site}/${f.name}.html`));

  const problems = fixtures.flatMap((f, i) => {
    const r = reports[i]!;
    if ('error' in r) return [`${f.name}: ${r.error}`];
    return mismatches(r, f.expected).map((m) => `${f.name}: ${m}`);
  });
  expect(problems).toEqual([]);
  // The host pages kept working, and nothing left the machine: every request went to the
  // fixture server or to the extension itself.
  expect(pageErrors).toEqual([]);
  const origin = new URL(site).origin;
  expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('chrome-extension://'))).toEqual([]);
});
