// The store's speed in real Chromium with the built extension (no timed assertions):
// - dashboard first render with 10,000 stored audits, against reading those audits from IndexedDB
//   alone in the same page (the baseline);
// - the long CSV export of 120,000 rows (6,667 items × 18 indicators), against reading those
//   audits' details alone; peak JS heap growth during the export against the file's size.
// Run: npm run bench (after npm run build:chrome)
import fs from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { audit } from '../lib/audit';
import { extractGuide } from '../lib/extract/guide';
import type { PageApi } from '../lib/export/index';
import { STATUSES } from '../lib/outcome';
import { auditRecords } from '../lib/store/audits';
import { findChromium } from '../cli/chromium';
import { ROOT, launch } from '../cli/runner';

const EXTENSION = path.join(ROOT, '.output/chrome-mv3');
const AUDITS = 10_000;
const ITEMS = 8_000; // 2,000 items audited twice
const EXPORT_ITEMS = 6_667;

type Api = { guideAuditor: PageApi };

function resultOf(file: string) {
  const win = new Window({ url: 'http://127.0.0.1/' });
  win.document.write(fs.readFileSync(path.join(ROOT, 'tests/fixtures/pages', file), 'utf8'));
  return audit(extractGuide(win.document as unknown as Document));
}

/** 10,000 audits built from real outcomes, statuses varied deterministically. */
async function backupFiles(): Promise<string[]> {
  const bases = ['defects.html', 'zhejiang-tabbed.html', 'beijing-sections.html', 'shanghai-cards.html'].map(resultOf);
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const files: string[] = [];
  let batch: unknown[] = [];
  for (let i = 0; i < AUDITS; i++) {
    const base = bases[i % bases.length]!;
    const item = i % ITEMS;
    const outcomes = base.outcomes.map((o) => ({ ...o, status: STATUSES[Math.floor(rand() * 4)]! }));
    const result = { ...base, item: { name: `${base.item.name}（${item}）`, code: `BENCH${String(item).padStart(26, '0')}` }, outcomes, auditedAt: 1_700_000_000_000 + i * 60_000 };
    const [record, detail] = await auditRecords(result, null, { id: `bench-${i}` });
    record.item.department = `第${(item % 20) + 1}部门`;
    batch.push({ ...record, outcomes: detail.outcomes, snapshot: null });
    if (batch.length === 1000 || i === AUDITS - 1) {
      files.push(JSON.stringify({ format: 'guide-auditor-backup', version: 1, exportedAt: Date.now(), engine: '0.1.0', schema: 1, audits: batch, verdicts: [], journeys: [], events: [], screenshots: [], settings: [] }));
      batch = [];
    }
  }
  return files;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

async function main() {
  const chromium = findChromium();
  if (!chromium.path) throw new Error(chromium.error);
  if (!fs.existsSync(path.join(EXTENSION, 'manifest.json'))) throw new Error('先构建扩展 / build first: npm run build:chrome');
  const files = await backupFiles();
  const session = await launch(chromium.path, { extensionDir: EXTENSION });
  try {
    const page = await session.context.newPage();
    const url = `chrome-extension://${session.extensionId}/dashboard.html`;
    await page.goto(`${url}?api`);
    await page.waitForFunction(() => 'guideAuditor' in globalThis);
    let t = Date.now();
    for (const f of files) {
      const r = await page.evaluate((text) => (globalThis as unknown as Api).guideAuditor.importText(text), f);
      if (!r.ok) throw new Error(r.message);
    }
    console.log(`store: ${AUDITS} audits of ${ITEMS} items imported in ${((Date.now() - t) / 1000).toFixed(1)} s`);

    // Dashboard first render: navigation start → table drawn with every item counted
    const renders: number[] = [];
    const reads: number[] = [];
    for (let round = 0; round < 3; round++) {
      await page.goto(url);
      await page.waitForFunction(() => document.documentElement.dataset.ready, undefined, { timeout: 120_000 });
      renders.push(Number(await page.evaluate(() => document.documentElement.dataset.ready)));
      reads.push(
        await page.evaluate(
          () =>
            new Promise<number>((resolve, reject) => {
              const t0 = performance.now();
              const open = indexedDB.open('guide-auditor');
              open.onerror = () => reject(open.error);
              open.onsuccess = () => {
                const req = open.result.transaction('audits').objectStore('audits').index('byAuditedAt').getAll();
                req.onsuccess = () => {
                  open.result.close();
                  resolve(performance.now() - t0);
                };
                req.onerror = () => reject(req.error);
              };
            }),
        ),
      );
    }
    const rows = await page.getByTestId('item-row').count();
    console.log(`dashboard first render, ${AUDITS} audits (${rows} rows on the first page): ${median(renders).toFixed(0)} ms; baseline (read the audits only) ${median(reads).toFixed(0)} ms; ratio ${(median(renders) / median(reads)).toFixed(1)}×`);

    // Long CSV of 120,000 rows, with the JS heap sampled over CDP while it is written
    await page.goto(`${url}?api`);
    await page.waitForFunction(() => 'guideAuditor' in globalThis);
    const keys = Array.from({ length: EXPORT_ITEMS }, (_, i) => `code:BENCH${String(i).padStart(26, '0')}`);
    const exportSize = () => page.evaluate((k) => (globalThis as unknown as Api).guideAuditor.exportSize('long', { itemKeys: k }), keys);
    // Time, on its own (the heap sampling below forces collections that would slow it down)
    t = Date.now();
    const bytes = await exportSize();
    const exportMs = Date.now() - t;
    // Live heap while exporting again: collect garbage before each sample, so what is counted is
    // what the export holds, not what it already let go
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const before = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    let peak = before;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        await cdp.send('HeapProfiler.collectGarbage');
        peak = Math.max(peak, (await cdp.send('Runtime.getHeapUsage')).usedSize);
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    await exportSize();
    sampling = false;
    await sampler;
    const readMs = await page.evaluate(async (n) => {
      const t0 = performance.now();
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const o = indexedDB.open('guide-auditor');
        o.onsuccess = () => res(o.result);
        o.onerror = () => rej(o.error);
      });
      for (let i = 0; i < n; i += 200) {
        const store = db.transaction('auditDetails').objectStore('auditDetails');
        await Promise.all(Array.from({ length: Math.min(200, n - i) }, (_, j) => new Promise((res) => (store.get(`bench-${i + j}`).onsuccess = res))));
      }
      db.close();
      return performance.now() - t0;
    }, EXPORT_ITEMS);
    console.log(`long CSV, ${EXPORT_ITEMS * 18} rows (${mb(bytes)}): ${exportMs} ms; baseline (read those audits' details only) ${readMs.toFixed(0)} ms; ratio ${(exportMs / readMs).toFixed(1)}×`);
    console.log(`  peak live JS heap growth while exporting (sampled after a GC every 200 ms): ${mb(peak - before)}, ${((peak - before) / bytes * 100).toFixed(0)}% of the file's size; the file is a Blob outside the JS heap`);
  } finally {
    await session.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
