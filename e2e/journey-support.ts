import fs from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { ROOT } from '../cli/runner';
import { serveFolder } from '../cli/serve';
import type { JourneyView } from '../lib/background/journey';
import { BROWSER_EXTENSION, chromiumPath, expect } from './support';

/** The shipped extension in a browser with this profile folder (kept across launches), plus extra flags. */
export async function launchProfile(profile: string, args: string[] = []): Promise<{ context: BrowserContext; extensionId: string }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(), headless: true,
    args: [`--disable-extensions-except=${BROWSER_EXTENSION}`, `--load-extension=${BROWSER_EXTENSION}`, '--no-sandbox', '--no-first-run', '--disable-sync', ...args],
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, extensionId: new URL(sw.url()).host };
}

/** The multi-page fixture portal (guide → 在线办理 → login → 情形选择 → form) on loopback. */
export const PORTAL = path.join(ROOT, 'tests/fixtures/journey');
export const servePortal = () => serveFolder(PORTAL, JSON.parse(fs.readFileSync(path.join(PORTAL, 'redirects.json'), 'utf8')) as Record<string, string>);

/** An extension page that reads journeys the way the timeline does (through the background). */
export async function journeyReader(context: BrowserContext, extensionId: string): Promise<Page> {
  const p = await context.newPage();
  await p.goto(`chrome-extension://${extensionId}/journey.html`);
  return p;
}

export async function journeys(reader: Page): Promise<JourneyView[]> {
  return reader.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; journeys?: JourneyView[]; journey?: JourneyView; error?: string }> } } }).chrome.runtime;
    const list = await api.sendMessage({ type: 'journey/list' });
    if (!list.ok) throw new Error(list.error);
    const out: JourneyView[] = [];
    for (const v of list.journeys ?? []) {
      const g = await api.sendMessage({ type: 'journey/get', journeyId: v.journey.journeyId });
      if (g.journey) out.push(g.journey);
    }
    return out;
  });
}

/** The only journey's figures, once they reach `pages` page views (or a final status). */
export async function waitForPages(reader: Page, pages: number): Promise<JourneyView> {
  let last: JourneyView | undefined;
  await expect.poll(async () => {
    last = (await journeys(reader))[0];
    return last ? last.pages : -1;
  }, { timeout: 30_000 }).toBeGreaterThanOrEqual(pages);
  return last!;
}

/** Waits until the guide page has been audited as a guide (its online entry then starts a journey). */
export async function waitForGuide(reader: Page, url: string): Promise<void> {
  await expect.poll(async () => reader.evaluate(async (u) => {
    const s = await (globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<Record<string, { result?: { url: string; isGuide: boolean } }>> } } } }).chrome.storage.session.get(null);
    return Object.entries(s).some(([k, v]) => k.startsWith('tab:') && v.result?.url === u && v.result.isGuide);
  }, url), { timeout: 30_000 }).toBe(true);
}

export async function bootId(reader: Page): Promise<string | undefined> {
  return reader.evaluate(async () => ((await (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, string>> } } } }).chrome.storage.session.get('journeyBoot')).journeyBoot));
}

/**
 * Stops the extension's service worker, as Chrome does after 30 s idle (CDP ServiceWorker
 * domain), and waits until its target is gone.
 */
export async function stopWorker(context: BrowserContext, page: Page, extensionId: string): Promise<void> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('ServiceWorker.enable');
    // A page may wake the worker again at once (an audit report): stop it until it is seen gone.
    await expect.poll(async () => {
      await cdp.send('ServiceWorker.stopAllWorkers');
      const { targetInfos } = await cdp.send('Target.getTargets');
      return targetInfos.some((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
    }, { timeout: 15_000 }).toBe(false);
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Opens the guide, waits for its audit, clicks 在线办理: a new tab, redirected to the login page. */
export async function enterFromGuide(context: BrowserContext, origin: string, reader: Page, beforeStep: (page: Page) => Promise<void> = async () => {}): Promise<Page> {
  const guide = await context.newPage();
  await guide.goto(`${origin}/guide.html`);
  await waitForGuide(reader, `${origin}/guide.html`);
  await beforeStep(guide);
  const [tab] = await Promise.all([context.waitForEvent('page'), guide.click('#online-entry')]);
  await tab.waitForURL(/\/login\.html/);
  await waitForPages(reader, 1);
  return tab;
}

/**
 * Clicks through the fixture journey as a person would. `beforeStep` runs before every step
 * (the service-worker test stops the worker there). Returns the journey tab.
 */
export async function walkPortal(context: BrowserContext, origin: string, reader: Page, beforeStep: (page: Page) => Promise<void> = async () => {}): Promise<Page> {
  const tab = await enterFromGuide(context, origin, reader, beforeStep);
  await beforeStep(tab);
  // 2. Sign in.
  await tab.fill('#user', 'reviewer');
  await tab.fill('#password', 'secret');
  await tab.click('#login-button');
  await tab.waitForURL(/\/situation\.html$/);
  await waitForPages(reader, 2);
  await beforeStep(tab);
  // 3. The wrong situation first (个人办理) …
  await tab.click('#personal');
  await tab.waitForURL(/\/personal\.html$/);
  await waitForPages(reader, 3);
  await beforeStep(tab);
  // … back with the browser's Back button.
  await tab.goBack();
  await tab.waitForURL(/\/situation\.html$/);
  await waitForPages(reader, 4);
  await beforeStep(tab);
  // 4. 企业办理: an in-page route change (history.pushState).
  await tab.click('#enterprise');
  await tab.waitForURL(/case=enterprise/);
  await waitForPages(reader, 5);
  await beforeStep(tab);
  // 5. 开始申报: the application form (inside a frame of the page).
  await tab.click('#start');
  await tab.waitForURL(/\/form\.html$/);
  await waitForPages(reader, 6);
  return tab;
}
