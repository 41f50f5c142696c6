import './node-blob';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_VERSION, exportBackup, importBackup } from '@/lib/export/backup';
import { exportCsv } from '@/lib/export/csv-export';
import { StoreError, listAudits, openStore, putJourney, putVerdict, saveAudit, saveScreenshot, appendEvents, type StoreDb } from '@/lib/store';
import { auditHtml, guide, snapshotOf } from '../../helpers';

let n = 0;
const fresh = () => openStore({ name: `backup-test-${++n}-${Math.random()}` });
afterEach(() => vi.restoreAllMocks());

async function filled(): Promise<StoreDb> {
  const db = await fresh();
  const html = guide({});
  const a = (await saveAudit(db, { ...auditHtml(html), auditedAt: 1000 }, snapshotOf(html))).record;
  await saveAudit(db, { ...auditHtml(guide({ 办理地点: '灵山县江南路5号政务服务中心3楼302室5号窗口' })), auditedAt: 2000 });
  await saveAudit(db, { ...auditHtml(guide({ 实施编码: '11231281MB193827494000117009999' })), auditedAt: 3000 });
  await putVerdict(db, { itemKey: a.itemKey, indicator: 'E1-4', status: 'pass', reason: 'machine-wrong', note: '见公告', reviewer: '王五', at: 10, autoStatus: 'fail' });
  await putJourney(db, { id: 'j1', startedAt: 5, status: 'reached', itemKey: a.itemKey, clicks: 2 });
  await appendEvents(db, [{ eventId: 'e1', journeyId: 'j1', ts: 6, kind: 'click' }]);
  await saveScreenshot(db, { id: 's1', auditId: a.id, takenAt: 7, blob: new Blob([new Uint8Array([137, 80, 78, 71, 0, 255])], { type: 'image/png' }), rects: [{ x: 1, y: 2, width: 3, height: 4, indicator: 'E1-3' }] });
  await db.put('settings', { key: 'reviewer', value: '王五' });
  return db;
}

const counts = async (db: StoreDb) => Object.fromEntries(await Promise.all((['audits', 'auditDetails', 'verdicts', 'journeys', 'events', 'screenshots', 'settings'] as const).map(async (s) => [s, await db.count(s)])));

describe('backup and import', () => {
  it('restores everything into an empty store: the same long export, images intact', async () => {
    const src = await filled();
    const file = await (await exportBackup(src)).text();
    expect(JSON.parse(file)).toMatchObject({ format: 'guide-auditor-backup', version: BACKUP_VERSION });
    const dst = await fresh();
    const summary = await importBackup(dst, file);
    expect(summary.audits).toEqual({ added: 3, skipped: 0 });
    expect(await counts(dst)).toEqual(await counts(src));
    expect(await (await exportCsv(dst, 'long')).text()).toBe(await (await exportCsv(src, 'long')).text());
    const shot = await dst.get('screenshots', 's1');
    expect([...new Uint8Array(await shot!.blob.arrayBuffer())]).toEqual([137, 80, 78, 71, 0, 255]);
    expect(shot!.blob.type).toBe('image/png');
    expect((await dst.get('auditDetails', (await listAudits(dst))[0]!.id))?.snapshot).toBeTruthy();
  });

  it('merges duplicates instead of doubling them, and keeps the newer verdict', async () => {
    const src = await filled();
    const file = await (await exportBackup(src)).text();
    const dst = await fresh();
    await importBackup(dst, file);
    const again = await importBackup(dst, file);
    expect(again.audits).toEqual({ added: 0, skipped: 3 });
    expect(again.events).toEqual({ added: 0, skipped: 1 });
    expect(await counts(dst)).toEqual(await counts(src));
    // A newer verdict in the file replaces the older one here; an older one does not
    const b = JSON.parse(file);
    b.verdicts[0].at = 99;
    b.verdicts[0].note = '更新';
    expect((await importBackup(dst, JSON.stringify(b))).verdicts).toEqual({ added: 1, skipped: 0 });
    b.verdicts[0].at = 1;
    b.verdicts[0].note = '旧';
    await importBackup(dst, JSON.stringify(b));
    expect((await dst.getAll('verdicts'))[0]!.note).toBe('更新');
  });

  it('refuses a file from a newer version with a clear message, writing nothing', async () => {
    const file = JSON.parse(await (await exportBackup(await filled())).text());
    const dst = await fresh();
    const err = await importBackup(dst, JSON.stringify({ ...file, version: BACKUP_VERSION + 1, audits: 'new shape' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).kind).toBe('newer');
    expect((err as StoreError).message).toContain('请先更新扩展');
    expect(await dst.count('audits')).toBe(0);
  });

  it('refuses an invalid file as a whole: one bad record means nothing is written', async () => {
    const file = JSON.parse(await (await exportBackup(await filled())).text());
    const dst = await fresh();
    file.audits[2].statuses['E1-1'] = 'excellent';
    const err = (await importBackup(dst, JSON.stringify(file)).catch((e: unknown) => e)) as StoreError;
    expect(err.kind).toBe('invalid');
    expect(err.message).toContain('audits.2.statuses.E1-1');
    expect(await counts(dst)).toEqual({ audits: 0, auditDetails: 0, verdicts: 0, journeys: 0, events: 0, screenshots: 0, settings: 0 });
    for (const bad of ['not json', '{"format":"something-else"}', '[]', '<img src=x onerror=alert(1)>']) {
      expect(((await importBackup(dst, bad).catch((e: unknown) => e)) as StoreError).kind).toBe('invalid');
    }
  });

  it('takes the whole import back when the disk fills half-way', async () => {
    const file = await (await exportBackup(await filled())).text();
    const dst = await fresh();
    const real = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'journeys') throw new DOMException('quota exceeded', 'QuotaExceededError');
      return real.apply(this, args);
    });
    const err = (await importBackup(dst, file).catch((e: unknown) => e)) as StoreError;
    expect(err.kind).toBe('quota');
    vi.restoreAllMocks();
    expect(await dst.count('audits')).toBe(0);
    expect(await dst.count('verdicts')).toBe(0);
  });

  it('backs up a selection of items only', async () => {
    const src = await filled();
    const [a] = await listAudits(src);
    const file = JSON.parse(await (await exportBackup(src, { itemKeys: [a!.itemKey] })).text());
    expect(file.audits).toHaveLength(2);
    expect(file.journeys).toHaveLength(1);
    expect(file.screenshots).toHaveLength(1);
    expect(file.settings).toHaveLength(0);
  });
});
