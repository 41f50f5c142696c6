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
import { TabResult, tabKey } from '../lib/messages';
import type { CliReport } from '../lib/report';
import { refusingProxy } from './serve';

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
    const settled = await settle(page, reader, tabId, o, { crashed: () => crashed, fetching: () => fetching.size > 0, loadedAt: () => loadedAt, refreshes });
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

interface Settled {
  entry?: TabResult & { frameUrl?: string };
  /** Set when the page's text looks wrongly decoded (mojibake): the reason to report. */
  garbled?: string;
}

/**
 * Waits until the audit has settled, whatever the page's images, fonts or styles do. A page that
 * cannot change itself (see `pageState`) is settled as soon as the extension's result for its
 * document is in: the extension audits once the document is parsed, and nothing can change it
 * after that. Otherwise: a guide result that, like the page's DOM (and load state), has not
 * changed for `quietMs` with no XHR/fetch in flight. A missing result, or a non-guide result
 * while the page may still render, is final only `settleMs` after load (after parsing if load
 * never comes), once the page is quiet; a page that never is gets one more `settleMs`, then its
 * latest result is taken. The quiet window counts from the parsed document, the last change the
 * polls saw, and the time the background received the result.
 */
async function settle(
  page: Page, reader: Page, tabId: number, o: typeof DEFAULTS & AuditOptions,
  is: { crashed(): boolean; fetching(): boolean; loadedAt(): number | undefined; refreshes: boolean },
): Promise<Settled> {
  const start = Date.now();
  const giveUp = start + Math.max(o.settleMs, o.timeoutMs);
  let sig = '';
  let sigSince = start;
  let at = -1;
  let atSince = start;
  let entry: Settled['entry'];
  let state: PageState | undefined;
  let mayChange = is.refreshes; // once seen able to change itself, a page stays so (a script may remove itself)
  while (!is.crashed()) {
    const [e, s]: [Settled['entry'], PageState | undefined] = await Promise.all([readTab(reader, tabId).catch(() => undefined), pageState(page, !mayChange)]);
    const now = Date.now();
    // Late content comes after load ("2–4 s after load"); a page whose load never comes (an image
    // that never arrives) is given the same time from when it was parsed.
    const deadline = (is.loadedAt() ?? start) + o.settleMs;
    // The first fingerprint is the document as parsed (when goto returned): the window starts there.
    if (s && s.sig !== sig) [sig, sigSince] = [s.sig, sig ? now : start];
    if (!s || is.fetching()) sigSince = now; // a page too busy to answer, or still fetching data, is still changing
    state = s ?? state;
    mayChange ||= !!s && !s.inert;
    if (e && e.receivedAt !== at) [at, atSince, entry] = [e.receivedAt, Math.min(now, e.receivedAt), e];
    if (!e && entry) [at, atSince, entry] = [-1, now, undefined]; // a new document in the tab
    if (entry && s && !mayChange && !is.fetching() && entry.result.url === s.href) break; // inert: final
    const quiet = now - sigSince >= o.quietMs && now - atSince >= Math.min(o.quietMs, 300);
    const canStillRender = !state || mayChange;
    if (entry && quiet && (entry.result.isGuide || !canStillRender)) break;
    // At the limit, a page that just changed gets its re-audit first (at most one more period).
    if (entry && now >= deadline && (quiet || now >= deadline + o.settleMs)) break;
    if (!entry && state?.html === false && now >= deadline) break;
    if (now >= giveUp) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { entry, garbled: entry?.result.isGuide ? undefined : await garbledText(page) };
}

interface PageState { sig: string; href: string; inert: boolean; html: boolean }

/** Events only a user's input fires: a handler for one of them cannot change a page left alone. */
const USER_EVENTS = ' onclick ondblclick onauxclick oncontextmenu onmousedown onmouseup onpointerdown onpointerup onkeydown onkeyup onkeypress oninput onchange onsubmit onreset onselect oninvalid oncopy oncut onpaste ondrag ondragstart ondragend ondragenter ondragleave ondragover ondrop ontouchstart ontouchend ontouchmove ontouchcancel ';

/**
 * A cheap fingerprint of the page's DOM and URL, and (when asked) whether the page is inert: no
 * script of any kind (SVG's included), no event-handler attribute a page left alone can fire
 * (onload, onerror, ontoggle…), no frame or plugin, no timed refresh. Undefined when the page
 * does not answer.
 */
async function pageState(page: Page, checkInert: boolean): Promise<PageState | undefined> {
  const read = page.evaluate(([check, userEvents]) => {
    const d = document;
    const root = d.documentElement;
    const sig = [location.href, d.readyState, root ? d.getElementsByTagName('*').length : 0, root?.textContent?.length ?? 0].join('|');
    const handlers = `count(//@*[starts-with(name(), "on") and not(contains("${userEvents}", concat(" ", name(), " ")))])`;
    const inert = check && d.getElementsByTagName('script').length === 0 && window.frames.length === 0
      && !d.querySelector('iframe, frame, object, embed, meta[http-equiv="refresh" i]')
      && d.evaluate(handlers, d, null, XPathResult.NUMBER_TYPE, null).numberValue === 0;
    return { sig, href: location.href, inert, html: /html/.test(d.contentType) };
  }, [checkInert, USER_EVENTS] as const);
  return Promise.race([read.catch(() => undefined), new Promise<undefined>((r) => setTimeout(r, 1_000))]);
}

/**
 * Text that the browser decoded with the wrong character set (a GBK page read as UTF-8 or as
 * Latin-1) must not pass for "not a guide": say what happened instead.
 */
async function garbledText(page: Page): Promise<string | undefined> {
  const stats = await page
    // No helper functions inside: tsx would wrap them in a `__name` call the page does not have.
    .evaluate(() => {
      const t = document.body?.textContent ?? '';
      return {
        charset: document.characterSet,
        chars: t.match(/\S/g)?.length ?? 0,
        replacement: t.match(/\uFFFD/g)?.length ?? 0,
        latin: t.match(/[\u00C0-\u00FF]/g)?.length ?? 0,
        cjk: t.match(/[\u4E00-\u9FFF]/g)?.length ?? 0,
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
