import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, STORE_NAMES, StoreError, UPGRADES, auditRecords, listAudits, openStore, type StoreDb } from '@/lib/store';
import { auditHtml, guide, snapshotOf } from '../../helpers';

let n = 0;
const freshName = () => `upgrade-test-${++n}-${Math.random()}`;

/** What a database of each version held, written with the raw IndexedDB API as that version did. */
async function fillVersion1(name: string) {
  // Version 1, made by hand exactly as the shipped v1 did (not through UPGRADES), so a later
  // edit of step 1 cannot make this test pass by accident.
  const db = await openDB(name, 1, {
    upgrade(d) {
      const a = d.createObjectStore('audits', { keyPath: 'id' });
      a.createIndex('byItem', ['itemKey', 'auditedAt']);
      a.createIndex('byAuditedAt', 'auditedAt');
      a.createIndex('byHash', 'hash');
      d.createObjectStore('auditDetails', { keyPath: 'auditId' });
      d.createObjectStore('verdicts', { keyPath: ['itemKey', 'indicator'] }).createIndex('byItem', 'itemKey');
      d.createObjectStore('journeys', { keyPath: 'id' }).createIndex('byStartedAt', 'startedAt');
      d.createObjectStore('events', { keyPath: 'eventId' }).createIndex('byJourneyTs', ['journeyId', 'ts']);
      d.createObjectStore('screenshots', { keyPath: 'id' }).createIndex('byAudit', 'auditId');
      d.createObjectStore('settings', { keyPath: 'key' });
    },
  });
  const html = guide({});
  const [record, detail] = await auditRecords(auditHtml(html), snapshotOf(html), { id: 'a1' });
  await db.put('audits', record);
  await db.put('auditDetails', detail);
  await db.put('verdicts', { itemKey: record.itemKey, indicator: 'E1-3', status: 'pass', reason: 'elsewhere', note: '窗口号见大厅公告', reviewer: '张三', at: 1, autoStatus: 'partial' });
  await db.put('journeys', { id: 'j1', startedAt: 5, status: 'open' });
  await db.put('events', { eventId: 'e1', journeyId: 'j1', ts: 6, kind: 'click' });
  await db.put('screenshots', { id: 's1', auditId: 'a1', takenAt: 7, blob: new Blob(['png']), rects: [] });
  await db.put('settings', { key: 'reviewer', value: '张三' });
  db.close();
  return record;
}

/** Databases made by each earlier version; index v - 1 makes a version-v database with records. */
const MAKERS = [fillVersion1];

async function countAll(db: StoreDb) {
  return Object.fromEntries(await Promise.all(STORE_NAMES.map(async (s) => [s, await db.count(s)] as const)));
}

describe('store schema upgrades', () => {
  it('has one database maker per shipped version (a new version adds a step and a maker)', () => {
    expect(MAKERS).toHaveLength(DB_VERSION);
    expect(UPGRADES).toHaveLength(DB_VERSION);
  });

  it('creates every store from nothing', async () => {
    const db = await openStore({ name: freshName() });
    expect([...db.objectStoreNames].sort()).toEqual([...STORE_NAMES].sort());
    expect(db.version).toBe(DB_VERSION);
    db.close();
  });

  for (const [i, make] of MAKERS.entries()) {
    it(`opens a version ${i + 1} database at version ${DB_VERSION} without losing a record`, async () => {
      const name = freshName();
      const record = await make(name);
      const db = await openStore({ name });
      expect(db.version).toBe(DB_VERSION);
      expect(await countAll(db)).toEqual({ audits: 1, auditDetails: 1, verdicts: 1, journeys: 1, events: 1, screenshots: 1, settings: 1 });
      const [audit] = await listAudits(db);
      expect(audit).toEqual(record);
      expect((await db.get('auditDetails', 'a1'))?.outcomes).toHaveLength(18);
      expect(await db.get('verdicts', [record.itemKey, 'E1-3'])).toMatchObject({ note: '窗口号见大厅公告', autoStatus: 'partial' });
      expect(await db.getAllFromIndex('events', 'byJourneyTs')).toHaveLength(1);
      db.close();
    });
  }

  it('refuses a database from a newer extension with a clear message', async () => {
    const name = freshName();
    (await openDB(name, DB_VERSION + 1)).close();
    const err = await openStore({ name }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).kind).toBe('newer');
    expect((err as StoreError).message).toContain('更新版本');
  });
});
