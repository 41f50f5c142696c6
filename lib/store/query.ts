import { INDICATOR_IDS } from '../indicators';
import type { Status } from '../outcome';
import { effectiveStatus, type Change, type ItemHistory, type VerdictMap } from './history';

/** The dashboard's table: one row per audited item, filtered and sorted. Pure, for 10,000 items. */

export interface ItemRow {
  key: string;
  name: string;
  code: string | null;
  department: string | null;
  url: string;
  auditedAt: number;
  engine: string;
  audits: number;
  latestId: string;
  /** Effective status (verdict, else automatic) per indicator. */
  statuses: Record<string, Status>;
  changes: Record<string, Change>;
  acrossRules: boolean;
  reviewed: number;
  counts: Record<Status, number>;
}

export function itemRows(items: Iterable<ItemHistory>, verdicts: VerdictMap): ItemRow[] {
  const rows: ItemRow[] = [];
  for (const h of items) {
    const a = h.latest;
    const statuses: Record<string, Status> = {};
    const counts: Record<Status, number> = { pass: 0, partial: 0, fail: 0, review: 0, na: 0 };
    let reviewed = 0;
    for (const id of INDICATOR_IDS) {
      const st = effectiveStatus(a, id, verdicts);
      if (!st) continue;
      statuses[id] = st;
      counts[st]++;
      if (st !== a.statuses[id] || verdicts.has(`${a.itemKey}\u0000${id}`)) reviewed++;
    }
    rows.push({
      key: h.key, name: a.item.name ?? a.title, code: a.item.code, department: a.item.department, url: a.url, auditedAt: a.auditedAt,
      engine: a.engine, audits: h.audits.length, latestId: a.id, statuses, changes: h.comparison.changes,
      acrossRules: !!h.comparison.acrossRules, reviewed, counts,
    });
  }
  return rows;
}

export interface Filter {
  department?: string;
  indicator?: string;
  status?: Status;
  change?: Change;
  /** Inclusive, ms since epoch, on the latest audit's time. */
  from?: number;
  to?: number;
  text?: string;
}
export type SortKey = 'department' | 'name' | 'date' | 'problems' | 'status';
export interface Sort {
  key: SortKey;
  desc: boolean;
}

export function filterRows(rows: ItemRow[], f: Filter): ItemRow[] {
  const text = f.text?.trim().toLowerCase();
  const ids = f.indicator ? [f.indicator] : INDICATOR_IDS;
  return rows.filter((r) => {
    if (f.department !== undefined && (r.department ?? '') !== f.department) return false;
    if (f.from !== undefined && r.auditedAt < f.from) return false;
    if (f.to !== undefined && r.auditedAt > f.to) return false;
    if (f.status && !ids.some((id) => r.statuses[id] === f.status)) return false;
    if (f.change && !ids.some((id) => r.changes[id] === f.change)) return false;
    if (f.indicator && !r.statuses[f.indicator]) return false;
    if (text && !`${r.name}\n${r.code ?? ''}\n${r.url}\n${r.department ?? ''}`.toLowerCase().includes(text)) return false;
    return true;
  });
}

const RANK: Record<Status, number> = { fail: 0, partial: 1, review: 2, pass: 3, na: 4 };
const collator = new Intl.Collator('zh-CN');

export function sortRows(rows: ItemRow[], s: Sort, indicator?: string): ItemRow[] {
  const problems = (r: ItemRow) => r.counts.fail + r.counts.partial;
  const cmp: Record<SortKey, (a: ItemRow, b: ItemRow) => number> = {
    department: (a, b) => collator.compare(a.department ?? '', b.department ?? '') || collator.compare(a.name, b.name),
    name: (a, b) => collator.compare(a.name, b.name),
    date: (a, b) => a.auditedAt - b.auditedAt,
    problems: (a, b) => problems(a) - problems(b),
    status: (a, b) => (indicator ? RANK[a.statuses[indicator] ?? 'na'] - RANK[b.statuses[indicator] ?? 'na'] : problems(b) - problems(a)),
  };
  const by = cmp[s.key];
  return [...rows].sort((a, b) => (s.desc ? -by(a, b) : by(a, b)) || (a.key < b.key ? -1 : 1));
}

export function departments(rows: ItemRow[]): string[] {
  return [...new Set(rows.map((r) => r.department ?? ''))].sort(collator.compare);
}
