/**
 * The engine in real Chromium (Debian's /usr/bin/chromium, never a downloaded browser), against
 * baselines measured in the same page and the same run, interleaved: the bare text pass (a
 * TreeWalker collecting every text node) and axe-core's `axe.run`, the reference page auditor.
 * Pages of 1k–100k elements (./pages.ts): one guide in a growing portal shell, and pages of
 * repeated guide sections. Per page: cold (first call, as a content script sees it) and warm
 * (median) times, the longest task (PerformanceObserver 'longtask'), and the heap each pass
 * allocates (CDP sampling heap profiler, collected objects included). Prints ratios, writes
 * bench/results.json, and prints the content script's size.
 *
 * Run: npm run bench (all benches) or `npx tsx bench/chromium.bench.ts [--sizes 1000,5000] [--no-axe] [--shapes shell,repeated] [--axe-all] [--no-build] [--out file.json]`.
 * Timings depend on the machine and its load: the ratios within one run are what counts.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { repeatedPage, shellPage } from './pages';

const ROOT = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const SIZES = (option('--sizes') ?? '1000,5000,20000,50000,100000').split(',').map(Number);
const WITH_AXE = !flag('--no-axe');
const WARM_ROUNDS = 7;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

type Pass = 'walk' | 'audit' | 'sliced' | 'axe';
interface Figures { cold: number; warm: number; longestTask: number; heapMB?: number }
interface PageResult { shape: string; target: number; elements: number; isGuide: boolean; outcomes: number; passes: Partial<Record<Pass, Figures>> }

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN; };

async function engineBundle(): Promise<string> {
  const out = await build({ entryPoints: [path.join(ROOT, 'bench/engine-entry.ts')], bundle: true, format: 'iife', minify: true, write: false, target: 'chrome110', logLevel: 'error' });
  return out.outputFiles[0]!.text;
}

// In the page: the passes, each timed by itself; long tasks are collected from page load on.
const HARNESS = `
window.__longtasks = [];
try { new PerformanceObserver((l) => { for (const e of l.getEntries()) __longtasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true }); } catch {}
window.__passes = {
  walk() { const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); const texts = []; while (w.nextNode()) texts.push(w.currentNode.data); return texts.length; },
  audit() { const r = __engine.audit(__engine.extractGuide(document)); window.__last = r; return r.isGuide; },
  // As the content script reads a page: in slices, the page getting its turn between them.
  async sliced() { const r = await __engine.inSlices(document); return r.isGuide; },
  async axe() { const r = await axe.run(document, { resultTypes: ['violations'] }); return r.violations.length; },
};
window.__time = async (name) => {
  // Started from a macrotask, as a content script's timer or observer callback is (an evaluate
  // from the driver is not a task the long-task observer sees).
  const [t0, t1] = await new Promise((done) => setTimeout(async () => { const s = performance.now(); await __passes[name](); done([s, performance.now()]); }, 0));
  // Let the long-task entry for this call be delivered before reading it.
  await new Promise((r) => setTimeout(r, 0));
  await new Promise((r) => setTimeout(r, 0));
  const longest = __longtasks.filter(([s, d]) => s + d > t0 && s < t1 + 1).reduce((m, [, d]) => Math.max(m, d), 0);
  return [t1 - t0, longest];
};`;

async function heapOf(page: Page, cdp: CDPSession, pass: Pass): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
  await page.evaluate((p) => (window as unknown as { __passes: Record<string, () => unknown> }).__passes[p]!(), pass);
  const { profile } = (await cdp.send('HeapProfiler.stopSampling')) as { profile: { head: HeapNode } };
  interface HeapNode { selfSize: number; children: HeapNode[] }
  const sum = (n: HeapNode): number => n.selfSize + n.children.reduce((s, c) => s + sum(c), 0);
  return sum(profile.head) / 2 ** 20;
}

async function measure(browser: Awaited<ReturnType<typeof chromium.launch>>, engine: string, axeSource: string, shape: string, target: number, html: string): Promise<PageResult> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(HARNESS);
  // Links and forms lead nowhere: nothing leaves the machine (the last route registered is tried first).
  await page.route('**/*', (r) => r.fulfill({ status: 204, body: '' }));
  await page.route('http://bench.test/', (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto('http://bench.test/', { waitUntil: 'load', timeout: 300_000 });
  await page.addScriptTag({ content: engine });
  if (WITH_AXE) await page.addScriptTag({ content: axeSource });
  const elements = await page.evaluate(() => document.body.getElementsByTagName('*').length);
  // axe takes minutes on the biggest pages (one run ≈ 3 ms per element here): measured up to 50k unless --axe-all.
  const passes: Pass[] = WITH_AXE && (target <= 50_000 || flag('--axe-all')) ? ['walk', 'audit', 'sliced', 'axe'] : ['walk', 'audit', 'sliced'];
  const runs: Record<Pass, [number, number][]> = { walk: [], audit: [], sliced: [], axe: [] };
  const time = (p: Pass) => page.evaluate((name) => (window as unknown as { __time: (n: string) => Promise<[number, number]> }).__time(name), p);
  // Cold: each pass's first call in this page. Warm: rounds interleaved; axe is slow on big pages, so fewer rounds.
  for (const p of passes) runs[p].push(await time(p));
  const axeRounds = target >= 20_000 ? 1 : 3;
  for (let r = 0; r < WARM_ROUNDS; r++) {
    for (const p of passes) if (p !== 'axe' || r < axeRounds) runs[p].push(await time(p));
  }
  const verdict = await page.evaluate(() => { const r = (window as unknown as { __last: { isGuide: boolean; outcomes: unknown[] } }).__last; return { isGuide: r.isGuide, outcomes: r.outcomes.length }; });
  const cdp = await context.newCDPSession(page);
  const out: PageResult = { shape, target, elements, ...verdict, passes: {} };
  for (const p of passes) {
    const [cold, ...warm] = runs[p];
    out.passes[p] = {
      cold: cold![0],
      warm: median(warm.map((x) => x[0])),
      longestTask: Math.max(...runs[p].map((x) => x[1])),
      ...(p === 'walk' || p === 'audit' ? { heapMB: await heapOf(page, cdp, p) } : {}),
    };
  }
  await context.close();
  return out;
}

function contentScriptSize(): { bytes: number; gzip: number } | undefined {
  const file = path.join(ROOT, '.output/chrome-mv3/content-scripts/content.js');
  if (!flag('--no-build')) execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });
  if (!fs.existsSync(file)) return undefined;
  const buf = fs.readFileSync(file);
  return { bytes: buf.length, gzip: zlib.gzipSync(buf).length };
}

const f1 = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '–' : n < 10 ? n.toFixed(2) : n.toFixed(0));
const ratio = (a?: number, b?: number) => (a && b ? (a / b).toFixed(a / b < 0.1 ? 3 : 1) : '–');

const main = async () => {
  const chromiumVersion = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
  const machine = { nproc: os.cpus().length, cpu: os.cpus()[0]?.model.trim() ?? '', chromium: chromiumVersion, node: process.version, loadavg: os.loadavg().map((x) => Number(x.toFixed(2))), date: new Date().toISOString() };
  console.log(`Chromium benchmark — ${machine.chromium}, ${machine.nproc} × ${machine.cpu}, load ${machine.loadavg.join(' ')}`);
  const engine = await engineBundle();
  const axeSource = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--enable-precise-memory-info'] });
  const results: PageResult[] = [];
  console.log('\nms: cold / warm median; audit÷walk and audit÷axe on warm medians; longest task in ms (audit at once; sliced: as the content script reads, in slices); heap MB allocated per call');
  console.log('shape     elements  guide |     walk      |     audit     |      axe        | audit/walk audit/axe | long task audit sliced  axe | heap walk audit');
  try {
    for (const shape of (option('--shapes') ?? 'shell,repeated').split(',')) {
      for (const n of SIZES) {
        const html = shape === 'shell' ? shellPage(n) : repeatedPage(n);
        const r = await measure(browser, engine, axeSource, shape, n, html);
        results.push(r);
        const { walk, audit, axe } = r.passes;
        console.log(
          `${shape.padEnd(9)} ${String(r.elements).padStart(8)} ${(r.isGuide ? 'yes' : 'no').padStart(6)} | ${f1(walk?.cold).padStart(6)} ${f1(walk?.warm).padStart(6)} | ${f1(audit?.cold).padStart(6)} ${f1(audit?.warm).padStart(6)} | ${f1(axe?.cold).padStart(7)} ${f1(axe?.warm).padStart(7)} | ` +
          `${ratio(audit?.warm, walk?.warm).padStart(10)} ${ratio(audit?.warm, axe?.warm).padStart(9)} | ${f1(audit?.longestTask).padStart(15)} ${f1(r.passes.sliced?.longestTask).padStart(6)} ${f1(axe?.longestTask).padStart(4)} | ${f1(walk?.heapMB).padStart(9)} ${f1(audit?.heapMB).padStart(5)}`,
        );
      }
    }
  } finally {
    await browser.close();
  }
  const at = (shape: string, n: number) => results.find((r) => r.shape === shape && r.target === n)?.passes.audit?.warm;
  const linear = ratio(at('repeated', 100_000), at('repeated', 50_000));
  if (linear !== '–') console.log(`\nrepeated sections: audit at 100k ÷ audit at 50k = ${linear} (linear: 2)`);
  const cs = contentScriptSize();
  if (cs) console.log(`content script: ${(cs.bytes / 1024).toFixed(1)} KB minified, ${(cs.gzip / 1024).toFixed(1)} KB gzipped (.output/chrome-mv3/content-scripts/content.js)`);
  const file = path.resolve(ROOT, option('--out') ?? 'bench/results.json');
  fs.writeFileSync(file, `${JSON.stringify({ machine, contentScript: cs, pages: results }, null, 2)}\n`);
  console.log(`figures written to ${path.relative(process.cwd(), file)}`);
};

await main();
