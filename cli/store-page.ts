/**
 * The command line's way into the extension's own store: a profile's browser with the extension,
 * and its dashboard page, whose export/import code (lib/export) runs inside the extension.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { PageApi } from '../lib/export/index';
import { findChromium } from './chromium';
import { CLI_EXTENSION, ROOT, launch, type Session } from './runner';

export class UsageError extends Error {}

/** `--profile DIR` (required), `--name value` or `--name=value` options, and positional arguments. */
export function parseOptions(argv: string[], known: string[], flags: string[] = []): { opts: Record<string, string | true>; rest: string[] } {
  const opts: Record<string, string | true> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      rest.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (flags.includes(name)) {
      opts[name] = true;
      continue;
    }
    if (!known.includes(name)) throw new UsageError(`未知选项 / unknown option ${arg}`);
    const v = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (!v) throw new UsageError(`--${name} 需要一个值 / needs a value`);
    opts[name] = v;
  }
  return { opts, rest };
}

type Api = { guideAuditor: PageApi };

export interface StorePage {
  session: Session;
  exportBase64: PageApi['exportBase64'];
  importText: PageApi['importText'];
  close(): Promise<void>;
}

/** Opens the profile's browser with the extension and its dashboard page in API mode. */
export async function openStorePage(profile: string): Promise<StorePage> {
  const browser = findChromium();
  if (!browser.path) throw new UsageError(browser.error);
  if (!fs.existsSync(path.join(CLI_EXTENSION, 'manifest.json'))) {
    console.error('正在构建扩展 / building the extension (npm run build:cli)…');
    const built = spawnSync('npx', ['wxt', 'build', '--mode', 'cli'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
    if (built.status !== 0) throw new UsageError('扩展构建失败 / the extension did not build');
  }
  const session = await launch(browser.path, { userDataDir: profile });
  try {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/dashboard.html?api`);
    await page.waitForFunction(() => 'guideAuditor' in globalThis, undefined, { timeout: 30_000 });
    return {
      session,
      // Playwright runs these in the page itself: the extension's own export/import code
      exportBase64: (format, o) => page.evaluate(([f, x]) => (globalThis as unknown as Api).guideAuditor.exportBase64(f, x), [format, o] as const),
      importText: (text) => page.evaluate((t) => (globalThis as unknown as Api).guideAuditor.importText(t), text),
      close: () => session.close(),
    };
  } catch (e) {
    await session.close();
    throw e;
  }
}
