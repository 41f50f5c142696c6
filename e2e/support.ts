import { test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { findChromium } from '../cli/chromium';
import { ROOT, launch, type Session } from '../cli/runner';
import { serveFolder } from '../cli/serve';

export const FIXTURES = path.join(ROOT, 'tests/fixtures/pages');
export const CLI_FIXTURES = path.join(ROOT, 'tests/fixtures/cli');
export const BROWSER_EXTENSION = path.join(ROOT, '.output/chrome-mv3');

export function chromiumPath(): string {
  const found = findChromium();
  if (!found.path) throw new Error(found.error);
  return found.path;
}

export interface CliRun { code: number | null; signal: NodeJS.Signals | null; out: string; err: string }

/**
 * Runs the command line as a user would (`node --import tsx cli/audit.ts …`), without blocking
 * this process: the tests' own loopback servers keep answering while it runs.
 */
export function runCli(args: string[], o: { env?: NodeJS.ProcessEnv; started?: (child: ChildProcess) => void } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/audit.ts', ...args], {
      cwd: ROOT, env: { ...process.env, ...o.env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, out, err });
    });
    o.started?.(child);
  });
}

/** The JSON the command line printed (`--format json`). */
export function parseJson(run: CliRun): any[] {
  try {
    return JSON.parse(run.out) as any[];
  } catch {
    throw new Error(`not JSON (exit ${run.code}):\n${run.out}\n${run.err}`);
  }
}

/** A worker-wide loopback server for the fixture pages, and a browser with the extension. */
export const test = base.extend<{ session: Session }, { site: string; extensionDir: string }>({
  site: [
    async ({}, use) => {
      const server = await serveFolder(FIXTURES);
      await use(server.origin);
      await server.close();
    },
    { scope: 'worker' },
  ],
  // The shipped build (gov.cn + loopback hosts), not the command line's all-hosts build.
  extensionDir: [BROWSER_EXTENSION, { scope: 'worker', option: true }],
  session: async ({ extensionDir }, use) => {
    const session = await launch(chromiumPath(), { extensionDir });
    await use(session);
    await session.close();
  },
});
export const expect = test.expect;
