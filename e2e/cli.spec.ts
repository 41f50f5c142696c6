import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../cli/runner';
import { expect, test } from './support';

const FIX = path.join(ROOT, 'tests/fixtures/pages');
function audit(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/audit.ts', ...args], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('json: the documented shape; an unreachable target gets an error line and a non-zero exit, the others still run', () => {
  const r = audit(['--format', 'json', path.join(FIX, 'hidden-tabs.html'), 'http://127.0.0.1:9/nothing.html', path.join(FIX, 'not-a-guide-catalogue.html')]);
  expect(r.code).toBe(1);
  expect(r.err).toContain('✘ http://127.0.0.1:9/nothing.html');
  const pages = JSON.parse(r.out) as Record<string, unknown>[];
  expect(pages).toHaveLength(3);
  const [guide, dead, list] = pages as any[];
  expect(Object.keys(guide)).toEqual(expect.arrayContaining(['url', 'title', 'isGuide', 'item', 'outcomes']));
  expect(guide.isGuide).toBe(true);
  expect(guide.item).toEqual({ name: '个体工商户设立登记', code: '11231281MB193827494000117001000' });
  expect(guide.outcomes).toHaveLength(18);
  const e13 = guide.outcomes.find((o: any) => o.indicator === 'E1-3');
  expect(Object.keys(e13)).toEqual(expect.arrayContaining(['indicator', 'status', 'value', 'message', 'missing', 'evidence']));
  expect(e13.evidence.selector).toBeTruthy();
  expect(dead.error).toMatch(/ERR_CONNECTION_REFUSED|无法打开/);
  expect(list.isGuide).toBe(false);
  expect(list.outcomes).toEqual([]);
});

test('csv: UTF-8 with BOM, one row per page × indicator, quoted, written to --out', () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cli-')), '审核结果.csv');
  const r = audit(['--format', 'csv', '--out', out, path.join(FIX, 'defects.html'), path.join(FIX, 'not-a-guide-news.html')]);
  expect(r.code).toBe(0);
  const bytes = fs.readFileSync(out);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  const lines = text.slice(1).split('\r\n').filter(Boolean);
  expect(lines[0]).toContain('"指标 Indicator"');
  expect(lines).toHaveLength(1 + 18 + 1);
  expect(text).toContain('"E1-3","办理地点","不完整 partial"');
  expect(text).toContain('=HYPERLINK(""http://evil.example"",""点击"")'); // quotes doubled, kept as text
});

test('table (default) prints a Chinese scorecard; bad arguments and a missing browser say what to do', () => {
  const r = audit([path.join(FIX, 'prose-numbered.html')]);
  expect(r.code).toBe(0);
  expect(r.out).toContain('工伤复发申请确认');
  expect(r.out).toMatch(/E1-3\s+办理地点\s+◐ 不完整/);

  const none = audit([]);
  expect(none.code).toBe(2);
  expect(none.err).toContain('没有审核目标');

  // An --out that cannot be written (no such folder, a full disk) loses nothing: the report goes to stdout.
  const unwritable = audit(['--out', '/nonexistent-dir/report.txt', path.join(FIX, 'prose-numbered.html')]);
  expect(unwritable.code).toBe(1);
  expect(unwritable.err).toContain('无法写入');
  expect(unwritable.out).toContain('工伤复发申请确认');

  const noBrowser = audit([path.join(FIX, 'defects.html')], { CHROMIUM_PATH: '/nonexistent/chromium' });
  expect(noBrowser.code).toBe(2);
  expect(noBrowser.err).toContain('apt-get install -y chromium');
});
