import type { JourneyEvent, Mark, PageNav } from './events';
import { urlMatches, type JourneySettings } from './settings';

/**
 * Counts derived from stored events (README "办事路径" has the definition): never from
 * counters in memory. Events may arrive late, twice, or out of order; they are deduplicated by
 * id and ordered by the time they happened, so the same events always give the same figures.
 *
 * - clicks: trusted clicks on the portal's links and buttons from the click on the online entry
 *   (click 1) until the submission page has loaded; Enter that submits a form counts as a click.
 * - pages: page views after the guide page up to and including the submission page: each new
 *   top-level document that finished loading in a journey tab, each in-page route change, each
 *   back/forward arrival. A redirect hop is recorded, not counted; so is a reload.
 * - loginPages: how many of those pages are login / identity pages.
 *
 * A client-side redirect (a jump page, `<meta refresh>`, an SSO hop, a router redirect) is a
 * redirect hop too: a page view replaced by the next one in its tab within CLIENT_REDIRECT_MS,
 * with no click in between and not by Back/Forward or a reload.
 */

export const CLIENT_REDIRECT_MS = 3000;

export type StepKind = 'start' | 'click' | 'page' | 'redirect' | 'tab' | 'form' | 'mark';
export type JourneyStatus = 'open' | 'reached' | 'dead-end' | 'abandoned' | 'interrupted';

export interface Step {
  eventId: string;
  ts: number;
  tabId: number;
  kind: StepKind;
  url: string;
  title: string;
  /** What was clicked (the element's text), for clicks. */
  clicked?: string;
  href?: string;
  nav?: PageNav;
  counted: boolean;
  /** Why it did not count (synthetic click, redirect, reload, excluded by the reviewer …). */
  why?: string;
  login: string | null;
  /** The reviewer marked it "not the applicant's", with this reason. */
  excluded?: string;
  /** Running totals after this step. */
  clicks: number;
  pages: number;
  loginPages: number;
  form?: string;
  offline?: string | null;
  mark?: Mark;
}

export interface Derived {
  clicks: number;
  pages: number;
  loginPages: number;
  reached: boolean;
  status: JourneyStatus;
  steps: Step[];
  /** The page the online entry led to (after redirects, skipping login pages). */
  landing?: Step;
  /** The last page view of the journey (the submission page when reached). */
  lastPage?: Step;
}

const ORDER: Record<JourneyEvent['kind'], number> = { start: 0, click: 1, tab: 2, page: 3, form: 4, exclude: 5, mark: 6 };

const routeOf = (u: string) => {
  try {
    const x = new URL(u);
    return x.origin + x.pathname + x.hash;
  } catch {
    return u;
  }
};

/** Page views that the page itself replaced at once (see CLIENT_REDIRECT_MS). */
function clientRedirects(sorted: readonly JourneyEvent[]): Set<string> {
  const out = new Set<string>();
  // A page where the application form showed up is where the journey ends, never a hop.
  const withForm = new Set(sorted.flatMap((e) => (e.kind === 'form' ? [e.page] : e.kind === 'page' && e.form ? [e.eventId] : [])));
  const last = new Map<number, { id: string; ts: number; clicked: boolean }>();
  for (const e of sorted) {
    if (e.kind === 'tab') {
      const opener = last.get(e.opener);
      if (opener?.clicked) last.set(e.tabId, { id: '', ts: e.ts, clicked: true });
    } else if (e.kind === 'click' && e.trusted) {
      const l = last.get(e.tabId);
      if (l) l.clicked = true;
    } else if (e.kind === 'page') {
      const l = last.get(e.tabId);
      if (l?.id && !l.clicked && !withForm.has(l.id) && e.ts - l.ts < CLIENT_REDIRECT_MS && !['back_forward', 'bfcache', 'traverse', 'reload'].includes(e.nav)) out.add(l.id);
      last.set(e.tabId, { id: e.eventId, ts: e.ts, clicked: false });
    }
  }
  return out;
}

export function deriveJourney(events: readonly JourneyEvent[], s: Pick<JourneySettings, 'submitUrls'>): Derived {
  const byId = new Map<string, JourneyEvent>();
  for (const e of events) byId.set(e.eventId, e);
  const sorted = [...byId.values()].sort((a, b) => a.ts - b.ts || ORDER[a.kind] - ORDER[b.kind] || (a.eventId < b.eventId ? -1 : 1));
  const hops = clientRedirects(sorted);

  // The reviewer's latest word on each step wins (an exclusion can be undone).
  const excluded = new Map<string, string>();
  for (const e of sorted) {
    if (e.kind !== 'exclude') continue;
    if (e.undo) excluded.delete(e.ref);
    else excluded.set(e.ref, e.reason);
  }

  const d: Derived = { clicks: 0, pages: 0, loginPages: 0, reached: false, status: 'open', steps: [] };
  const lastUrlInTab = new Map<number, string>();
  const lastClickInTab = new Map<number, JourneyEvent & { kind: 'click' }>();
  const pageIds = new Set<string>();
  let started = false;
  let ended = false;
  const push = (st: Omit<Step, 'clicks' | 'pages' | 'loginPages'>) => {
    const step = { ...st, clicks: d.clicks, pages: d.pages, loginPages: d.loginPages };
    d.steps.push(step);
    return step;
  };

  for (const e of sorted) {
    if (ended) break;
    if (e.kind === 'start') {
      if (started) continue;
      started = true;
      push({ eventId: e.eventId, ts: e.ts, tabId: e.tabId, kind: 'start', url: e.url, title: e.title, counted: false, login: null, why: e.by === 'entry' ? '点击网上办理入口开始' : '评审人手动开始' });
      continue;
    }
    if (!started || e.kind === 'exclude') continue;
    const base = { eventId: e.eventId, ts: e.ts, tabId: e.tabId, url: e.url, title: e.title, login: null as string | null };
    const reason = excluded.get(e.eventId);
    switch (e.kind) {
      case 'click': {
        const counted = e.trusted && reason === undefined;
        if (counted) d.clicks++;
        if (e.trusted) lastClickInTab.set(e.tabId, e);
        push({ ...base, kind: 'click', clicked: e.target.text, href: e.target.href, counted, why: !e.trusted ? '脚本触发的点击（非用户操作），不计数' : reason !== undefined ? `评审人排除：${reason}` : e.via === 'enter' ? '回车提交表单，计为点击提交按钮' : undefined, ...(reason !== undefined ? { excluded: reason } : {}) });
        break;
      }
      case 'tab': {
        // The click that opened the tab is where its first page came from (a redirect's start).
        const opening = lastClickInTab.get(e.opener);
        if (opening) lastClickInTab.set(e.tabId, opening);
        push({ ...base, kind: 'tab', counted: false, why: '从旅程标签页打开的新标签页' });
        break;
      }
      case 'page': {
        pageIds.add(e.eventId);
        if (e.redirects > 0) {
          const click = lastClickInTab.get(e.tabId);
          const from = click?.target.href && routeOf(click.target.href) !== routeOf(e.url) ? click.target.href : '';
          push({ ...base, eventId: `${e.eventId}-r`, kind: 'redirect', url: from || e.url, title: '', counted: false, why: `重定向${e.redirects}次后到达 ${e.url}，重定向不计页面` });
        }
        const prev = lastUrlInTab.get(e.tabId);
        lastUrlInTab.set(e.tabId, e.url);
        let why: string | undefined;
        if (e.nav === 'reload') why = '刷新同一页面，不计页面';
        else if (hops.has(e.eventId)) why = '页面自动跳走（客户端重定向），不计页面';
        else if (e.nav === 'replace' && prev !== undefined && routeOf(prev) === routeOf(e.url)) why = '地址参数替换，页面未变，不计页面';
        else if (reason !== undefined) why = `评审人排除：${reason}`;
        const counted = why === undefined;
        if (counted) {
          d.pages++;
          if (e.login) d.loginPages++;
        }
        const reachedHere = !e.login && (!!e.form || !!urlMatches(e.url, s.submitUrls));
        const step = push({ ...base, kind: 'page', nav: e.nav, login: e.login, counted, why, form: e.form ?? undefined, offline: e.offline, ...(reason !== undefined ? { excluded: reason } : {}) });
        if (counted) {
          d.lastPage = step;
          if (!d.landing && !e.login) d.landing = step;
        }
        if (reachedHere && counted) {
          d.reached = true;
          d.status = 'reached';
          ended = true;
        }
        break;
      }
      case 'form': {
        if (!pageIds.has(e.page)) break; // a form on a page outside the journey
        push({ ...base, kind: 'form', counted: false, form: e.form, why: `页面上出现申请表（“${e.form}”）` });
        d.reached = true;
        d.status = 'reached';
        ended = true;
        break;
      }
      case 'mark': {
        push({ ...base, kind: 'mark', mark: e.mark, counted: false });
        d.status = e.mark;
        d.reached = e.mark === 'reached';
        ended = true;
        break;
      }
    }
  }
  return d;
}
