import { test as base } from '@playwright/test';
import path from 'node:path';
import { findChromium } from '../cli/chromium';
import { ROOT, launch, type Session } from '../cli/runner';
import { serveFolder } from '../cli/serve';

export const FIXTURES = path.join(ROOT, 'tests/fixtures/pages');
export const BROWSER_EXTENSION = path.join(ROOT, '.output/chrome-mv3');

export function chromiumPath(): string {
  const found = findChromium();
  if (!found.path) throw new Error(found.error);
  return found.path;
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
    const session = await launch(chromiumPath(), extensionDir);
    await use(session);
    await session.close();
  },
});
export const expect = test.expect;
