import { extractionSteps } from '../extract/guide';
import { runInSlices, type SliceOptions } from '../extract/slices';
import { OWN_UI_ATTR } from '../extract/walk';
import { judgeGuide } from '../judge';
import type { GuideSnapshot } from '../snapshot';
import { openShadowRoots } from './shadow';

export interface AuditorOptions {
  doc: Document;
  /** A snapshot that differs from the last one reported; `isGuide` by the rule book (lib/judge.ts). The indicators are judged by the receiver (the background). */
  report: (snapshot: GuideSnapshot, isGuide: boolean) => void;
  /** Reading the page failed (an engine error): the reviewer is told instead of seeing no result. */
  onError?: (message: string) => void;
  /** How a big page is read in slices (lib/extract/slices.ts); the pause and clock are for tests. */
  slices?: Pick<SliceOptions, 'budgetMs' | 'pause' | 'now'>;
  /** Quiet time after the last DOM change before re-auditing (portals fill guides by XHR). */
  debounceMs?: number;
  /** Re-audit at least this often while the page keeps changing. */
  maxWaitMs?: number;
  /** How often the page's URL and root element are compared with the last audit's. */
  watchMs?: number;
}

/** The most a busy page's re-audits are spread out: 16 × the debounce and the maximum wait. */
const MAX_BACKOFF = 4;

/**
 * Reads the page now and again whenever its content changes, reporting only when the snapshot
 * changed. Nothing here touches the page: it reads the DOM and never throws into it. A big page
 * is read in slices of at most ~20 ms (the page stays responsive); a change to the page while it
 * is being read drops that reading, and the next one starts after the usual quiet time (a page
 * that never falls quiet gets a reading that is not dropped, when the maximum wait forces one).
 *
 * It follows the page wherever its content goes: a root element replaced by `document.open` /
 * `document.write` or by script, open shadow roots (each is observed once found), and
 * same-document navigations (pushState, replaceState, hash, popstate) that change the URL the
 * result belongs to even when the DOM stays the same.
 */
export function startAuditor(o: AuditorOptions): { stop(): void; runNow(): void } {
  const debounceMs = o.debounceMs ?? 400;
  const maxWaitMs = o.maxWaitMs ?? 2500;
  let last = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPending = 0;
  // A page that keeps changing without changing the guide (a clock, a ticker) is re-read less
  // and less often; so is a page that never falls quiet (a value rewritten every few ms), whose
  // re-audits are all forced by the maximum wait. A page that settles resets both.
  let unchanged = 0;
  let busy = 0;
  let forced = false;
  let seenUrl = '';
  let seenRoot: Element | null = null;
  let stopped = false;
  const observed = new WeakSet<Node>();

  const ours = (n: Node | null) => !!n && n.nodeType === 1 && !!(n as Element).closest?.(`[${OWN_UI_ATTR}]`);
  const observer = new MutationObserver((records) => {
    if (records.every((r) => ours(r.target))) return;
    if (reading && !reading.forced) reading.dropped = true;
    schedule();
  });
  const observe = (target: Node) => {
    if (observed.has(target)) return;
    observed.add(target);
    observer.observe(target, { childList: true, subtree: true, characterData: true });
  };
  const href = () => {
    try {
      return o.doc.location?.href ?? '';
    } catch {
      return '';
    }
  };

  const fail = (e: unknown) => {
    console.warn('[办事指南审核助手] audit failed', e);
    try {
      o.onError?.(e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 500) : String(e).slice(0, 500));
    } catch {
      /* telling the background is best effort; the page must not see it */
    }
  };

  // The reading under way, if any: a change to the page drops it unless the maximum wait forced it.
  let reading: { dropped: boolean; forced: boolean } | undefined;

  const runNow = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    firstPending = 0;
    const wasForced = forced;
    busy = forced ? Math.min(busy + 1, MAX_BACKOFF) : 0;
    forced = false;
    if (reading) reading.dropped = true;
    const current = { dropped: false, forced: wasForced };
    reading = current;
    // The reading's end: its snapshot, or null when it was dropped or failed.
    const done = (snapshot: GuideSnapshot | null) => {
      if (reading === current) reading = undefined;
      if (!snapshot || current.dropped || stopped) return;
      try {
        // The walk read the open shadow roots; watch them too (a MutationObserver stops at a shadow boundary).
        for (const root of openShadowRoots(o.doc)) observe(root);
        // How many elements were read is no finding: a page that only grew a span is the same guide.
        const key = JSON.stringify({ ...snapshot, visited: 0 });
        if (key === last) {
          unchanged = Math.min(unchanged + 1, MAX_BACKOFF);
          return;
        }
        unchanged = 0;
        last = key;
        o.report(snapshot, judgeGuide(snapshot).isGuide);
      } catch (e) {
        fail(e);
      }
    };
    // A page we cannot read must not break the page: say so (console, and onError for the reviewer) and carry on.
    const failed = (e: unknown) => {
      fail(e);
      done(null);
    };
    try {
      seenUrl = href();
      seenRoot = o.doc.documentElement;
      const run = runInSlices(extractionSteps(o.doc, seenUrl), { ...o.slices, cancelled: () => current.dropped || stopped });
      if (run instanceof Promise) run.then(done, failed);
      else done(run);
    } catch (e) {
      failed(e);
    }
  };

  const schedule = () => {
    const now = Date.now();
    firstPending ||= now;
    if (timer) clearTimeout(timer);
    const factor = 2 ** Math.min(unchanged + busy, MAX_BACKOFF);
    const quiet = debounceMs * factor;
    const deadline = firstPending + maxWaitMs * factor - now;
    forced = deadline < quiet;
    timer = setTimeout(runNow, Math.max(0, Math.min(quiet, deadline)));
  };

  // A new URL (same-document navigation) or a new root element is a new page to read now.
  const check = () => {
    if (o.doc.documentElement !== seenRoot || href() !== seenUrl) {
      unchanged = 0;
      busy = 0;
      schedule();
    }
  };
  // The document itself is observed, so a replaced <html> is seen; the URL is compared on every
  // navigation event there is, and on a slow timer for pushState, which fires none in our world.
  observe(o.doc);
  const win = o.doc.defaultView;
  const nav = (win as (Window & { navigation?: EventTarget }) | null)?.navigation;
  const events: [EventTarget | null | undefined, string][] = [
    [win, 'hashchange'], [win, 'popstate'], [win, 'pageshow'], [nav, 'currententrychange'],
  ];
  for (const [target, type] of events) target?.addEventListener(type, check);
  const watch = setInterval(check, o.watchMs ?? 1000);
  runNow();
  return {
    stop() {
      stopped = true;
      observer.disconnect();
      for (const [target, type] of events) target?.removeEventListener(type, check);
      clearInterval(watch);
      if (timer) clearTimeout(timer);
    },
    runNow,
  };
}
