import type { AuditResult } from './audit';
import {
  auditsOfItem, itemKey, resultHash, screenshotsOfAudit, verdictsOfItem,
  type AuditRecord, type ScreenshotRecord, type StoreDb, type VerdictRecord,
} from './store';

/**
 * What the workbench keeps of one item in the findings store: its verdicts (by 实施编码, else
 * by normalised URL — the store's item key), its screenshots across its audits, and its
 * department as the latest stored audit names it. Reads and writes go through lib/store only.
 */

export interface ItemState {
  itemKey: string;
  /** The stored audit of this very result, else the item's latest; undefined before the first save. */
  audit?: AuditRecord;
  verdicts: VerdictRecord[];
  /** Newest first. */
  screenshots: ScreenshotRecord[];
}

export async function loadItem(db: StoreDb, result: AuditResult): Promise<ItemState> {
  const key = itemKey(result);
  const [audits, verdicts] = await Promise.all([auditsOfItem(db, key), verdictsOfItem(db, key)]);
  const shots = (await Promise.all(audits.map((a) => screenshotsOfAudit(db, a.id)))).flat();
  return {
    itemKey: key,
    audit: await auditOf(db, result, audits),
    verdicts,
    screenshots: shots.sort((a, b) => b.takenAt - a.takenAt),
  };
}

/** The audit a verdict or a screenshot belongs to: the one with this result's hash, else the latest. */
async function auditOf(db: StoreDb, result: AuditResult, audits: AuditRecord[]): Promise<AuditRecord | undefined> {
  const hash = await resultHash(result);
  return (await db.getFromIndex('audits', 'byHash', hash)) ?? audits.at(-1);
}
