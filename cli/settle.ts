/**
 * When the command line takes a page's result: the settle rule (the extension's result, the
 * page's DOM and its requests quiet for a short window, or at once for a page that cannot change
 * itself), and the check that a non-guide result is not a page decoded with the wrong charset.
 */
import type { Page } from '@playwright/test';
import type { TabResult } from '../lib/messages';

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
 * latest result is taken; a page the extension failed to read is given up once quiet. The quiet window counts from the parsed document, the last change the
 * polls saw, and the time the background received the result.
 */
export async function settle(
  page: Page, readResult: () => Promise<Settled['entry']>, o: { timeoutMs: number; settleMs: number; quietMs: number },
  is: { crashed(): boolean; fetching(): boolean; loadedAt(): number | undefined; refreshes: boolean; failed?: () => Promise<boolean> },
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
    const [e, s, failed]: [Settled['entry'], PageState | undefined, boolean] = await Promise.all([
      readResult().catch(() => undefined), pageState(page, !mayChange), is.failed ? is.failed().catch(() => false) : false,
    ]);
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
    // The extension failed to read the page and the page has since stood still: no result is coming (it reads again only on a change).
    if (!entry && failed && now - sigSince >= o.quietMs) break;
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
