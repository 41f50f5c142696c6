import { z } from 'zod';
import { ENGINE_VERSION } from '../audit';
import { Outcome } from '../outcome';
import { GuideSnapshot } from '../snapshot';
import { abort } from '../store/audits';
import { DB_VERSION, STORE_MESSAGES, StoreError, toStoreError, type StoreDb } from '../store/db';
import {
  AuditRecord, EventRecord, JourneyRecord, Rect, SettingRecord, VerdictRecord,
} from '../store/schema';
import { BlobWriter, pause } from './writer';

/**
 * Backup: everything in the store (or a selection of items) as one versioned JSON file, and its
 * import — validated as a whole with zod before anything is written, merged into what is there
 * (an audit already present is not doubled), in one transaction.
 */

export const BACKUP_FORMAT = 'guide-auditor-backup';
export const BACKUP_VERSION = 1;

const BackupAudit = AuditRecord.extend({ outcomes: z.array(Outcome).max(50), snapshot: GuideSnapshot.nullable() });
const BackupScreenshot = z.object({
  id: z.string().min(1).max(64),
  auditId: z.string().min(1).max(64),
  itemKey: z.string().max(8192).optional(),
  takenAt: z.number(),
  rects: z.array(Rect).max(500),
  type: z.string().max(100),
  /** The image, base64. */
  data: z.string(),
});

export const Backup = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.number(),
  engine: z.string().max(40),
  schema: z.number().int(),
  audits: z.array(BackupAudit),
  verdicts: z.array(VerdictRecord),
  journeys: z.array(JourneyRecord),
  events: z.array(EventRecord),
  screenshots: z.array(BackupScreenshot),
  settings: z.array(SettingRecord),
});
export type Backup = z.infer<typeof Backup>;

const SECTIONS = ['audits', 'verdicts', 'journeys', 'events', 'screenshots', 'settings'] as const;
type Section = (typeof SECTIONS)[number];

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** The backup file: written section by section into a Blob, never one giant string. */
export async function exportBackup(db: StoreDb, o: { itemKeys?: string[]; now?: number } = {}): Promise<Blob> {
  const wanted = o.itemKeys ? new Set(o.itemKeys) : undefined;
  const keep = (k: string | undefined) => !wanted || (k !== undefined && wanted.has(k));
  const audits = (await db.getAll('audits')).filter((a) => keep(a.itemKey));
  const auditIds = new Set(audits.map((a) => a.id));
  const journeys = (await db.getAll('journeys')).filter((j) => keep(j.itemKey));
  const journeyIds = new Set(journeys.map((j) => j.id));
  const w = new BlobWriter('application/json');
  const head = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: o.now ?? Date.now(), engine: ENGINE_VERSION, schema: DB_VERSION };
  w.write(JSON.stringify(head).slice(0, -1));
  const section = (name: Section, items: unknown[]) => {
    w.write(`,${JSON.stringify(name)}:[`);
    items.forEach((x, i) => w.write((i ? ',' : '') + JSON.stringify(x)));
    w.write(']');
  };
  w.write(`,"audits":[`);
  for (let i = 0; i < audits.length; i += 200) {
    const batch = audits.slice(i, i + 200);
    const tx = db.transaction('auditDetails');
    const details = await Promise.all(batch.map((a) => tx.store.get(a.id)));
    batch.forEach((a, j) => w.write((i + j ? ',' : '') + JSON.stringify({ ...a, outcomes: details[j]?.outcomes ?? [], snapshot: details[j]?.snapshot ?? null })));
    await pause();
  }
  w.write(']');
  section('verdicts', (await db.getAll('verdicts')).filter((v) => keep(v.itemKey)));
  section('journeys', journeys);
  section('events', (await db.getAll('events')).filter((e) => !wanted || journeyIds.has(e.journeyId)));
  const shots = (await db.getAll('screenshots')).filter((s) => !wanted || auditIds.has(s.auditId));
  const encoded = await Promise.all(
    shots.map(async ({ blob, ...s }) => ({ ...s, type: blob.type, data: toBase64(new Uint8Array(await blob.arrayBuffer())) })),
  );
  section('screenshots', encoded);
  section('settings', wanted ? [] : await db.getAll('settings'));
  w.write('}\n');
  return w.finish();
}

/** Parses and validates a backup file; a newer or malformed file is refused with a clear message. */
export function parseBackup(text: string): Backup {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new StoreError('invalid', `不是有效的 JSON 文件 / not a JSON file (${(e as Error).message.slice(0, 200)})。${STORE_MESSAGES.invalid}`);
  }
  const head = raw as { format?: unknown; version?: unknown } | null;
  if (!head || typeof head !== 'object' || head.format !== BACKUP_FORMAT) {
    throw new StoreError('invalid', `不是办事指南审核助手的备份文件 / not a Guide Auditor backup file。${STORE_MESSAGES.invalid}`);
  }
  if (typeof head.version === 'number' && head.version > BACKUP_VERSION) {
    throw new StoreError('newer', `备份文件版本 ${head.version} 比本扩展支持的版本 ${BACKUP_VERSION} 新：请先更新扩展。 The backup is version ${head.version}; this extension reads up to version ${BACKUP_VERSION}. Update the extension first. ${STORE_MESSAGES.newer}`);
  }
  const parsed = Backup.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new StoreError('invalid', `备份文件内容无效 / the backup is invalid (${issues})。${STORE_MESSAGES.invalid}`);
  }
  return parsed.data;
}

export type ImportSummary = Record<Section, { added: number; skipped: number }>;

/**
 * Restores a backup into the store, merged: an audit, journey, event, screenshot or setting that
 * is already there is kept as it is; a verdict is replaced only by a newer one. All or nothing.
 */
export async function importBackup(db: StoreDb, text: string): Promise<ImportSummary> {
  const b = parseBackup(text);
  const summary = Object.fromEntries(SECTIONS.map((s) => [s, { added: 0, skipped: 0 }])) as ImportSummary;
  const shots = b.screenshots.map(({ data, type, ...s }) => ({ ...s, blob: new Blob([fromBase64(data)], { type }) }));
  const names = ['audits', 'auditDetails', 'verdicts', 'journeys', 'events', 'screenshots', 'settings'] as const;
  let tx: { abort(): void } | undefined;
  try {
    // Only IndexedDB requests are awaited in here: one transaction, so all of it or none.
    const t = db.transaction([...names], 'readwrite');
    tx = t;
    const done = t.done;
    done.catch(() => {});
    const audits = t.objectStore('audits');
    for (const { outcomes, snapshot, ...a } of b.audits) {
      const same = (await audits.get(a.id)) ?? (await audits.index('byHash').getAll(a.hash)).find((x) => x.itemKey === a.itemKey && x.auditedAt === a.auditedAt);
      // The same audit: its id, or the same result of the same item at the same time.
      if (same) {
        summary.audits.skipped++;
        continue;
      }
      await audits.put(a);
      await t.objectStore('auditDetails').put({ auditId: a.id, outcomes, snapshot });
      summary.audits.added++;
    }
    for (const v of b.verdicts) {
      const have = await t.objectStore('verdicts').get([v.itemKey, v.indicator]);
      if (have && have.at >= v.at) summary.verdicts.skipped++;
      else {
        await t.objectStore('verdicts').put(v);
        summary.verdicts.added++;
      }
    }
    const putNew = async <N extends 'journeys' | 'events' | 'screenshots' | 'settings'>(name: N, records: unknown[], key: (r: never) => string) => {
      const store = t.objectStore(name);
      for (const r of records) {
        if (await store.getKey(key(r as never))) summary[name].skipped++;
        else {
          await store.put(r as never);
          summary[name].added++;
        }
      }
    };
    await putNew('journeys', b.journeys, (j: JourneyRecord) => j.id);
    await putNew('events', b.events, (e: EventRecord) => e.eventId);
    await putNew('screenshots', shots, (s: { id: string }) => s.id);
    await putNew('settings', b.settings, (s: SettingRecord) => s.key);
    await done;
    return summary;
  } catch (e) {
    abort(tx);
    throw toStoreError(e);
  }
}
