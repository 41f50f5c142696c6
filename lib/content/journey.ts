import type { AuditResult } from '../audit';
import { OWN_UI_ATTR } from '../extract/walk';
import type { Captured, PageNav } from '../journey/events';
import { newEventId, OUTBOX_PREFIX } from '../journey/ids';
import { actionableOf, applicationForm, cssPath, entryWord, labelOf, loginSign, offlineText } from '../journey/detect';
import { DEFAULT_JOURNEY_SETTINGS, type JourneySettings } from '../journey/settings';

/**
 * The content-side journey recorder: captures clicks on the portal's links and buttons, page
 * views (load, back/forward cache, in-page route changes) and application forms, each with an
 * id and a time taken when it happens, and hands them to `send` (the background stores them and
 * decides whether the tab is in a journey). Listeners are passive and capture-phase, never
 * prevent anything, and never throw into the page.
 */


export interface RecorderOptions {
  win: Window & typeof globalThis;
  send: (event: Captured) => void;
  /** Current settings (defaults until the stored ones are read). */
  settings?: () => JourneySettings;
  /** The guide this page is, per its audit (null when it is not a guide): an entry click carries it. */
  guide?: () => GuideInfo | null;
  /**
   * A frame inside the page (the content script runs in every frame): its clicks are the
   * applicant's, but a document loaded in a frame is not a page view (issue 10's definition).
   */
  subframe?: boolean;
}

export type GuideInfo = NonNullable<Extract<Captured, { kind: 'click' }>['guide']>;

interface NavigationLike extends EventTarget {
  currentEntry?: { url?: string | null } | null;
}
type EntryChange = Event & { navigationType?: string | null };

export function startJourneyRecorder(o: RecorderOptions): { stop(): void } {
  const { win } = o;
  const doc = win.document;
  const settings = o.settings ?? (() => DEFAULT_JOURNEY_SETTINGS);
  const id = () => newEventId(win.crypto);
  const off: (() => void)[] = [];
  const on = (t: EventTarget, type: string, fn: (e: Event) => void, opts: AddEventListenerOptions = { capture: true, passive: true }) => {
    const safe = (e: Event) => {
      try {
        fn(e);
      } catch (err) {
        console.warn('[办事指南审核助手] journey recorder', err);
      }
    };
    t.addEventListener(type, safe, opts);
    off.push(() => t.removeEventListener(type, safe, opts));
  };

  const ours = (e: Event) => e.composedPath().some((n) => n instanceof win.Element && (n.hasAttribute(OWN_UI_ATTR) || n.tagName.toLowerCase().startsWith('guide-auditor')));
  const describe = (el: Element) => ({
    tag: el.tagName.toLowerCase(),
    text: labelOf(el),
    selector: cssPath(el),
    ...((el as HTMLAnchorElement).href && typeof (el as HTMLAnchorElement).href === 'string' ? { href: (el as HTMLAnchorElement).href.slice(0, 2048) } : {}),
    ...(el.getAttribute('role') ? { role: el.getAttribute('role')!.slice(0, 40) } : {}),
  });
  const where = () => ({ url: win.location.href.slice(0, 8192), title: doc.title.slice(0, 500) });

  // Enter in a form field that submits the form counts as the click on its submit control.
  let enter: { form: HTMLFormElement; at: number; clicked: boolean } | undefined;
  const submitControl = (form: HTMLFormElement) => form.querySelector('button:not([type=button]):not([type=reset]), input[type=submit], input[type=image]');

  on(win, 'keydown', (e) => {
    const k = e as KeyboardEvent;
    const t = k.target as HTMLInputElement | null;
    if (k.key !== 'Enter' || !k.isTrusted || !t?.form || t.tagName === 'TEXTAREA') return;
    enter = { form: t.form, at: Date.now(), clicked: false };
  });

  on(win, 'click', (e) => {
    if (ours(e)) return;
    const m = e as MouseEvent;
    const el = actionableOf(m.target instanceof win.Element ? m.target : null);
    if (!el) return;
    // The browser's own click on the default button after Enter: the person pressed Enter.
    const fromEnter = !!enter && m.detail === 0 && Date.now() - enter.at < 2000 && enter.form.contains(el);
    if (fromEnter) enter!.clicked = true;
    o.send({
      kind: 'click', eventId: id(), ts: Date.now(), ...where(),
      trusted: m.isTrusted || fromEnter,
      via: fromEnter ? 'enter' : m.detail === 0 ? 'keyboard' : 'pointer',
      entry: !!entryWord(el, settings()),
      target: describe(el),
      guide: o.guide?.() ?? null,
    });
  });

  on(win, 'submit', (e) => {
    const form = e.target as HTMLFormElement;
    if (!enter || enter.form !== form || enter.clicked || Date.now() - enter.at > 2000) return;
    enter = undefined;
    const control = submitControl(form) ?? form;
    o.send({ kind: 'click', eventId: id(), ts: Date.now(), ...where(), trusted: true, via: 'enter', entry: false, target: describe(control) });
  });

  // Page views. An application form may render after the view: watch the DOM for a while.
  let watch: MutationObserver | undefined;
  let watchTimer: ReturnType<typeof setTimeout> | undefined;
  const stopWatch = () => {
    watch?.disconnect();
    watch = undefined;
    if (watchTimer) clearTimeout(watchTimer);
  };
  const pageView = (nav: PageNav, redirects = 0) => {
    stopWatch();
    const s = settings();
    const url = win.location.href;
    const login = loginSign(doc, url, s);
    const form = login ? null : applicationForm(doc, s);
    const page: Captured = { kind: 'page', eventId: id(), ts: Date.now(), ...where(), nav, redirects, login, form, offline: offlineText(doc) };
    o.send(page);
    if (form || login) return;
    let pending: ReturnType<typeof setTimeout> | undefined;
    watch = new win.MutationObserver(() => {
      if (pending) return;
      pending = setTimeout(() => {
        pending = undefined;
        const found = win.location.href === url ? applicationForm(doc, settings()) : null;
        if (!found) return;
        stopWatch();
        o.send({ kind: 'form', eventId: id(), ts: Date.now(), ...where(), page: page.eventId, form: found });
      }, 250);
    });
    watch.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden', 'style', 'class'] });
    watchTimer = setTimeout(stopWatch, 60_000);
  };

  if (!o.subframe) {
    const navEntry = win.performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
    const firstNav: PageNav = navEntry?.type === 'reload' ? 'reload' : navEntry?.type === 'back_forward' ? 'back_forward' : 'load';
    const firstView = () => pageView(firstNav, navEntry?.redirectCount ?? 0);
    if (doc.readyState === 'complete') firstView();
    else on(win, 'load', firstView, { once: true, passive: true });
    on(win, 'pageshow', (e) => {
      if ((e as PageTransitionEvent).persisted) pageView('bfcache');
    }, { passive: true });

    // In-page route changes: the Navigation API where there is one, else watch the address.
    let lastUrl = win.location.href;
    const routeChange = (type: string | null | undefined) => {
      const now = win.location.href;
      if (now === lastUrl) return;
      const hashOnly = now.split('#')[0] === lastUrl.split('#')[0];
      lastUrl = now;
      pageView(type === 'traverse' ? 'traverse' : type === 'replace' ? 'replace' : hashOnly ? 'hash' : 'push');
    };
    const navigation = (win as unknown as { navigation?: NavigationLike }).navigation;
    if (navigation) on(navigation, 'currententrychange', (e) => routeChange((e as EntryChange).navigationType), { passive: true });
    else {
      on(win, 'popstate', () => routeChange('traverse'), { passive: true });
      on(win, 'hashchange', () => routeChange(null), { passive: true });
      const poll = setInterval(() => routeChange(null), 500);
      off.push(() => clearInterval(poll));
    }
  }

  return {
    stop() {
      stopWatch();
      for (const f of off.splice(0)) f();
    },
  };
}

/**
 * Starts the recorder in a content script: settings from storage.local, events to the background.
 *
 * A click that navigates away can unload its page before a stopped service worker has started
 * to take the message, and Chrome then drops it. So while the tab is in a journey, each event is
 * also written to an outbox (storage.local `jout:<eventId>`, which the browser completes without
 * the worker); the background takes it from there when it wakes, and removes it. Both paths
 * carry the same event id, so the event is stored once.
 */
export function startJourney(ctx: { isValid: boolean; onInvalidated(cb: () => void): void }, api: JourneyApi): { onAudit(result: AuditResult): void } {
  let settings = DEFAULT_JOURNEY_SETTINGS;
  let guide: GuideInfo | null = null;
  // Learnt from the background's replies: this tab's id, and whether it is in a journey.
  let tab: { id: number; inJourney: boolean } | undefined;
  const send = (event: Captured, attempt = 0) => {
    if (!ctx.isValid) return;
    const mayCount = tab && (tab.inJourney || (event.kind === 'click' && event.entry && !!guide));
    if (attempt === 0 && tab && mayCount) void api.outbox(`${OUTBOX_PREFIX}${event.eventId}`, { tabId: tab.id, event }).catch(() => {});
    api.send({ type: 'journey/capture', event }).then(
      (reply) => {
        const r = reply as { ok?: boolean; tabId?: number; recorded?: boolean } | undefined;
        if (r?.ok && typeof r.tabId === 'number') tab = { id: r.tabId, inJourney: !!r.recorded };
      },
      () => {
        if (attempt < 3) setTimeout(() => send(event, attempt + 1), 300 * 2 ** attempt);
      },
    );
  };
  const recorder = startJourneyRecorder({ win: window, send, settings: () => settings, guide: () => guide, subframe: window !== window.top });
  ctx.onInvalidated(() => recorder.stop());
  void api.settings().then((s) => (settings = s), () => {});
  return {
    onAudit(result) {
      const level = result.outcomes.find((x) => x.indicator === 'B1')?.data.level;
      guide = result.isGuide
        ? { itemName: result.item.name, itemCode: result.item.code, depth: typeof level === 'number' && level >= 1 && level <= 4 ? level : null }
        : null;
    },
  };
}

export interface JourneyApi {
  send(msg: { type: 'journey/capture'; event: Captured }): Promise<unknown>;
  /** storage.local.set of one outbox entry. */
  outbox(key: string, value: { tabId: number; event: Captured }): Promise<void>;
  settings(): Promise<JourneySettings>;
}
