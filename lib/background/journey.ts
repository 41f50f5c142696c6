import { appendEvents, itemKey, listJourneys, putJourney, type StoreDb } from '../store';
import { deriveJourney } from '../journey/derive';
import { journeyView, storedEvents, type JourneyView } from '../journey/view';
import { z } from 'zod';
import { Captured, Journey, JourneyEvent, OUTBOX_PREFIX, type Mark } from '../journey/events';
import { JOURNEY_SETTINGS_KEY, parseJourneySettings, type JourneySettings } from '../journey/settings';
import type { AuditResult } from '../audit';
import { TabResult, tabKey, type Message } from '../messages';

/**
 * The background side of journeys (A3-2). It keeps no state of its own: which tab belongs to
 * which journey lives in storage.session (`jt:<tab>`, and `jo:<tab>` for the tab that opened
 * it), the journeys and their events in IndexedDB, appended by id. Counts are derived from the
 * stored events on every read. One Web Lock orders the handlers, so a new tab's first page
 * never races the click that opened it, across any number of worker restarts.
 */

export interface JourneySession {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
  all(): Promise<Record<string, unknown>>;
}

export interface JourneyDeps {
  session: JourneySession;
  db: () => Promise<StoreDb>;
  settings: () => Promise<JourneySettings>;
  now?: () => number;
  /** The content scripts' outbox in storage.local (see lib/content/journey.ts). */
  outbox?: { all(): Promise<Record<string, unknown>>; remove(keys: string[]): Promise<void> };
}

export type { JourneyView };

export interface JourneyFields { recorded?: boolean; tabId?: number; journeyId?: string; journeys?: JourneyView[]; journey?: JourneyView | null }
export type JourneyReply = ({ ok: true } & JourneyFields) | { ok: false; error: string };

type JourneyMessage = Extract<Message, { type: `journey/${string}` }>;

const TAB = (tabId: number) => `jt:${tabId}`;
/** The journey a tab fed last, and when it ended: an event from before the end still belongs to it. */
const LAST = (tabId: number) => `jl:${tabId}`;
const OPENER = (tabId: number) => `jo:${tabId}`;

/** Runs `fn` under the journey lock (Web Locks: held across awaits, released if the worker dies). */
function locked<T>(fn: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? (locks.request('guide-auditor-journey', fn) as Promise<T>) : fn();
}

const asId = (v: unknown) => (typeof v === 'string' ? v : undefined);

async function journeyOfTab(deps: JourneyDeps, tabId: number): Promise<string | undefined> {
  return asId(await deps.session.get(TAB(tabId)));
}

async function storedJourney(db: StoreDb, journeyId: string): Promise<Journey | undefined> {
  const raw = await db.get('journeys', journeyId);
  const p = Journey.safeParse(raw && { ...raw, journeyId: raw.id });
  return p.success ? p.data : undefined;
}

/** The record also carries the item's key (lib/store), so the dashboard joins journeys to audits. */
async function saveJourney(db: StoreDb, j: Journey, status: string): Promise<void> {
  await putJourney(db, { ...j, id: j.journeyId, status, itemKey: itemKey({ url: j.guide.url, item: { code: j.guide.itemCode } }) });
}

/** Ends the journey's recording when its derived status is final: no tab feeds it any more. */
async function settle(deps: JourneyDeps, db: StoreDb, journeyId: string): Promise<void> {
  const j = await storedJourney(db, journeyId);
  if (!j) return;
  const d = deriveJourney(await storedEvents(db, journeyId), await deps.settings());
  await saveJourney(db, j, d.status);
  if (d.status === 'open') return;
  const endedAt = d.steps.at(-1)?.ts ?? j.startedAt;
  const all = await deps.session.all();
  for (const [k, v] of Object.entries(all)) {
    if (!k.startsWith('jt:') || v !== journeyId) continue;
    await deps.session.set(LAST(Number(k.slice(3))), { journeyId, endedAt });
    await deps.session.remove(k);
  }
}

async function startJourney(deps: JourneyDeps, db: StoreDb, tabId: number, start: { eventId: string; ts: number; url: string; title: string; by: 'entry' | 'reviewer' }, guide: Journey['guide']): Promise<string> {
  const journeyId = `j-${start.eventId}`.slice(0, 64);
  // The tab is claimed first, so a reconcile never sees a journey without its tab.
  await deps.session.set(TAB(tabId), journeyId);
  await saveJourney(db, { journeyId, startedAt: start.ts, guide }, 'open');
  await appendEvents(db, [{ kind: 'start', eventId: `s-${start.eventId}`.slice(0, 64), ts: start.ts, url: start.url, title: start.title, by: start.by, journeyId, tabId }]);
  return journeyId;
}

async function capture(deps: JourneyDeps, tabId: number, event: Captured): Promise<JourneyReply> {
  const db = await deps.db();
  let journeyId = await journeyOfTab(deps, tabId);
  if (!journeyId) {
    // A tab opened from a journey tab joins its journey.
    const opener = await deps.session.get(OPENER(tabId));
    const parent = typeof opener === 'number' ? await journeyOfTab(deps, opener) : undefined;
    if (parent) {
      journeyId = parent;
      await deps.session.set(TAB(tabId), journeyId);
      await appendEvents(db, [{ kind: 'tab', eventId: `t-${tabId}-${journeyId}`.slice(0, 64), ts: event.ts - 1, url: event.url, title: '', opener: opener as number, journeyId, tabId }]);
    }
  }
  if (!journeyId) {
    // A late event (its message or outbox entry came after the end) from before the journey ended.
    const last = await deps.session.get(LAST(tabId));
    const l = last as { journeyId?: unknown; endedAt?: unknown } | undefined;
    if (typeof l?.journeyId === 'string' && typeof l.endedAt === 'number' && event.ts <= l.endedAt) journeyId = l.journeyId;
  }
  if (!journeyId) {
    // The online entry of a guide page, clicked by a person, starts a journey.
    if (event.kind !== 'click' || !event.entry || !event.trusted || !event.guide) return { ok: true, recorded: false };
    journeyId = await startJourney(deps, db, tabId, { ...event, by: 'entry' }, { url: event.url, title: event.title, ...event.guide });
  }
  await appendEvents(db, [{ ...event, journeyId, tabId }]);
  if (event.kind !== 'click') await settle(deps, db, journeyId);
  await deps.outbox?.remove([`${OUTBOX_PREFIX}${event.eventId}`]);
  return { ok: true, recorded: true, journeyId };
}

const OutboxEntry = z.object({ tabId: z.number().int().nonnegative(), event: Captured });

/**
 * Stores what content scripts left in the outbox (events whose message a stopped worker never
 * got). An entry names its tab itself, so it is taken only for a tab that is in a journey, or
 * as an entry click on a guide (as the message would be); everything else is dropped.
 */
export function drainOutbox(deps: JourneyDeps): Promise<void> {
  const outbox = deps.outbox;
  if (!outbox) return Promise.resolve();
  return locked(async () => {
    const entries = Object.entries(await outbox.all()).filter(([k]) => k.startsWith(OUTBOX_PREFIX));
    for (const [key, raw] of entries) {
      const p = OutboxEntry.safeParse(raw);
      if (p.success) await capture(deps, p.data.tabId, p.data.event);
      await outbox.remove([key]);
    }
  });
}

/** What the audit of the guide page in this tab says about the guide (for a journey started by hand). */
export function guideOf(result: AuditResult | undefined, fallback: { url: string; title: string }): Journey['guide'] {
  const level = result?.outcomes.find((o) => o.indicator === 'B1')?.data.level;
  return {
    url: result?.url ?? fallback.url,
    title: result?.title ?? fallback.title,
    itemName: result?.item.name ?? null,
    itemCode: result?.item.code ?? null,
    depth: result?.isGuide && typeof level === 'number' && level >= 1 && level <= 4 ? level : null,
  };
}

export async function view(deps: JourneyDeps, db: StoreDb, j: Journey, withSteps: boolean): Promise<JourneyView> {
  return journeyView(db, j, await deps.settings(), withSteps);
}

const id = () => crypto.randomUUID();

/** Content scripts may only capture; everything else comes from our own pages. */
export async function handleJourneyMessage(msg: JourneyMessage, sender: { tab?: { id?: number; url?: string; title?: string }; url?: string }, fromExtension: boolean, deps: JourneyDeps): Promise<JourneyReply> {
  if (msg.type === 'journey/capture') {
    const tabId = sender.tab?.id;
    if (tabId === undefined || tabId < 0 || fromExtension) return { ok: false, error: 'journey events come from a tab' };
    // The tab learns its id, so its outbox entries can name it.
    return locked(async () => ({ ...(await capture(deps, tabId, msg.event)), tabId }));
  }
  if (!fromExtension) return { ok: false, error: 'not allowed' };
  const now = deps.now ?? Date.now;
  return locked(async () => {
    const db = await deps.db();
    switch (msg.type) {
      case 'journey/start': {
        const existing = await journeyOfTab(deps, msg.tabId);
        if (existing) return { ok: true, journeyId: existing };
        const stored = TabResult.safeParse(await deps.session.get(tabKey(msg.tabId)));
        const result = stored.success ? stored.data.result : undefined;
        const guide = guideOf(result, { url: '', title: '' });
        const journeyId = await startJourney(deps, db, msg.tabId, { eventId: id(), ts: now(), url: guide.url, title: guide.title, by: 'reviewer' }, guide);
        return { ok: true, journeyId };
      }
      case 'journey/mark':
      case 'journey/exclude': {
        const j = await storedJourney(db, msg.journeyId);
        if (!j) return { ok: false, error: '没有这条办事路径 / no such journey' };
        const e: JourneyEvent = msg.type === 'journey/mark'
          ? { kind: 'mark', eventId: id(), ts: now(), url: '', title: '', mark: msg.mark, journeyId: j.journeyId, tabId: -1 }
          : { kind: 'exclude', eventId: id(), ts: now(), url: '', title: '', ref: msg.ref, reason: msg.reason, undo: msg.undo, journeyId: j.journeyId, tabId: -1 };
        await appendEvents(db, [e]);
        await settle(deps, db, j.journeyId);
        return { ok: true, journeyId: j.journeyId };
      }
      case 'journey/list': {
        const journeys = (await listJourneys(db)).flatMap((r) => {
          const p = Journey.safeParse({ ...r, journeyId: r.id });
          return p.success ? [p.data] : [];
        });
        const views = await Promise.all(journeys.map((j) => view(deps, db, j, false)));
        return { ok: true, journeys: views.reverse() };
      }
      case 'journey/get': {
        const j = await storedJourney(db, msg.journeyId);
        return { ok: true, journey: j ? await view(deps, db, j, true) : null };
      }
    }
  });
}

/** A tab opened from another: remember its opener (its first page joins the opener's journey). */
export function onTabCreated(deps: JourneyDeps, tab: { id?: number; openerTabId?: number }): Promise<void> {
  if (tab.id === undefined || tab.openerTabId === undefined) return Promise.resolve();
  return locked(() => deps.session.set(OPENER(tab.id!), tab.openerTabId));
}

export function onTabRemoved(deps: JourneyDeps, tabId: number): Promise<void> {
  return locked(async () => {
    await deps.session.remove(OPENER(tabId));
    await deps.session.remove(LAST(tabId));
    if (!(await journeyOfTab(deps, tabId))) return;
    await deps.session.remove(TAB(tabId));
    await reconcileLocked(deps);
  });
}

/**
 * Journeys still open in IndexedDB that no tab feeds any more (the browser was closed, the
 * extension reloaded, the journey's tabs closed) are marked interrupted, with the steps they had.
 */
export function reconcile(deps: JourneyDeps): Promise<void> {
  return locked(() => reconcileLocked(deps));
}

async function reconcileLocked(deps: JourneyDeps): Promise<void> {
  const db = await deps.db();
  const live = new Set(Object.entries(await deps.session.all()).filter(([k]) => k.startsWith('jt:')).map(([, v]) => v));
  for (const r of await listJourneys(db)) {
    if (r.status !== 'open' || live.has(r.id)) continue;
    const mark: Mark = 'interrupted';
    await appendEvents(db, [{ kind: 'mark', eventId: `i-${r.id}`.slice(0, 64), ts: (deps.now ?? Date.now)(), url: '', title: '', mark, journeyId: r.id, tabId: -1 }]);
    await settle(deps, db, r.id);
  }
}

type BrowserLike = typeof import('wxt/browser').browser;

/**
 * Wires journeys into the background: call once, synchronously, at the top of the worker.
 * Returns the deps the message handler needs. Every worker start closes journeys left open by a
 * browser restart or an extension reload (storage.session is empty then).
 */
export function registerJourneys(browser: BrowserLike, openDb: () => Promise<StoreDb>): JourneyDeps {
  const deps: JourneyDeps = {
    session: {
      get: async (key) => (await browser.storage.session.get(key))[key],
      set: (key, value) => browser.storage.session.set({ [key]: value }),
      remove: (key) => browser.storage.session.remove(key),
      all: () => browser.storage.session.get(null),
    },
    db: openDb,
    outbox: { all: () => browser.storage.local.get(null), remove: (keys) => browser.storage.local.remove(keys) },
    settings: async () => parseJourneySettings((await browser.storage.local.get(JOURNEY_SETTINGS_KEY))[JOURNEY_SETTINGS_KEY]),
  };
  const warn = (e: unknown) => console.warn('[办事指南审核助手] journey', e);
  browser.tabs.onCreated.addListener((tab) => void onTabCreated(deps, tab).catch(warn));
  browser.tabs.onRemoved.addListener((tabId) => void onTabRemoved(deps, tabId).catch(warn));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && Object.entries(changes).some(([k, c]) => k.startsWith(OUTBOX_PREFIX) && c.newValue !== undefined)) void drainOutbox(deps).catch(warn);
  });
  // A marker per worker start: tests prove the worker really stopped and started again.
  void browser.storage.session.set({ journeyBoot: crypto.randomUUID() }).catch(warn);
  void reconcile(deps).then(() => drainOutbox(deps)).catch(warn);
  return deps;
}
