/**
 * Runs the built extension in headless Chromium over pages and collects what it concluded:
 * one tab per target, the result read from that tab only (by tab id), taken when the audit has
 * settled, and everything the target opened closed when it is done.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Route, type WebSocketRoute } from '@playwright/test';
import { TabResult, tabKey } from '../lib/messages';
import type { CliReport } from '../lib/report';

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
export const needsNoSandbox = (): boolean => process.getuid?.() === 0;

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
  preferNoPrediction(userDataDir);
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
        // WebRTC would let a page send UDP past request interception.
        '--force-webrtc-ip-handling-policy',
      ],
    });
  } catch (e) {
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
      if (!o.userDataDir) removeProfile(userDataDir);
    },
  };
}

/**
 * Chromium's network prediction (preconnects and DNS prefetches it decides on its own) opens
 * connections before any request exists to refuse; turn it off in the profile ("Preload pages").
 */
function preferNoPrediction(userDataDir: string): void {
  const file = path.join(userDataDir, 'Default', 'Preferences');
  let prefs: Record<string, any> = {};
  try {
    prefs = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, any>;
  } catch {
    /* a new profile */
  }
  prefs.net = { ...prefs.net, network_prediction_options: 2 };
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

/** One tab's stored result, with the frame it came from when the background says so. */
async function readTab(reader: Page, tabId: number): Promise<(TabResult & { frameUrl?: string }) | undefined> {
  const raw = await reader.evaluate(
    async (key) => (await (globalThis as unknown as ExtensionApi).chrome.storage.session.get(key))[key],
    tabKey(tabId),
  );
  const parsed = TabResult.safeParse(raw);
  if (!parsed.success || parsed.data.tabId !== tabId) return undefined;
  const frameUrl = (raw as { frameUrl?: unknown }).frameUrl;
  return { ...parsed.data, ...(typeof frameUrl === 'string' ? { frameUrl } : {}) };
}

export async function openReader(session: Session): Promise<Page> {
  const reader = await session.context.newPage();
  await reader.goto(`chrome-extension://${session.extensionId}/popup.html?tab=-1`);
  return reader;
}

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

export const DEFAULTS = { timeoutMs: 30_000, settleMs: 5_000, quietMs: 800, concurrency: 3 };

/**
 * Opens each URL in its own tab and returns what the extension concluded about it, in the order
 * given. A page that cannot be loaded, crashes or does not decode is reported as an error; the
 * others still run.
 */
export async function auditUrls(session: Session, urls: string[], o: AuditOptions = {}): Promise<CliReport[]> {
  const opts = { ...DEFAULTS, ...o };
  const lock = o.allowOnly ? await lockTo(session.context, o.allowOnly) : undefined;
  const reader = await openReader(session);
  const before = new Set(session.context.pages());
  const active = new Set<Page>();
  const reports: CliReport[] = new Array(urls.length);
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const i = next++;
      reports[i] = await auditOne(session, reader, urls[i]!, opts, active, before);
      o.onProgress?.(reports[i]!, i);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, urls.length)) }, worker));
  } finally {
    await reader.close().catch(() => {});
    for (const p of session.context.pages()) if (!before.has(p)) await p.close().catch(() => {});
    await lock?.();
  }
  return reports;
}

async function auditOne(
  session: Session, reader: Page, url: string, o: typeof DEFAULTS & AuditOptions, active: Set<Page>, before: Set<Page>,
): Promise<CliReport> {
  const page = await session.context.newPage();
  active.add(page);
  const opened = new Set<Page>();
  const track = (p: Page) => p.on('popup', (q) => { opened.add(q); track(q); });
  track(page);
  let crashed = false;
  page.on('crash', () => { crashed = true; });
  try {
    const tabId = await tabIdOf(session, page);
    const response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: o.timeoutMs });
    if (response && response.status() >= 400) return loadError(url, `HTTP ${response.status()}`);
    if (o.waitFor) {
      const found = await page.waitForSelector(o.waitFor, { state: 'attached', timeout: o.timeoutMs }).then(() => true, () => false);
      if (!found) return loadError(url, crashed ? CRASHED : `页面上没有出现 --wait-for 指定的元素 / --wait-for selector never appeared: ${o.waitFor}`);
    }
    const settled = await settle(page, reader, tabId, o, () => crashed);
    if (crashed) return loadError(url, CRASHED);
    if (!settled.entry) return loadError(url, settled.garbled ?? '扩展没有返回结果（页面未加载完成，或不是网页）/ the extension returned no result');
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
    for (const p of session.context.pages()) if (!before.has(p) && !active.has(p) && p !== reader) await p.close().catch(() => {});
  }
}

const CRASHED = '页面崩溃（渲染进程退出）/ the page crashed';

/** The tab id of a fresh page: it opens one of our own pages first, which can ask for its own tab. */
async function tabIdOf(session: Session, page: Page): Promise<number> {
  await page.goto(`chrome-extension://${session.extensionId}/popup.html?tab=-1`);
  const id = await page.evaluate(async () => (await (globalThis as unknown as ExtensionApi).chrome.tabs.getCurrent())?.id);
  if (typeof id !== 'number') throw new Error('无法确定标签页 / could not identify the tab');
  return id;
}

interface Settled {
  entry?: TabResult & { frameUrl?: string };
  /** Set when the page's text looks wrongly decoded (mojibake): the reason to report. */
  garbled?: string;
}

/**
 * Waits until the audit has settled, whatever the page's subresources do: a guide result that,
 * like the page's DOM, has not changed for `quietMs`. A missing result, or a non-guide result
 * while the page may still render (it has scripts or frames), is final only at `settleMs`.
 */
async function settle(page: Page, reader: Page, tabId: number, o: typeof DEFAULTS & AuditOptions, crashed: () => boolean): Promise<Settled> {
  const start = Date.now();
  const deadline = start + o.settleMs;
  const giveUp = start + Math.max(o.settleMs, o.timeoutMs);
  let sig = '';
  let sigSince = start;
  let at = -1;
  let atSince = start;
  let entry: Settled['entry'];
  let state: PageState | undefined;
  while (!crashed()) {
    const [e, s] = await Promise.all([readTab(reader, tabId).catch(() => undefined), pageState(page)]);
    const now = Date.now();
    if (s && s.sig !== sig) [sig, sigSince] = [s.sig, now];
    if (!s) sigSince = now; // a page too busy to answer is still changing
    state = s ?? state;
    if (e && e.receivedAt !== at) [at, atSince, entry] = [e.receivedAt, now, e];
    if (!e && entry) [at, atSince, entry] = [-1, now, undefined]; // a new document in the tab
    const quiet = now - sigSince >= o.quietMs && now - atSince >= Math.min(o.quietMs, 300);
    const canStillRender = !state || state.scripts > 0 || state.frames > 0;
    if (entry && quiet && (entry.result.isGuide || !canStillRender)) break;
    if (entry && now >= deadline) break;
    if (now >= giveUp) break;
    await new Promise((r) => setTimeout(r, 150));
  }
  return { entry, garbled: entry?.result.isGuide ? undefined : await garbledText(page) };
}

interface PageState { sig: string; scripts: number; frames: number }

/** A cheap fingerprint of the page's DOM and URL; undefined when the page does not answer. */
async function pageState(page: Page): Promise<PageState | undefined> {
  const read = page.evaluate(() => {
    const d = document;
    const root = d.documentElement;
    const sig = [location.href, d.readyState, root ? d.getElementsByTagName('*').length : 0, root?.textContent?.length ?? 0].join('|');
    return { sig, scripts: d.scripts.length, frames: window.frames.length };
  });
  return Promise.race([read.catch(() => undefined), new Promise<undefined>((r) => setTimeout(r, 1_000))]);
}

/**
 * Text that the browser decoded with the wrong character set (a GBK page read as UTF-8 or as
 * Latin-1) must not pass for "not a guide": say what happened instead.
 */
async function garbledText(page: Page): Promise<string | undefined> {
  const stats = await page
    .evaluate(() => {
      const t = document.body?.textContent ?? '';
      const count = (re: RegExp) => t.match(re)?.length ?? 0;
      return {
        charset: document.characterSet,
        chars: count(/\S/g),
        replacement: count(/\uFFFD/g),
        latin: count(/[\u00C0-\u00FF]/g),
        cjk: count(/[\u4E00-\u9FFF]/g),
      };
    })
    .catch(() => undefined);
  if (!stats) return undefined;
  const bad = (stats.replacement >= 3 && stats.replacement >= stats.chars * 0.005) || (stats.latin >= 30 && stats.cjk * 4 < stats.latin);
  if (!bad) return undefined;
  return `页面文字解码错误（乱码，按 ${stats.charset} 解码）：请在页面中声明正确的 <meta charset>，或另存为 UTF-8 / the page's text did not decode (mojibake, read as ${stats.charset})`;
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
