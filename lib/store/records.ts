import { z } from 'zod';
import { STORE_MESSAGES, StoreError, toStoreError, type StoreDb } from './db';
import {
  EventRecord, JourneyRecord, ScreenshotRecord, VerdictRecord,
  type EventRecord as EventT, type JourneyRecord as JourneyT, type ScreenshotRecord as ScreenshotT, type VerdictRecord as VerdictT,
} from './schema';

/**
 * Verdicts, journeys with their events, and screenshots: each validated with its zod schema,
 * written in one transaction (the workbench and journeys features call these). See schema.ts.
 */

/** Validates, then writes; a record that does not fit its schema is refused with `invalid`. */
async function write<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof z.ZodError) throw new StoreError('invalid', `${STORE_MESSAGES.invalid} (${z.prettifyError(e)})`);
    throw toStoreError(e);
  }
}

/** Sets (or replaces) the reviewer's verdict on one indicator of one item. */
export function putVerdict(db: StoreDb, v: VerdictT): Promise<VerdictT> {
  return write(async () => {
    const record = VerdictRecord.parse(v);
    await db.put('verdicts', record);
    return record;
  });
}

export function deleteVerdict(db: StoreDb, itemKey: string, indicator: string): Promise<void> {
  return write(() => db.delete('verdicts', [itemKey, indicator]));
}

export function verdictsOfItem(db: StoreDb, itemKey: string): Promise<VerdictT[]> {
  return db.getAllFromIndex('verdicts', 'byItem', itemKey);
}

export function listVerdicts(db: StoreDb): Promise<VerdictT[]> {
  return db.getAll('verdicts');
}

export function putJourney(db: StoreDb, j: JourneyT): Promise<JourneyT> {
  return write(async () => {
    const record = JourneyRecord.parse(j);
    await db.put('journeys', record);
    return record;
  });
}

export function listJourneys(db: StoreDb): Promise<JourneyT[]> {
  return db.getAllFromIndex('journeys', 'byStartedAt');
}

/** Appends events in one transaction; an event sent twice (a retry) overwrites itself. */
export function appendEvents(db: StoreDb, events: EventT[]): Promise<void> {
  return write(async () => {
    const records = events.map((e) => EventRecord.parse(e));
    const tx = db.transaction('events', 'readwrite');
    await Promise.all([...records.map((e) => tx.store.put(e)), tx.done]);
  });
}

/** A journey's events in time order (by `ts`, not by arrival). */
export function eventsOfJourney(db: StoreDb, journeyId: string): Promise<EventT[]> {
  return db.getAllFromIndex('events', 'byJourneyTs', IDBKeyRange.bound([journeyId, -Infinity], [journeyId, Infinity]));
}

export function saveScreenshot(db: StoreDb, s: ScreenshotT): Promise<ScreenshotT> {
  return write(async () => {
    const record = ScreenshotRecord.parse(s);
    await db.put('screenshots', record);
    return record;
  });
}

export function screenshotsOfAudit(db: StoreDb, auditId: string): Promise<ScreenshotT[]> {
  return db.getAllFromIndex('screenshots', 'byAudit', auditId);
}
