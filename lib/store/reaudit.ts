import { audit } from '../audit';
import { DEFAULT_CONTEXT, type RuleContext } from '../rules/types';
import { getAudit, listAudits, saveAudit } from './audits';
import type { StoreDb } from './db';
import { histories } from './history';

/**
 * "Re-audit stored pages": today's rules on each item's latest stored snapshot, without visiting
 * the page again. A result equal to the stored one adds nothing (as for a page that re-renders).
 */
export interface ReauditSummary {
  items: number;
  /** New audits saved (the rules now say something else). */
  changed: number;
  unchanged: number;
  /** Items whose latest audit has no snapshot (saved by an older version or imported without one). */
  noSnapshot: number;
}

export async function reauditStored(db: StoreDb, o: { itemKeys?: string[]; ctx?: RuleContext; now?: number; onProgress?: (done: number, total: number) => void } = {}): Promise<ReauditSummary> {
  const wanted = o.itemKeys ? new Set(o.itemKeys) : undefined;
  const items = [...histories(await listAudits(db)).values()].filter((h) => !wanted || wanted.has(h.key));
  const summary: ReauditSummary = { items: items.length, changed: 0, unchanged: 0, noSnapshot: 0 };
  for (const [i, h] of items.entries()) {
    // The newest audit that kept its snapshot
    let source;
    for (let j = h.audits.length - 1; j >= 0 && !source?.snapshot; j--) source = await getAudit(db, h.audits[j]!.id);
    if (!source?.snapshot) {
      summary.noSnapshot++;
      continue;
    }
    const result = audit(source.snapshot, o.ctx ?? DEFAULT_CONTEXT, o.now ?? Date.now());
    // The stored item is the item: keep its URL and code even if the snapshot's differ in form
    const saved = await saveAudit(db, { ...result, url: source.url }, source.snapshot, { source: 'reaudit', reauditOf: source.id, now: o.now });
    if (saved.saved) summary.changed++;
    else summary.unchanged++;
    o.onProgress?.(i + 1, items.length);
  }
  return summary;
}
