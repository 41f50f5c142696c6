/**
 * Runs the built extension in headless Chromium over pages and collects what it concluded:
 * one tab per target, the result read from that tab only (by tab id), taken when the audit has
 * settled, and everything the target opened closed when it is done.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Request, type Route, type WebSocketRoute } from '@playwright/test';
import { TabFailure, TabResult, failureKey, tabKey } from '../lib/messages';
import type { CliReport } from '../lib/report';
import { refusingProxy } from './serve';
import { settle } from './settle';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The `cli` build: the same extension, with its content script allowed on every host. */
export const CLI_EXTENSION = path.join(ROOT, '.output/chrome-mv3-cli');

export interface Session {
  context: BrowserContext;
  extensionId: string;
  /** The browser profile in use; removed on close unless it was given (`--profile`). */
  userDataDir: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** The unpacked extension to load (default: the `cli` build). */
  extensionDir?: string;
  /** A persistent profile to use and keep; without it a temporary one is made and removed on close. */
  userDataDir?: string;
  /**
   * Let the browser reach only these loopback origins (`http://127.0.0.1:PORT`): everything else
   * goes to a proxy that refuses it, and WebRTC may not send UDP. For auditing local files.
   */
  onlyOrigins?: string[];
}

const temporaryProfiles = new Set<string>();

/** Removes every temporary profile not yet removed (Ctrl-C, SIGTERM: call after the browser is gone). */
export function removeTemporaryProfiles(): void {
  for (const dir of temporaryProfiles) {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    temporaryProfiles.delete(dir);
  }
}

/** The sandbox stays on unless we run as root, where Chromium refuses to start with it. */
const needsNoSandbox = (): boolean => process.getuid?.() === 0;

export async function launch(executablePath: string, options: LaunchOptions | string = {}): Promise<Session> {
  const o = typeof options === 'string' ? { extensionDir: options } : options;
  const extensionDir = o.extensionDir ?? CLI_EXTENSION;
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`扩展未构建 / extension not built: ${extensionDir} (npm run build:cli)`);
  }
  let userDataDir: string;
  if (o.userDataDir) {
    userDataDir = path.resolve(o.userDataDir);
    fs.mkdirSync(userDataDir, { recursive: true });
  } else {
    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guide-auditor-'));
    temporaryProfiles.add(userDataDir);
  }
  writePreferences(userDataDir, !!o.onlyOrigins);
  const proxy = o.onlyOrigins ? await refusingProxy() : undefined;
  const isolation = proxy
    ? [
        `--proxy-server=${proxy.origin}`,
        // <-loopback> drops Chromium's implicit bypass of localhost; only our own servers go direct.
        `--proxy-bypass-list=<-loopback>;${o.onlyOrigins!.map((u) => new URL(u).host).join(';')}`,
      ]
    : [];
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      // Playwright adds --no-sandbox unless told the sandbox may stay: only root needs it off.
      chromiumSandbox: !needsNoSandbox(),
      // The command line cleans up itself on Ctrl-C / SIGTERM (it also removes the profile).
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: [
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--no-first-run', '--disable-sync', '--disable-quic',
        ...isolation,
      ],
    });
  } catch (e) {
    await proxy?.close();
    if (!o.userDataDir) removeProfile(userDataDir);
    const msg = e instanceof Error ? e.message : String(e);
    if (o.userDataDir && /SingletonLock|ProcessSingleton|profile.*in use/i.test(msg)) {
      throw new Error(`浏览器配置目录正被另一个浏览器使用 / the profile ${userDataDir} is in use by another browser`);
    }
    throw e;
  }
  let [sw] = context.serviceWorkers();
  sw ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  return {
    context,
    extensionId: new URL(sw.url()).host,
    userDataDir,
    async close() {
      await context.close().catch(() => {});
      await proxy?.close();
      if (!o.userDataDir) removeProfile(userDataDir);
    },
  };
}

/**
 * Chromium's network prediction (preconnects and DNS prefetches it decides on its own) opens
 * connections before any request exists to refuse: off ("Preload pages"). An isolated browser
 * also sends WebRTC only through its (refusing) proxy, so no UDP at all.
 */
function writePreferences(userDataDir: string, isolated: boolean): void {
  const file = path.join(userDataDir, 'Default', 'Preferences');
  let prefs: Record<string, any> = {};
  try {
    prefs = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, any>;
  } catch {
    /* a new profile */
  }
  prefs.net = { ...prefs.net, network_prediction_options: 2 };
  if (isolated) prefs.webrtc = { ...prefs.webrtc, ip_handling_policy: 'disable_non_proxied_udp' };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(prefs));
}

function removeProfile(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  temporaryProfiles.delete(dir);
}

type ExtensionApi = {
  chrome: {
    storage: { session: { get(k: string | null): Promise<Record<string, unknown>> } };
    tabs: { getCurrent(): Promise<{ id?: number } | undefined> };
  };
};

/** Reads the background's per-tab results through one of our own pages, as the popup does. */
export async function readResults(session: Session, reader: Page): Promise<TabResult[]> {
  const raw = await reader.evaluate(async () => (globalThis as unknown as ExtensionApi).chrome.storage.session.get(null));
  return Object.entries(raw)
    .filter(([k]) => k.startsWith('tab:'))
    .map(([, v]) => TabResult.safeParse(v))
    .flatMap((p) => (p.success ? [p.data] : []));
}

/** One key of the background's session storage, read through one of our own pages. */
const readSession = (reader: Page, key: string): Promise<unknown> =>
  reader.evaluate(async (k) => (await (globalThis as unknown as ExtensionApi).chrome.storage.session.get(k))[k], key);

/** One tab's stored result, with the frame it came from when the background says so. */
async function readTab(reader: Page, tabId: number): Promise<(TabResult & { frameUrl?: string }) | undefined> {
  const raw = await readSession(reader, tabKey(tabId));
  const parsed = TabResult.safeParse(raw);
  if (!parsed.success || parsed.data.tabId !== tabId) return undefined;
  const frameUrl = (raw as { frameUrl?: unknown }).frameUrl;
  return { ...parsed.data, ...(typeof frameUrl === 'string' ? { frameUrl } : {}) };
}

/** What the tab's content script said when reading the page failed (lib/messages.ts TabFailure), if it did. */
async function readFailure(reader: Page, tabId: number): Promise<string | undefined> {
  const raw = await readSession(reader, failureKey(tabId)).catch(() => undefined);
  const parsed = TabFailure.safeParse(raw);
  return parsed.success && parsed.data.tabId === tabId ? parsed.data.error : undefined;
}

/** One of our own documents (the manifest: no script of ours runs in it) to read storage from. */
export async function openReader(session: Session): Promise<Page> {
  const reader = await session.context.newPage();
  await reader.goto(ownDocument(session));
  return reader;
}

const ownDocument = (session: Session) => `chrome-extension://${session.extensionId}/manifest.json`;

export interface AuditOptions {
  /** Navigation limit (until the document is parsed). */
  timeoutMs?: number;
  /** The longest a page may take to settle after it is parsed (its late content included). */
  settleMs?: number;
  /** A result is final once it, and the page's DOM, have been unchanged this long. */
  quietMs?: number;
  /** Wait for this CSS selector before settling (rare portals that render very late). */
  waitFor?: string;
  /** Pages audited at once, one tab each. */
  concurrency?: number;
  /**
   * Lock the browser to these URLs while this batch runs: every other request (and WebSocket)
   * from any page is refused. Used for local files, which may reach only their own loopback server.
   */
  allowOnly?: (url: string) => boolean;
  onProgress?: (report: CliReport, index: number) => void;
}

export const DEFAULTS = { timeoutMs: 30_000, settleMs: 5_000, quietMs: 700, concurrency: 3 };

/**
 * Opens each URL in its own tab and returns what the extension concluded about it, in the order
 * given. A page that cannot be loaded, crashes or does not decode is reported as an error; the
 * others still run.
 */
export async function auditUrls(session: Session, urls: string[], o: AuditOptions = {}): Promise<CliReport[]> {
  const opts = { ...DEFAULTS, ...o };
  const lock = o.allowOnly ? await lockTo(session.context, o.allowOnly) : undefined;
  const reader = await openReader(session);
  const run: Run = { reader, before: new Set(session.context.pages()), active: new Set(), creating: 0 };
  const reports: CliReport[] = new Array(urls.length);
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const i = next++;
      reports[i] = await auditOne(session, run, urls[i]!, opts);
      o.onProgress?.(reports[i]!, i);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, urls.length)) }, worker));
  } finally {
    await reader.close().catch(() => {});
    for (const p of session.context.pages()) if (!run.before.has(p)) await p.close().catch(() => {});
    await lock?.();
  }
  return reports;
}

/** The pages of one batch: pages there before it, the targets' own tabs, and tabs being opened. */
interface Run { reader: Page; before: Set<Page>; active: Set<Page>; creating: number }

async function auditOne(session: Session, run: Run, url: string, o: typeof DEFAULTS & AuditOptions): Promise<CliReport> {
  const { reader, active } = run;
  run.creating++;
  const page = await session.context.newPage().finally(() => run.creating--);
  active.add(page);
  const opened = new Set<Page>();
  const track = (p: Page) => p.on('popup', (q) => { opened.add(q); track(q); });
  track(page);
  let crashed = false;
  page.on('crash', () => { crashed = true; });
  // Data the page is still fetching (XHR/fetch, not images or fonts) may still become the guide.
  const fetching = new Set<Request>();
  const isData = (r: Request) => r.resourceType() === 'xhr' || r.resourceType() === 'fetch';
  page.on('request', (r) => isData(r) && fetching.add(r));
  page.on('requestfinished', (r) => fetching.delete(r));
  page.on('requestfailed', (r) => fetching.delete(r));
  try {
    const tabId = await tabIdOf(session, page);
    let loadedAt: number | undefined;
    page.on('load', () => (loadedAt ??= Date.now()));
    const response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: o.timeoutMs });
    if (response && response.status() >= 400) return loadError(url, `HTTP ${response.status()}`);
    if (o.waitFor) {
      const found = await page.waitForSelector(o.waitFor, { state: 'attached', timeout: o.timeoutMs }).then(() => true, () => false);
      if (!found) return loadError(url, crashed ? CRASHED : `页面上没有出现 --wait-for 指定的元素 / --wait-for selector never appeared: ${o.waitFor}`);
    }
    // A Refresh header navigates the page as a <meta http-equiv="refresh"> does.
    const refreshes = !!response?.headers()['refresh'];
    const settled = await settle(page, () => readTab(reader, tabId), o, {
      crashed: () => crashed, fetching: () => fetching.size > 0, loadedAt: () => loadedAt, refreshes,
      failed: async () => (await readFailure(reader, tabId)) !== undefined,
    });
    if (crashed) return loadError(url, CRASHED);
    if (!settled.entry) {
      const failure = await readFailure(reader, tabId);
      if (failure) return loadError(url, `扩展读取页面时出错 / the extension could not read the page: ${failure}`);
      return loadError(url, settled.garbled ?? '扩展没有返回结果（页面未加载完成，或不是网页）/ the extension returned no result');
    }
    const { result, frameUrl } = settled.entry;
    if (!result.isGuide && settled.garbled) return loadError(url, settled.garbled);
    const top = page.url();
    return frameUrl && frameUrl !== top ? { ...result, url: top, frame: { url: frameUrl } } : result;
  } catch (e) {
    return loadError(url, crashed ? CRASHED : describeError(e));
  } finally {
    active.delete(page);
    // Everything this target opened goes with it, and so does any page nobody owns (noopener windows).
    for (const p of opened) await p.close().catch(() => {});
    await page.close().catch(() => {});
    // (Not while another target's tab is being opened: it is not known to be a target's yet.)
    for (const p of session.context.pages()) {
      if (!run.creating && !run.before.has(p) && !active.has(p) && p !== reader) await p.close().catch(() => {});
    }
  }
}

const CRASHED = '页面崩溃（渲染进程退出）/ the page crashed';

/**
 * The tab id of a fresh page: it opens one of our own documents first (the manifest: nothing
 * runs in it), which may ask for its own tab.
 */
async function tabIdOf(session: Session, page: Page): Promise<number> {
  await page.goto(ownDocument(session));
  const id = await page.evaluate(async () => (await (globalThis as unknown as ExtensionApi).chrome.tabs.getCurrent())?.id);
  if (typeof id !== 'number') throw new Error('无法确定标签页 / could not identify the tab');
  return id;
}

/** Refuses every request and WebSocket for which `allow` is false; returns the undo. */
async function lockTo(context: BrowserContext, allow: (url: string) => boolean): Promise<() => Promise<void>> {
  const allowed = (url: string) => /^(chrome-extension|data|blob|about):/.test(url) || allow(url);
  const onRequest = (route: Route) => (allowed(route.request().url()) ? route.fallback() : route.abort('blockedbyclient'));
  const onSocket = (ws: WebSocketRoute) => (allowed(ws.url()) ? ws.connectToServer() : ws.close());
  await context.route('**/*', onRequest);
  await context.routeWebSocket(/.*/, onSocket);
  return () => context.unrouteAll({ behavior: 'ignoreErrors' }).catch(() => {});
}

function loadError(url: string, error: string): CliReport {
  return { url, title: '', isGuide: false, item: { name: null, code: null }, outcomes: [], error };
}

function describeError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const net = /net::(ERR_[A-Z_]+)/.exec(msg)?.[1];
  if (net) return `无法打开 / cannot open (${net})`;
  if (/Timeout/i.test(msg)) return '加载超时 / load timed out';
  return msg.split('\n')[0]!.slice(0, 200);
}
