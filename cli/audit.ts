/**
 * 办事指南审核助手 command line: runs the built extension in headless Chromium over pages and
 * prints what it found. Usage: npm run --silent audit -- [options] TARGET...
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { toCsv } from '../lib/csv';
import { toJson, toTable, terminalText, type CliReport } from '../lib/report';
import { findChromium } from './chromium';
import { CLI_EXTENSION, DEFAULTS, ROOT, auditUrls, launch, removeTemporaryProfiles, type Session } from './runner';
import { runFlows } from './flow';
import { writeReport } from './output';
import { serveSavedPages, type SavedPages } from './serve';

const USAGE = `用法 Usage: npm run --silent audit -- [选项 options] TARGET...
  TARGET  http(s) 网址，或本地 .html 文件（只在本机回环地址上提供该文件及其文件夹中的网页资源，页面不能访问其他网址）
          an http(s) URL, or a local .html file (served on loopback with the page files of its folder only;
          the page can reach nothing else)
  --format FORMAT     table（默认 default）| json | csv（UTF-8 BOM，Excel/WPS 可直接打开）
  --out FILE          写入文件而不是标准输出 / write to FILE instead of standard output
  --concurrency N     同时审核的页面数，每页一个标签页（默认 ${DEFAULTS.concurrency}）/ pages audited at once, one tab each
  --settle-ms MS      页面 load 之后等待迟到内容、审核稳定的上限（默认 ${DEFAULTS.settleMs}）
                      how long after load a page may take to render its guide and settle
  --wait-for SELECTOR 先等页面出现此 CSS 选择器再审核（最多 --timeout-ms）/ wait for this CSS selector before settling
  --timeout-ms MS     打开页面（及 --wait-for）的时限（默认 ${DEFAULTS.timeoutMs}）/ limit for loading a page (and --wait-for)
  --profile DIR       使用并保留此浏览器配置目录（不指定则用临时目录，结束后删除）
                      use and keep DIR as the browser profile (default: a temporary one, removed afterwards)
  --demo              审核自带的演示门户 / audit the bundled demo portal (npm start)
  --flow FLOW.json    回放 Chrome 录制器导出的流程，统计办事路径（A3-2），可重复
                      replay a DevTools Recorder flow and count its journey (A3-2); repeatable
退出码 Exit code: 0 all targets audited; 1 a target could not be loaded, crashed or did not decode;
  2 bad arguments or no browser; 130/143 interrupted (Ctrl-C / SIGTERM).`;

interface Args {
  format: 'table' | 'json' | 'csv';
  out?: string;
  targets: string[];
  demo: boolean;
  concurrency: number;
  settleMs: number;
  timeoutMs: number;
  waitFor?: string;
  profile?: string;
  flows: string[];
}

function parseArgs(argv: string[]): Args | string {
  const a: Args = { format: 'table', targets: [], demo: false, flows: [], concurrency: DEFAULTS.concurrency, settleMs: DEFAULTS.settleMs, timeoutMs: DEFAULTS.timeoutMs };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => (eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : argv[++i]);
    if (arg === '--help' || arg === '-h') return USAGE;
    if (arg === '--demo') a.demo = true;
    else if (name === '--flow') {
      const f = value();
      if (!f) return '--flow 需要流程文件 / needs a Recorder JSON file';
      a.flows.push(f);
    } else if (name === '--format') {
      const v = value();
      if (v !== 'table' && v !== 'json' && v !== 'csv') return `--format 只能是 table、json 或 csv / must be table, json or csv (got ${v ?? 'nothing'})`;
      a.format = v;
    } else if (name === '--out') {
      a.out = value();
      if (!a.out) return '--out 需要文件名 / needs a file name';
    } else if (name === '--concurrency' || name === '--settle-ms' || name === '--timeout-ms') {
      const v = value();
      const n = Number(v);
      const [min, max] = name === '--concurrency' ? [1, 16] : name === '--settle-ms' ? [0, 600_000] : [1_000, 600_000];
      if (!v || !Number.isInteger(n) || n < min || n > max) return `${name} 需要 ${min}–${max} 的整数 / needs a whole number from ${min} to ${max} (got ${v ?? 'nothing'})`;
      if (name === '--concurrency') a.concurrency = n;
      else if (name === '--settle-ms') a.settleMs = n;
      else a.timeoutMs = n;
    } else if (name === '--wait-for') {
      a.waitFor = value();
      if (!a.waitFor) return '--wait-for 需要 CSS 选择器 / needs a CSS selector';
    } else if (name === '--profile') {
      a.profile = value();
      if (!a.profile) return '--profile 需要目录 / needs a folder';
    } else if (arg.startsWith('--')) return `未知选项 / unknown option ${arg}`;
    else a.targets.push(arg);
  }
  if (!a.demo && !a.targets.length && !a.flows.length) return `没有审核目标 / no target given\n${USAGE}`;
  return a;
}

const DEMO_DIR = path.join(ROOT, 'demo/portal');
const DEMO_PAGES = ['index.html', 'guide-business-license.html', 'guide-social-insurance.html', 'guide-construction-permit.html', 'guide-old-style.html'];

// What has to be undone when the run is interrupted.
let launching: Promise<Session> | undefined;
const servers: SavedPages[] = [];

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    const help = args === USAGE;
    (help ? console.log : console.error)(args);
    return help ? 0 : 2;
  }
  const browser = findChromium();
  if (!browser.path) {
    console.error(browser.error);
    return 2;
  }
  if (!fs.existsSync(path.join(CLI_EXTENSION, 'manifest.json'))) {
    console.error('正在构建扩展 / building the extension (npm run build:cli)…');
    const built = spawnSync('npx', ['wxt', 'build', '--mode', 'cli'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) return 2;
  }
  if (args.flows.length) return runFlows(browser.path, args.flows, args); // cli/flow.ts

  // Local files: each folder gets its own strict loopback server (cli/serve.ts). URLs are used as given.
  const targets = args.demo ? DEMO_PAGES.map((p) => path.join(DEMO_DIR, p)) : args.targets;
  const reports: CliReport[] = new Array(targets.length);
  const local: { index: number; file: string }[] = [];
  const remote: { index: number; url: string }[] = [];
  const early: number[] = [];
  targets.forEach((t, index) => {
    if (/^https?:\/\//i.test(t)) return remote.push({ index, url: t });
    const file = path.resolve(t);
    const html = /\.html?$/i.test(file);
    if (html && fs.existsSync(file) && fs.statSync(file).isFile()) return local.push({ index, file });
    early.push(index);
    reports[index] = failed(t, html ? '文件不存在 / file not found' : '不是 http(s) 网址或 .html 文件 / not an http(s) URL or an .html file');
  });
  const byFolder = new Map<string, typeof local>();
  for (const l of local) byFolder.set(path.dirname(l.file), [...(byFolder.get(path.dirname(l.file)) ?? []), l]);
  const localUrls: string[] = [];
  for (const [dir, files] of byFolder) {
    const site = await serveSavedPages(dir, files.map((f) => f.file));
    servers.push(site);
    for (const f of files) localUrls[local.indexOf(f)] = site.urlOf(f.file);
  }

  const show = (r: CliReport, n: number, total: number) => {
    if ('error' in r) console.error(`✘ ${terminalText(r.url)}: ${terminalText(r.error)}`);
    else if (process.stderr.isTTY) console.error(`[${n}/${total}] ${terminalText(r.url)}`);
  };
  let done = 0;
  const total = local.length + remote.length;
  let session: Session | undefined;
  const o = { concurrency: args.concurrency, settleMs: args.settleMs, timeoutMs: args.timeoutMs, waitFor: args.waitFor };
  try {
    // Local files first, in a browser that can reach their servers and nothing else (request
    // interception plus a refusing proxy); then the servers go, and a browser with the web opens.
    if (local.length) {
      launching = launch(browser.path, { userDataDir: args.profile, onlyOrigins: servers.map((s) => s.origin) });
      session = await launching;
      const bases = servers.map((s) => s.base);
      const found = await auditUrls(session, localUrls, {
        ...o,
        allowOnly: (u) => bases.some((b) => u.startsWith(b)),
        onProgress: (r) => show(asFile(r), ++done, total),
      });
      found.forEach((r, i) => (reports[local[i]!.index] = asFile(r)));
      await session.close();
      session = undefined;
      await Promise.all(servers.splice(0).map((s) => s.close()));
    }
    if (remote.length) {
      launching = launch(browser.path, { userDataDir: args.profile });
      session = await launching;
      const found = await auditUrls(session, remote.map((r) => r.url), { ...o, onProgress: (r) => show(r, ++done, total) });
      found.forEach((r, i) => (reports[remote[i]!.index] = r));
    }
  } finally {
    await session?.close();
    await Promise.all(servers.splice(0).map((s) => s.close()));
  }
  for (const i of early) show(reports[i]!, 0, 0);

  const text = args.format === 'json' ? toJson(reports) : args.format === 'csv' ? toCsv(reports) : toTable(reports);
  if (writeReport(text, args.out)) return 1;
  return reports.some((r) => 'error' in r) ? 1 : 0;
}

/** A local file is reported by its file:// URL, not by the loopback address it was served on. */
function asFile(r: CliReport): CliReport {
  const site = servers.find((s) => r.url.startsWith(s.base));
  const fileUrl = (u: string) => site?.fileUrlOf(u) ?? u;
  const url = fileUrl(r.url);
  return r.frame ? { ...r, url, frame: { url: fileUrl(r.frame.url) } } : { ...r, url };
}

function failed(url: string, error: string): CliReport {
  return { url, title: '', isGuide: false, item: { name: null, code: null }, outcomes: [], error };
}

// Ctrl-C / SIGTERM: close the browser, remove the temporary profile and the servers, then exit.
let stopping = false;
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  process.on(signal, () => {
    if (stopping) {
      removeTemporaryProfiles();
      process.exit(code);
    }
    stopping = true;
    console.error('\n已中断，正在清理 / interrupted, cleaning up…');
    const closing = (async () => {
      const session = await launching?.catch(() => undefined);
      await session?.close();
      await Promise.all(servers.map((s) => s.close()));
    })();
    void Promise.race([closing, new Promise((r) => setTimeout(r, 10_000))]).finally(() => {
      removeTemporaryProfiles();
      process.exit(code);
    });
  });
}

main().then(
  (code) => stopping || process.exit(code),
  (e: unknown) => {
    if (stopping) return; // the signal handler is closing the browser under the run: it exits
    console.error(`审核失败 / audit failed: ${e instanceof Error ? e.message : String(e)}`);
    removeTemporaryProfiles();
    process.exit(2);
  },
);
