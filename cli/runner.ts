import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import type { AuditResult } from '../lib/audit';
import type { PageReport } from '../lib/csv';
import { TabResult } from '../lib/messages';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The `cli` build: the same extension, with its content script allowed on every host. */
export const CLI_EXTENSION = path.join(ROOT, '.output/chrome-mv3-cli');

export interface Session {
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}

export async function launch(executablePath: string, extensionDir = CLI_EXTENSION): Promise<Session> {
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`扩展未构建 / extension not built: ${extensionDir} (npm run build:cli)`);
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guide-auditor-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync', '--disable-quic',
    ],
  });
  let [sw] = context.serviceWorkers();
  sw ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  return {
    context,
    extensionId: new URL(sw.url()).host,
    async close() {
      await context.close().catch(() => {});
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Reads the background's per-tab results through one of our own pages, as the popup does. */
export async function readResults(session: Session, reader: Page): Promise<TabResult[]> {
  const raw = await reader.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome;
    return api.storage.session.get(null);
  });
  return Object.entries(raw)
    .filter(([k]) => k.startsWith('tab:'))
    .map(([, v]) => TabResult.safeParse(v))
    .flatMap((p) => (p.success ? [p.data] : []));
}

export async function openReader(session: Session): Promise<Page> {
  const reader = await session.context.newPage();
  await reader.goto(`chrome-extension://${session.extensionId}/popup.html?tab=-1`);
  return reader;
}

export interface AuditOptions {
  /** Page load limit. */
  timeoutMs?: number;
  /** A result counts as final once the page has been quiet this long. */
  quietMs?: number;
  onProgress?: (report: PageReport, index: number) => void;
}

/**
 * Opens each URL in the extension's browser and returns what the extension concluded about it.
 * A page that cannot be loaded is reported as an error; the others still run.
 */
export async function auditUrls(session: Session, urls: string[], o: AuditOptions = {}): Promise<PageReport[]> {
  const timeoutMs = o.timeoutMs ?? 30_000;
  const quietMs = o.quietMs ?? 1_200;
  const reader = await openReader(session);
  const reports: PageReport[] = [];
  for (const [i, url] of urls.entries()) {
    const page = await session.context.newPage();
    let report: PageReport;
    try {
      const response = await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
      if (response && response.status() >= 400) throw new Error(`HTTP ${response.status()}`);
      await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
      const result = await settledResult(session, reader, page.url(), quietMs, timeoutMs);
      report = result ?? loadError(url, '扩展没有返回结果（页面未加载完成，或不是网页）/ the extension returned no result');
    } catch (e) {
      report = loadError(url, describeError(e));
    } finally {
      await page.close().catch(() => {});
    }
    reports.push(report);
    o.onProgress?.(report, i);
  }
  await reader.close().catch(() => {});
  return reports;
}

async function settledResult(session: Session, reader: Page, url: string, quietMs: number, timeoutMs: number): Promise<AuditResult | undefined> {
  const start = Date.now();
  let latest: TabResult | undefined;
  while (Date.now() - start < timeoutMs) {
    const entries = (await readResults(session, reader)).filter((e) => e.result.url === url);
    latest = entries.sort((a, b) => b.receivedAt - a.receivedAt)[0] ?? latest;
    if (latest && Date.now() - latest.receivedAt >= quietMs && Date.now() - start >= quietMs) return latest.result;
    await new Promise((r) => setTimeout(r, 150));
  }
  return latest?.result;
}

function loadError(url: string, error: string): PageReport {
  return { url, title: '', isGuide: false, item: { name: null, code: null }, outcomes: [], error };
}

function describeError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const net = /net::(ERR_[A-Z_]+)/.exec(msg)?.[1];
  if (net) return `无法打开 / cannot open (${net})`;
  if (/Timeout/i.test(msg)) return '加载超时 / load timed out';
  return msg.split('\n')[0]!.slice(0, 200);
}

