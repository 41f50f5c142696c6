import type { AuditResult } from '../audit';
import type { Outcome, Status } from '../outcome';
import { firstValue } from '../parse/fields';
import type { GuideSnapshot } from '../snapshot';
import { clip } from '../text';
import { toStoreError, type StoreDb } from './db';
import type { AuditDetail, AuditRecord, KeyValues } from './schema';

/** Audits in the store: saving (once per distinct result), reading, deleting. See schema.ts. */

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;
const TRACKING = /^(utm_[a-z]+|spm|from|_t|timestamp|t|_)$/i;

/**
 * The URL an item is known by when it has no 实施编码: lower-case host, no default port, no
 * tracking parameters, sorted query, no trailing slash, no fragment unless it is an SPA route
 * (`#/…`, `#!…`). Loopback hosts drop the port: the command line serves local files on a new
 * port each run, and the same file must stay the same item.
 */
export function normaliseUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return raw.trim();
  }
  if (LOOPBACK.test(u.hostname)) u.port = '';
  const params = [...u.searchParams.entries()].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  u.search = new URLSearchParams(params).toString();
  if (!/^#[/!]/.test(u.hash)) u.hash = '';
  let s = u.toString();
  if (u.pathname.length > 1 && u.pathname.endsWith('/') && !u.search && !u.hash) s = s.slice(0, -1);
  return s;
}

/** The item an audit belongs to: its 实施编码, else its normalised URL. */
export function itemKey(a: { url: string; item: { code: string | null } }): string {
  const code = a.item.code?.trim();
  return code ? `code:${code.toUpperCase()}` : `url:${normaliseUrl(a.url)}`;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** The values the dashboard sums and the wide CSV lists, from the outcomes' recorded data. */
export function keyValues(outcomes: Outcome[]): KeyValues {
  const d = (id: string) => outcomes.find((o) => o.indicator === id)?.data ?? {};
  const legal = d('E1-1');
  const promised = d('E1-2');
  const instant = d('A4-4').instant;
  return {
    legalDays: num(legal.days),
    legalUnit: str(legal.unit),
    promisedDays: num(promised.days),
    promisedUnit: promised.instant === true ? '即办' : str(promised.unit),
    cut: num(d('A4-1').cut),
    instant: typeof instant === 'boolean' ? instant : null,
    visits: num(d('E3-2').visits) ?? num(d('A4-3').visits),
    depth: num(d('B1').level),
  };
}

/** The implementing department as the guide states it (实施主体 and its synonyms). */
export function departmentOf(result: AuditResult, snapshot: GuideSnapshot | null | undefined): string | null {
  const stated = (result.item as { department?: string | null }).department;
  if (stated) return clip(stated, 200);
  const hit = snapshot ? firstValue(snapshot, 'department', (h) => !h.within) : undefined;
  return hit?.value.trim() ? clip(hit.value.trim(), 200) : null;
}

/** Content hash of what an audit concluded (not when): equal hashes are the same result. */
export async function resultHash(result: AuditResult): Promise<string> {
  const body = JSON.stringify([normaliseUrl(result.url), itemKey(result), result.isGuide, result.item.name, result.engine, result.outcomes]);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function statusesOf(outcomes: Outcome[]): Record<string, Status> {
  return Object.fromEntries(outcomes.map((o) => [o.indicator, o.status]));
}

export interface SaveOptions {
  source?: AuditRecord['source'];
  reauditOf?: string;
  now?: number;
  id?: string;
}

export type SaveResult = { saved: true; record: AuditRecord } | { saved: false; record: AuditRecord; reason: 'duplicate' | 'not-a-guide' };

/** Builds the two records of an audit (no I/O but the hash). */
export async function auditRecords(result: AuditResult, snapshot: GuideSnapshot | null | undefined, o: SaveOptions = {}): Promise<[AuditRecord, AuditDetail]> {
  const id = o.id ?? crypto.randomUUID();
  const record: AuditRecord = {
    id,
    url: result.url,
    normUrl: normaliseUrl(result.url),
    itemKey: itemKey(result),
    title: result.title,
    auditedAt: result.auditedAt,
    savedAt: o.now ?? Date.now(),
    item: { name: result.item.name, code: result.item.code, department: departmentOf(result, snapshot) },
    isGuide: result.isGuide,
    reason: result.reason,
    engine: result.engine,
    statuses: statusesOf(result.outcomes),
    values: keyValues(result.outcomes),
    hash: await resultHash(result),
    ...(o.reauditOf ? { reauditOf: o.reauditOf } : {}),
    ...(o.source ? { source: o.source } : {}),
  };
  return [record, { auditId: id, outcomes: result.outcomes, snapshot: snapshot ?? null }];
}

/**
 * Saves an audit of a guide in one transaction (both records or neither), unless the item's
 * latest audit already has the same result: a page that re-renders the same guide adds no copy.
 * Pages that are not guides are not kept. Throws StoreError (`quota`, `unavailable`, …).
 */
export async function saveAudit(db: StoreDb, result: AuditResult, snapshot?: GuideSnapshot | null, o: SaveOptions = {}): Promise<SaveResult> {
  const [record, detail] = await auditRecords(result, snapshot, o);
  if (!result.isGuide) return { saved: false, record, reason: 'not-a-guide' };
  let tx: { abort(): void } | undefined;
  try {
    // Only IndexedDB awaits inside: anything else would auto-commit the transaction.
    const t = db.transaction(['audits', 'auditDetails'], 'readwrite');
    tx = t;
    const audits = t.objectStore('audits');
    const latest = await audits.index('byItem').openCursor(itemRange(record.itemKey), 'prev');
    const done = t.done;
    done.catch(() => {}); // awaited below; a failed put must not leave it unobserved
    if (latest && latest.value.hash === record.hash) {
      await done;
      return { saved: false, record: latest.value, reason: 'duplicate' };
    }
    await audits.put(record);
    await t.objectStore('auditDetails').put(detail);
    await done;
    return { saved: true, record };
  } catch (e) {
    abort(tx);
    throw toStoreError(e);
  }
}

/** Nothing half-written: a failed write takes the whole transaction back. */
export function abort(tx: { abort(): void } | undefined): void {
  try {
    tx?.abort();
  } catch {
    /* already finished or aborted */
  }
}

/** The key range of one item's audits in the `byItem` index, oldest first. */
export function itemRange(key: string): IDBKeyRange {
  return IDBKeyRange.bound([key, -Infinity], [key, Infinity]);
}

/** Every audit (light records), oldest first. */
export async function listAudits(db: StoreDb): Promise<AuditRecord[]> {
  return db.getAllFromIndex('audits', 'byAuditedAt');
}

/** One item's audits, oldest first. */
export async function auditsOfItem(db: StoreDb, key: string): Promise<AuditRecord[]> {
  return db.getAllFromIndex('audits', 'byItem', itemRange(key));
}

export async function getAudit(db: StoreDb, id: string): Promise<(AuditRecord & { outcomes: Outcome[]; snapshot: GuideSnapshot | null }) | undefined> {
  const tx = db.transaction(['audits', 'auditDetails']);
  const [record, detail] = await Promise.all([tx.objectStore('audits').get(id), tx.objectStore('auditDetails').get(id)]);
  if (!record) return undefined;
  return { ...record, outcomes: detail?.outcomes ?? [], snapshot: detail?.snapshot ?? null };
}

/** Deletes audits with their details and screenshots, in one transaction. */
export async function deleteAudits(db: StoreDb, ids: string[]): Promise<number> {
  try {
    const tx = db.transaction(['audits', 'auditDetails', 'screenshots'], 'readwrite');
    const shots = tx.objectStore('screenshots');
    const ops: Promise<unknown>[] = [];
    for (const id of ids) {
      ops.push(tx.objectStore('audits').delete(id), tx.objectStore('auditDetails').delete(id));
      ops.push(shots.index('byAudit').getAllKeys(id).then((keys) => Promise.all(keys.map((k) => shots.delete(k)))));
    }
    await Promise.all([...ops, tx.done]);
    return ids.length;
  } catch (e) {
    throw toStoreError(e);
  }
}

/** Deletes an item: all its audits, their details and screenshots, and its verdicts. */
export async function deleteItem(db: StoreDb, key: string): Promise<number> {
  try {
    const tx = db.transaction(['audits', 'auditDetails', 'screenshots', 'verdicts'], 'readwrite');
    const ids = await tx.objectStore('audits').index('byItem').getAllKeys(itemRange(key));
    const shots = tx.objectStore('screenshots');
    const verdicts = tx.objectStore('verdicts');
    const ops: Promise<unknown>[] = [];
    for (const id of ids) {
      ops.push(tx.objectStore('audits').delete(id), tx.objectStore('auditDetails').delete(id));
      ops.push(shots.index('byAudit').getAllKeys(id).then((keys) => Promise.all(keys.map((k) => shots.delete(k)))));
    }
    ops.push(verdicts.index('byItem').getAllKeys(key).then((keys) => Promise.all(keys.map((k) => verdicts.delete(k)))));
    await Promise.all([...ops, tx.done]);
    return ids.length;
  } catch (e) {
    throw toStoreError(e);
  }
}

/** Deletes everything in every store (the dashboard asks first). */
export async function deleteEverything(db: StoreDb): Promise<void> {
  try {
    const names = [...db.objectStoreNames];
    const tx = db.transaction(names, 'readwrite');
    await Promise.all([...names.map((n) => tx.objectStore(n).clear()), tx.done]);
  } catch (e) {
    throw toStoreError(e);
  }
}
