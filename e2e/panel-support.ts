import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page, TestInfo } from '@playwright/test';
import { launch, readResults, type Session } from '../cli/runner';
import { BROWSER_EXTENSION, chromiumPath, expect } from './support';

/** Helpers of the side-panel tests: a profile that survives a restart, the panel in its own window, axe. */

/** A browser with the extension on a profile directory the caller keeps (a restart reuses it). */
export function launchProfile(userDataDir: string, extensionDir = BROWSER_EXTENSION): Promise<Session> {
  return launch(chromiumPath(), { extensionDir, userDataDir });
}

/** Sets the UI language the reviewer can pick in the panel (this Chromium has only en-US) and reloads. */
export async function useLocale(page: Page, locale: 'zh_CN' | 'en'): Promise<void> {
  await page.evaluate((l) => (globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }).chrome.storage.local.set({ uiLocale: l }), locale);
  await page.reload();
}

/** The tab id the background keeps the page's result under, once the page has been audited. */
export async function tabIdOf(session: Session, reader: Page, url: string): Promise<number> {
  let id: number | undefined;
  await expect
    .poll(async () => {
      id = (await readResults(session, reader)).find((e) => e.result.url === url && e.result.isGuide)?.tabId;
      return id;
    })
    .toBeDefined();
  return id!;
}

/**
 * Opens the side panel's page in a window of its own (as Chrome shows it beside the page), so
 * the audited tab stays the visible one in its window. `query` is `tab=<id>` or `window=<id>`.
 */
export async function openPanel(session: Session, reader: Page, query: string): Promise<Page> {
  const url = `chrome-extension://${session.extensionId}/sidepanel.html?${query}`;
  const [panel] = await Promise.all([
    session.context.waitForEvent('page', (p) => p.url().startsWith(url)),
    reader.evaluate((u) => (globalThis as unknown as { chrome: { windows: { create(o: object): Promise<unknown> } } }).chrome.windows.create({ url: u, type: 'popup', width: 420, height: 900, focused: false }), url),
  ]);
  await panel.setViewportSize({ width: 420, height: 900 });
  return panel;
}

/** The window a tab lives in. */
export async function windowOf(reader: Page, tabId: number): Promise<number> {
  return reader.evaluate((id) => (globalThis as unknown as { chrome: { tabs: { get(id: number): Promise<{ windowId: number }> } } }).chrome.tabs.get(id).then((t) => t.windowId), tabId);
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2 A/AA rules) on an extension page and returns the violations. */
export async function axeViolations(page: Page): Promise<{ id: string; help: string; nodes: string[] }[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** Screenshots of the panel (what the window shows, and the whole page), attached to the test report. */
export async function attachShot(page: Page, info: TestInfo, name: string): Promise<void> {
  for (const [suffix, fullPage] of [['', false], ['-full', true]] as const) {
    const file = info.outputPath(`${name}${suffix}.png`);
    await page.screenshot({ path: file, fullPage });
    await info.attach(`${name}${suffix}`, { path: file, contentType: 'image/png' });
  }
}
