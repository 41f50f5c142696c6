// Side panel open time for a guide with 40 materials, in real Chromium with the built extension
// (npm run build:chrome first). Printed, not asserted. Measured from the panel page's navigation
// start to the scorecard with the item's stored verdicts and screenshots on screen (the panel's
// `guide-auditor:panel-ready` mark); baseline: the same page with no tab to show, to its
// DOMContentLoaded (loading the page and its scripts), in the same run.
// Run: npm run bench:panel
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { openReader, launch, readResults, ROOT } from '../cli/runner';
import { findChromium } from '../cli/chromium';
import { serveFolder } from '../cli/serve';

const RUNS = 10;
const MATERIALS = 40;

/** The Beijing fixture with its materials table grown to `n` rows (sources, copies, blank and sample forms). */
function guideWith(n: number): string {
  const html = fs.readFileSync(path.join(ROOT, 'tests/fixtures/pages/beijing-sections.html'), 'utf8');
  const rows = Array.from({ length: n }, (_, i) => {
    const form = i % 3 === 0;
    return `<tr><td>${i + 1}</td><td>${form ? `第${i + 1}号申请表` : `第${i + 1}项证明材料`}</td><td>原件</td><td>${i % 5 === 0 ? '' : '申请人自备'}</td><td>${i % 7 === 0 ? '' : '1'}</td><td>必要</td><td>${form ? `<a href="/f/${i}-blank.docx">空表</a>${i % 2 ? `<a href="/f/${i}-sample.pdf">样表</a>` : ''}` : ''}</td></tr>`;
  }).join('\n');
  return html.replace(/(<div class="section" id="sqcl">[\s\S]*?<tbody>)[\s\S]*?(<\/tbody>)/, `$1${rows}$2`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeOf(page: Page, url: string, what: 'ready' | 'dom'): Promise<number> {
  await page.goto(url);
  return page.evaluate(async (w) => {
    if (w === 'dom') return (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd;
    for (;;) {
      const mark = performance.getEntriesByName('guide-auditor:panel-ready')[0];
      if (mark) return mark.startTime;
      await new Promise((r) => setTimeout(r, 5));
    }
  }, what);
}

const exe = findChromium();
if (!exe.path) throw new Error(exe.error);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'panel-bench-'));
fs.writeFileSync(path.join(dir, 'guide-40.html'), guideWith(MATERIALS));
const server = await serveFolder(dir);
const session = await launch(exe.path, { extensionDir: path.join(ROOT, '.output/chrome-mv3') });
try {
  const guide = await session.context.newPage();
  await guide.goto(`${server.origin}/guide-40.html`);
  const reader = await openReader(session);
  let tabId: number | undefined;
  while (tabId === undefined) {
    tabId = (await readResults(session, reader)).find((e) => e.result.url === guide.url() && e.result.isGuide)?.tabId;
    if (tabId === undefined) await new Promise((r) => setTimeout(r, 100));
  }
  const materials = (await readResults(session, reader)).find((e) => e.tabId === tabId)!.result.outcomes.find((o) => o.indicator === 'E2-1')!;
  const panel = await session.context.newPage();
  const base = `chrome-extension://${session.extensionId}/sidepanel.html`;
  const baseline: number[] = [];
  const ready: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const b = await timeOf(panel, `${base}?tab=-1`, 'dom');
    const r = await timeOf(panel, `${base}?tab=${tabId}`, 'ready');
    if (i > 0) (baseline.push(b), ready.push(r)); // the first run warms the caches
  }
  const rows = await panel.locator('li[data-indicator]').count();
  console.log(`side panel, guide with ${MATERIALS} materials (${materials.found.length + materials.missing.length} read), ${rows} rows; median of ${RUNS} in Chromium`);
  console.log(`  baseline (empty panel page to DOMContentLoaded): ${median(baseline).toFixed(1)} ms`);
  console.log(`  panel ready (scorecard + stored verdicts/screenshots): ${median(ready).toFixed(1)} ms  = ${(median(ready) / median(baseline)).toFixed(2)} × baseline`);
  console.log(`  budget 300 ms: ${median(ready) < 300 ? 'within' : 'over'}`);
} finally {
  await session.close();
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
