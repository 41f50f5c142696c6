import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  StoreError, auditsOfItem, deleteAudits, deleteEverything, deleteItem, getAudit, itemKey, listAudits, normaliseUrl,
  openStore, putVerdict, saveAudit, saveScreenshot, verdictsOfItem,
} from '@/lib/store';
import { auditHtml, guide, snapshotOf } from '../../helpers';

let n = 0;
const fresh = () => openStore({ name: `store-test-${++n}-${Math.random()}` });

afterEach(() => vi.restoreAllMocks());

describe('items and URLs', () => {
  it('knows an item by its 实施编码, else by its normalised URL', () => {
    expect(itemKey({ url: 'http://a.gov.cn/x', item: { code: '11231281mb193827494000117001000' } })).toBe('code:11231281MB193827494000117001000');
    expect(itemKey({ url: 'HTTP://WWW.A.gov.cn:80/bszn/item/?b=2&a=1&utm_source=x#top', item: { code: null } })).toBe('url:http://www.a.gov.cn/bszn/item/?a=1&b=2');
    // SPA routes are kept; loopback ports (the command line's file server) are not
    expect(normaliseUrl('https://zwfw.gov.cn/#/guide/123')).toBe('https://zwfw.gov.cn/#/guide/123');
    expect(normaliseUrl('http://127.0.0.1:43121/a.html')).toBe(normaliseUrl('http://127.0.0.1:5555/a.html'));
    expect(normaliseUrl('http://a.gov.cn/x/')).toBe('http://a.gov.cn/x');
    expect(normaliseUrl('not a url')).toBe('not a url');
  });
});

describe('saving audits', () => {
  it('saves a guide with its snapshot, department and key values, once per distinct result', async () => {
    const db = await fresh();
    const html = guide({});
    const first = await saveAudit(db, auditHtml(html), snapshotOf(html));
    expect(first.saved).toBe(true);
    // The page re-renders the same guide: no copy
    const again = await saveAudit(db, { ...auditHtml(html), auditedAt: Date.now() + 5000 }, snapshotOf(html));
    expect(again).toMatchObject({ saved: false, reason: 'duplicate' });
    expect(await listAudits(db)).toHaveLength(1);
    const full = await getAudit(db, first.record.id);
    expect(full?.item).toEqual({ name: '个体工商户设立登记', code: '11231281MB193827494000117001000', department: '安达市市场监督管理局' });
    expect(full?.values).toMatchObject({ legalDays: 15, promisedDays: 3, cut: 0.8, instant: false });
    expect(full?.outcomes).toHaveLength(18);
    expect(full?.snapshot?.fields['department']).toBeTruthy();
    // A changed guide is a new audit of the same item
    const changed = await saveAudit(db, auditHtml(guide({ 承诺办结时限: '10个工作日' })), null);
    expect(changed.saved).toBe(true);
    expect(await auditsOfItem(db, first.record.itemKey)).toHaveLength(2);
    // Pages that are not guides are not kept
    expect(await saveAudit(db, auditHtml('<p>通知公告</p>'))).toMatchObject({ saved: false, reason: 'not-a-guide' });
    expect(await listAudits(db)).toHaveLength(2);
  });

  it('writes nothing when the disk fills mid-write, and says so', async () => {
    const db = await fresh();
    const real = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'auditDetails') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return real.apply(this, args);
    });
    const err = await saveAudit(db, auditHtml(guide({}))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).kind).toBe('quota');
    expect((err as StoreError).message).toContain('没有保存');
    vi.restoreAllMocks();
    // The audit record written before the failure was taken back with it
    expect(await db.count('audits')).toBe(0);
    expect(await db.count('auditDetails')).toBe(0);
    expect((await saveAudit(db, auditHtml(guide({})))).saved).toBe(true);
  });

  it('deletes an audit, an item, or everything, with their screenshots and verdicts', async () => {
    const db = await fresh();
    const a = (await saveAudit(db, auditHtml(guide({})))).record;
    const b = (await saveAudit(db, auditHtml(guide({ 承诺办结时限: '1个工作日' })))).record;
    const other = (await saveAudit(db, auditHtml(guide({ 实施编码: '11231281MB1938274940001170010XX' })))).record;
    await saveScreenshot(db, { id: 's1', auditId: a.id, takenAt: 1, blob: new Blob(['x']), rects: [{ x: 1, y: 2, width: 3, height: 4 }] });
    await putVerdict(db, { itemKey: a.itemKey, indicator: 'E1-3', status: 'pass', reason: 'elsewhere', note: '', reviewer: '李四', at: 1, autoStatus: 'partial' });
    await deleteAudits(db, [a.id]);
    expect((await listAudits(db)).map((r) => r.id).sort()).toEqual([b.id, other.id].sort());
    expect(await db.count('screenshots')).toBe(0);
    expect(await deleteItem(db, a.itemKey)).toBe(1);
    expect(await verdictsOfItem(db, a.itemKey)).toEqual([]);
    expect((await listAudits(db)).map((r) => r.id)).toEqual([other.id]);
    await deleteEverything(db);
    expect(await listAudits(db)).toEqual([]);
  });

  it('rejects a verdict without a known reason (validated where data enters)', async () => {
    const db = await fresh();
    await expect(putVerdict(db, { itemKey: 'x', indicator: 'E1-1', status: 'pass', reason: 'because' as never, note: '', reviewer: '', at: 1, autoStatus: 'fail' })).rejects.toThrow();
    expect(await db.count('verdicts')).toBe(0);
  });
});

describe('opening the store', () => {
  it('waits on a page that holds the old version, tells the user, and gives up clearly', async () => {
    const name = `blocked-${Math.random()}`;
    const old = await openDB(name, 1); // an old page that never lets go
    const told: string[] = [];
    const err = await openStore({ name, version: 2, blockedTimeoutMs: 200, onBlocked: (m) => told.push(m) }).catch((e: unknown) => e);
    expect((err as StoreError).kind).toBe('blocked');
    expect(told[0]).toContain('请关闭或刷新');
    old.close();
  });

  it('steps aside when a newer version asks, so the upgrade goes through', async () => {
    const name = `blocking-${Math.random()}`;
    let asked = 0;
    const oldPage = await openStore({ name, version: 1, onVersionChange: () => asked++ });
    const newer = await openStore({ name, version: 2, blockedTimeoutMs: 5000 });
    expect(newer.version).toBe(2);
    expect(asked).toBe(1);
    void oldPage;
    newer.close();
  });

  it('says what is not kept when IndexedDB is unavailable (private window)', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error simulate a context without IndexedDB
    delete globalThis.indexedDB;
    try {
      const err = await openStore({ name: 'x' }).catch((e: unknown) => e);
      expect((err as StoreError).kind).toBe('unavailable');
      expect((err as StoreError).message).toContain('不会保存');
    } finally {
      globalThis.indexedDB = saved;
    }
  });

  it('maps Firefox private mode\'s InvalidStateError to "not kept"', async () => {
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
    });
    const err = await openStore({ name: 'y' }).catch((e: unknown) => e);
    expect((err as StoreError).kind).toBe('unavailable');
  });
});
