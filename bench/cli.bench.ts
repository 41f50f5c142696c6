/**
 * The command line's speed: the seconds each extra page adds to `npm run audit`, the real command
 * (cli/audit.ts through the built `cli` extension in headless Chromium), over static guide pages
 * saved on disk (tests/fixtures/pages: guides with no script, audited as local files). Each round
 * runs it over 1 page and over N pages, at the default concurrency and at --concurrency 1,
 * interleaved; per extra page = (t_N − t_1) / (N − 1), medians over the rounds (spread in
 * brackets). t_1 is the start-up cost (Node, the browser, its extension) plus one page; Node
 * and tsx alone are timed with `--help`. Every run's results are checked against the pages'
 * expectations (the fixture test's own comparison), so a fast wrong answer does not count.
 *
 * Run: npm run bench (all benches) or `npx tsx bench/cli.bench.ts [--pages 9] [--rounds 3] [--no-build] [--out file.json]`.
 * Timings depend on the machine and its load: compare figures from one run.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findChromium } from '../cli/chromium';
import { DEFAULTS, ROOT } from '../cli/runner';
import { loadFixtures, mismatches, type Fixture } from '../tests/fixtures';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const PAGES = Number(option('--pages') ?? 9);
const ROUNDS = Number(option('--rounds') ?? 3);

/** Guides with no script at all, as a reviewer's "save page as" of a static portal page gives. */
const staticGuides = () => loadFixtures(path.join(ROOT, 'tests/fixtures/pages')).filter((f) => f.expected.isGuide && !/<script/i.test(f.html));

/** Seconds from starting `npm run audit` to its exit; throws unless every page is audited as expected. */
function audit(pages: Fixture[], concurrency: number): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/audit.ts', '--format', 'json', '--concurrency', String(concurrency), ...pages.map((p) => p.file)], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - t0) / 1000;
      try {
        if (code !== 0) throw new Error(`exit ${code}: ${err.trim()}`);
        const reports = JSON.parse(out) as Parameters<typeof mismatches>[0][];
        const wrong = pages.flatMap((p, i) => mismatches(reports[i]!, p.expected).map((m) => `${p.name}: ${m}`));
        if (wrong.length) throw new Error(`wrong results:\n${wrong.join('\n')}`);
        resolve(seconds);
      } catch (e) {
        reject(e);
      }
    });
  });
}

function startOnly(): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/audit.ts', '--help'], { cwd: ROOT, stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', () => resolve((performance.now() - t0) / 1000));
  });
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]!; };
const spread = (xs: number[], digits: number) => `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;

async function main() {
  const chromium = findChromium();
  if (!chromium.path) throw new Error(chromium.error);
  if (!flag('--no-build')) execFileSync('npx', ['wxt', 'build', '--mode', 'cli'], { cwd: ROOT, stdio: 'ignore' });
  const guides = staticGuides();
  if (guides.length < PAGES || PAGES < 2) throw new Error(`--pages: 2–${guides.length} static guide pages available (got ${PAGES})`);
  if (!Number.isInteger(ROUNDS) || ROUNDS < 1) throw new Error(`--rounds needs a whole number from 1 (got ${ROUNDS})`);
  const pages = guides.slice(0, PAGES);
  const chromiumVersion = execFileSync(chromium.path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  const machine = { nproc: os.cpus().length, cpu: os.cpus()[0]?.model.trim() ?? '', chromium: chromiumVersion, node: process.version, loadavg: os.loadavg().map((x) => Number(x.toFixed(2))), date: new Date().toISOString() };
  console.log(`Command line benchmark — ${machine.chromium}, ${machine.nproc} × ${machine.cpu}, load ${machine.loadavg.join(' ')}`);
  console.log(`npm run audit over static guide pages saved on disk (${pages.map((p) => p.name).join(', ')}), ${ROUNDS} rounds`);

  const levels = [...new Set([DEFAULTS.concurrency, 1])];
  const runs: Record<number, { one: number[]; all: number[]; perExtra: number[] }> = {};
  const start: number[] = [];
  for (const c of levels) runs[c] = { one: [], all: [], perExtra: [] };
  for (let r = 0; r < ROUNDS; r++) {
    start.push(await startOnly());
    for (const c of levels) {
      const one = await audit(pages.slice(0, 1), c);
      const all = await audit(pages, c);
      runs[c]!.one.push(one);
      runs[c]!.all.push(all);
      runs[c]!.perExtra.push((all - one) / (PAGES - 1));
    }
  }

  console.log('\nseconds, medians [min–max over the rounds]');
  for (const c of levels) {
    const { one, all, perExtra } = runs[c]!;
    console.log(`--concurrency ${c}${c === DEFAULTS.concurrency ? ' (default)' : ''}: 1 page ${median(one).toFixed(2)} [${spread(one, 2)}], ${PAGES} pages ${median(all).toFixed(2)} [${spread(all, 2)}] → ${median(perExtra).toFixed(2)} [${spread(perExtra, 2)}] per extra page`);
  }
  const perExtra = median(runs[DEFAULTS.concurrency]!.perExtra);
  const serial = median(runs[1]!.perExtra);
  console.log(`\nthe command line's seconds per extra page: ${perExtra.toFixed(2)} at the default --concurrency ${DEFAULTS.concurrency} (${serial.toFixed(2)} at --concurrency 1, ${(serial / perExtra).toFixed(1)}×)`);
  const t1 = median(runs[DEFAULTS.concurrency]!.one);
  console.log(`start-up (t_1, one page included): ${t1.toFixed(2)} s, of which Node and tsx alone (--help) ${median(start).toFixed(2)} s`);
  const out = option('--out');
  if (out) {
    fs.writeFileSync(path.resolve(out), `${JSON.stringify({ machine, pages: pages.map((p) => p.name), startOnly: start, runs }, null, 2)}\n`);
    console.log(`figures written to ${out}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
