/**
 * 办事指南审核助手 command line: runs the built extension in headless Chromium over pages and
 * prints what it found. Usage: npm run audit -- [--format table|json|csv] [--out FILE] TARGET...
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { toCsv, type PageReport } from '../lib/csv';
import { toJson, toTable, terminalText } from '../lib/report';
import { findChromium } from './chromium';
import { CLI_EXTENSION, ROOT, auditUrls, launch } from './runner';
import { runFlows } from './flow';
import { serveFolder } from './serve';

const USAGE = `用法 Usage: npm run audit -- [--format table|json|csv] [--out FILE] TARGET...
  TARGET  http(s) 网址，或本地 .html 文件（从本机回环地址提供）
          an http(s) URL, or a local .html file (served on loopback)
  --format  table（默认 default）| json | csv（UTF-8 BOM，Excel/WPS 可直接打开）
  --out     写入文件而不是标准输出 / write to FILE instead of standard output
  --demo    审核自带的演示门户 / audit the bundled demo portal (npm start)
  --flow FLOW.json  回放 Chrome 录制器导出的流程，统计办事路径（A3-2）/ replay a DevTools Recorder flow and count its journey (repeatable)
退出码 Exit code: 0 all targets audited; 1 a target could not be loaded; 2 bad arguments or no browser.`;

interface Args { format: 'table' | 'json' | 'csv'; out?: string; targets: string[]; demo: boolean; flows: string[] }

function parseArgs(argv: string[]): Args | string {
  const a: Args = { format: 'table', targets: [], demo: false, flows: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return USAGE;
    if (arg === '--demo') a.demo = true;
    else if (arg === '--flow' || arg.startsWith('--flow=')) {
      const f = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (!f) return '--flow 需要流程文件 / needs a Recorder JSON file';
      a.flows.push(f);
    }
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const v = arg.includes('=') ? arg.split('=')[1] : argv[++i];
      if (v !== 'table' && v !== 'json' && v !== 'csv') return `--format 只能是 table、json 或 csv / must be table, json or csv (got ${v ?? 'nothing'})`;
      a.format = v;
    } else if (arg === '--out' || arg.startsWith('--out=')) {
      a.out = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (!a.out) return '--out 需要文件名 / needs a file name';
    } else if (arg.startsWith('--')) return `未知选项 / unknown option ${arg}`;
    else a.targets.push(arg);
  }
  if (!a.demo && !a.targets.length && !a.flows.length) return `没有审核目标 / no target given\n${USAGE}`;
  return a;
}

const DEMO_DIR = path.join(ROOT, 'demo/portal');
const DEMO_PAGES = ['index.html', 'guide-business-license.html', 'guide-social-insurance.html', 'guide-construction-permit.html', 'guide-old-style.html'];

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

  // Local files are served from their own folder on loopback; URLs are used as given.
  const servers = new Map<string, Awaited<ReturnType<typeof serveFolder>>>();
  const urls: string[] = [];
  const early: { index: number; report: PageReport }[] = [];
  const targets = args.demo ? DEMO_PAGES.map((p) => path.join(DEMO_DIR, p)) : args.targets;
  for (const t of targets) {
    if (/^https?:\/\//i.test(t)) {
      urls.push(t);
      continue;
    }
    const file = path.resolve(t);
    if (!/\.html?$/i.test(file) || !fs.existsSync(file)) {
      early.push({ index: urls.length + early.length, report: { url: t, title: '', isGuide: false, item: { name: null, code: null }, outcomes: [], error: /\.html?$/i.test(file) ? '文件不存在 / file not found' : '不是 http(s) 网址或 .html 文件 / not an http(s) URL or an .html file' } });
      continue;
    }
    const dir = path.dirname(file);
    if (!servers.has(dir)) servers.set(dir, await serveFolder(dir));
    urls.push(`${servers.get(dir)!.origin}/${encodeURIComponent(path.basename(file))}`);
  }

  let session: Awaited<ReturnType<typeof launch>> | undefined;
  let reports: PageReport[] = [];
  try {
    if (urls.length) {
      session = await launch(browser.path);
      reports = await auditUrls(session, urls, {
        onProgress: (r, i) => {
          if ('error' in r) console.error(`✘ ${terminalText(r.url)}: ${terminalText(r.error)}`);
          else if (process.stderr.isTTY) console.error(`[${i + 1}/${urls.length}] ${terminalText(r.url)}`);
        },
      });
    }
  } finally {
    await session?.close();
    await Promise.all([...servers.values()].map((s) => s.close()));
  }
  for (const e of early) {
    console.error(`✘ ${terminalText(e.report.url)}: ${'error' in e.report ? e.report.error : ''}`);
    reports.splice(e.index, 0, e.report);
  }

  const text = args.format === 'json' ? toJson(reports) : args.format === 'csv' ? toCsv(reports) : toTable(reports);
  if (args.out) {
    try {
      fs.writeFileSync(args.out, text);
      console.error(`已写入 / written: ${args.out}`);
    } catch (e) {
      // A full disk or a bad path must not lose the findings: print them instead.
      console.error(`无法写入 ${args.out} / cannot write (${(e as Error).message}); 结果输出到标准输出 / printing instead`);
      process.stdout.write(text);
      return 1;
    }
  } else process.stdout.write(text);
  return reports.some((r) => 'error' in r) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`审核失败 / audit failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  },
);
