import { eventsOfJourney, listJourneys } from '../store/records';
import type { StoreDb } from '../store/db';
import type { JourneyRecord } from '../store/schema';
import type { Outcome } from '../outcome';
import { deriveJourney, type Derived } from './derive';
import { Journey, JourneyEvent } from './events';
import { a32Outcome, b1Outcome } from './outcome';
import type { JourneySettings } from './settings';

/**
 * A stored journey as every reader sees it (the timeline, the dashboard, its CSV exports, the
 * side panel's scorecard): counts, status and the A3-2 / B1 outcomes derived from its stored
 * events with one indexed read, never taken from fields of the journey record.
 */

export interface JourneyView {
  journey: Journey;
  clicks: number;
  pages: number;
  loginPages: number;
  reached: boolean;
  status: Derived['status'];
  /** When it ended (its last step), once it is no longer open. */
  endedAt?: number;
  /** A3-2 first, then B1 against reality when the journey has something to say about it. */
  outcomes: Outcome[];
  steps?: Derived['steps'];
}

/** The journey's status in the reviewer's words, Chinese first. */
export const JOURNEY_STATUS_TEXT: Record<Derived['status'], string> = {
  open: '记录中 recording',
  reached: '已到达提交页 reached',
  'dead-end': '死路 dead end',
  abandoned: '已放弃 abandoned',
  interrupted: '已中断 interrupted',
};
/** The same in the extension pages' UI language: the locale key of each status (public/_locales). */
export const JOURNEY_STATUS_KEY = {
  open: 'jnStatusOpen',
  reached: 'jnStatusReached',
  'dead-end': 'jnStatusDeadEnd',
  abandoned: 'jnStatusAbandoned',
  interrupted: 'jnStatusInterrupted',
} as const satisfies Record<Derived['status'], string>;

/** The journey a record describes; a record without its guide (an old backup) gets an empty one. */
export function journeyOf(r: JourneyRecord): Journey {
  const p = Journey.safeParse({ ...r, journeyId: r.id });
  return p.success ? p.data : { journeyId: r.id, startedAt: r.startedAt, guide: { url: '', title: '', itemName: null, itemCode: null, depth: null } };
}

export async function storedEvents(db: StoreDb, journeyId: string): Promise<JourneyEvent[]> {
  return (await eventsOfJourney(db, journeyId)).flatMap((e) => {
    const p = JourneyEvent.safeParse(e);
    return p.success ? [p.data] : [];
  });
}

export async function journeyView(db: StoreDb, j: Journey, s: JourneySettings, withSteps: boolean): Promise<JourneyView> {
  const d = deriveJourney(await storedEvents(db, j.journeyId), s);
  const b1 = b1Outcome(j, d, s);
  const endedAt = d.status === 'open' ? undefined : d.steps.at(-1)?.ts;
  return {
    journey: j, clicks: d.clicks, pages: d.pages, loginPages: d.loginPages, reached: d.reached, status: d.status,
    ...(endedAt !== undefined ? { endedAt } : {}),
    outcomes: [a32Outcome(j, d, s), ...(b1 ? [b1] : [])],
    ...(withSteps ? { steps: d.steps } : {}),
  };
}

/** Every stored journey (oldest first), or those of the given items, with its derived view. */
export async function storedJourneyViews(db: StoreDb, s: JourneySettings, itemKeys?: Iterable<string>): Promise<{ record: JourneyRecord; view: JourneyView }[]> {
  const wanted = itemKeys ? new Set(itemKeys) : undefined;
  const records = (await listJourneys(db)).filter((r) => !wanted || (r.itemKey !== undefined && wanted.has(r.itemKey)));
  const out: { record: JourneyRecord; view: JourneyView }[] = [];
  for (const record of records) out.push({ record, view: await journeyView(db, journeyOf(record), s, false) });
  return out;
}

/** Finished journeys say what A3-2 is; open, interrupted and abandoned ones leave it to review. */
export const decided = (v: JourneyView) => v.status === 'reached' || v.status === 'dead-end';

/**
 * The journey that stands for an item: its latest decided one, else its latest. `views` are in
 * the order they were stored (oldest first).
 */
export function itemJourney(views: readonly JourneyView[]): JourneyView | undefined {
  return views.findLast(decided) ?? views.at(-1);
}
