import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../cli/runner';
import { guide } from '../tests/helpers';
import { FIXTURES } from './support';

/** Pages for the store tests: fixture guides, a fixed copy, and a guide with a hostile name. */

export const HOSTILE_NAME = '=HYPERLINK("http://evil.example","点击")食品经营许可';

/** defects.html with its two time limits written properly (E1-1 and E1-2 become pass). */
export function fixedDefects(): string {
  const html = fs.readFileSync(path.join(FIXTURES, 'defects.html'), 'utf8');
  return html.replace('<td>20日</td>', '<td>20个工作日</td>').replace('<td>0天</td>', '<td>5个工作日</td>');
}

export function pagesDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-pages-'));
  fs.copyFileSync(path.join(FIXTURES, 'defects.html'), path.join(dir, 'a.html'));
  fs.copyFileSync(path.join(FIXTURES, 'zhejiang-tabbed.html'), path.join(dir, 'b.html'));
  fs.writeFileSync(path.join(dir, 'c.html'), guide({ 事项名称: HOSTILE_NAME, 实施编码: '11231281MB193827494000117009999' }));
  fs.mkdirSync(path.join(dir, 'fixed'));
  fs.writeFileSync(path.join(dir, 'fixed', 'a.html'), fixedDefects());
  return dir;
}

export interface Run { code: number | null; out: Buffer; err: string }

/** Runs one of the npm scripts' programs (cli/*.ts) as a user would, without blocking this process. */
export function runScript(script: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `cli/${script}.ts`, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out: Buffer.concat(out), err });
    });
  });
}
