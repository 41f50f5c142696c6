import type { Status } from '../outcome';
import type { AuditRecord, VerdictRecord } from './schema';

/**
 * History of an item: its audits linked by itemKey, and per indicator what changed against the
 * previous audit of the same item (新增 / 已整改 / 新问题 / 变化 / 未变). Pure: records in, rows out.
 */

export const CHANGES = ['new', 'fixed', 'regressed', 'changed', 'unchanged'] as const;
export type Change = (typeof CHANGES)[number];
export const CHANGE_TEXT: Record<Change, string> = {
  new: '新增 new',
  fixed: '已整改 fixed',
  regressed: '新问题 regressed',
  changed: '变化 changed',
  unchanged: '未变 unchanged',
};
/** Appended to a change measured between two rule-set versions. */
export const ACROSS_RULES_TEXT = (from: string, to: string) => `（跨规则版本 across rules ${from}→${to}）`;

const PROBLEM: Status[] = ['partial', 'fail'];

export function changeOf(prev: Status | undefined, cur: Status): Change {
  if (prev === undefined) return 'new';
  if (PROBLEM.includes(prev) && cur === 'pass') return 'fixed';
  if (prev === 'pass' && PROBLEM.includes(cur)) return 'regressed';
  return prev === cur ? 'unchanged' : 'changed';
}

export interface Comparison {
  changes: Record<string, Change>;
  /** The previous audit ran other rules: the change may come from the rules, not the page. */
  acrossRules: { from: string; to: string } | null;
}

export function compare(prev: AuditRecord | undefined, cur: AuditRecord): Comparison {
  const changes: Record<string, Change> = {};
  for (const [ind, st] of Object.entries(cur.statuses)) changes[ind] = changeOf(prev?.statuses[ind], st);
  return { changes, acrossRules: prev && prev.engine !== cur.engine ? { from: prev.engine, to: cur.engine } : null };
}

/** The text of one indicator's change for reports, marked when measured across rule sets. */
export function changeText(c: Comparison, indicator: string): string {
  const ch = c.changes[indicator];
  if (!ch) return '';
  return c.acrossRules ? `${CHANGE_TEXT[ch]}${ACROSS_RULES_TEXT(c.acrossRules.from, c.acrossRules.to)}` : CHANGE_TEXT[ch];
}

/** One item: its audits oldest first, the latest, and the latest's changes. */
export interface ItemHistory {
  key: string;
  audits: AuditRecord[];
  latest: AuditRecord;
  comparison: Comparison;
}

/** Groups audits by item (oldest first within an item); items in no particular order. */
export function histories(audits: AuditRecord[]): Map<string, ItemHistory> {
  const byItem = new Map<string, AuditRecord[]>();
  for (const a of audits) {
    const list = byItem.get(a.itemKey);
    if (list) list.push(a);
    else byItem.set(a.itemKey, [a]);
  }
  const out = new Map<string, ItemHistory>();
  for (const [key, list] of byItem) {
    list.sort((a, b) => a.auditedAt - b.auditedAt || a.savedAt - b.savedAt);
    const latest = list[list.length - 1]!;
    out.set(key, { key, audits: list, latest, comparison: compare(list[list.length - 2], latest) });
  }
  return out;
}

/** Every audit with its comparison against the audit of the same item before it. */
export function comparisons(h: ItemHistory): { audit: AuditRecord; comparison: Comparison }[] {
  return h.audits.map((a, i) => ({ audit: a, comparison: compare(h.audits[i - 1], a) }));
}

export type VerdictMap = Map<string, VerdictRecord>;
export const verdictKey = (itemKey: string, indicator: string) => `${itemKey}\u0000${indicator}`;
export function verdictMap(verdicts: VerdictRecord[]): VerdictMap {
  return new Map(verdicts.map((v) => [verdictKey(v.itemKey, v.indicator), v]));
}

/** The status that counts: the reviewer's verdict where there is one, else the automatic one. */
export function effectiveStatus(a: AuditRecord, indicator: string, verdicts: VerdictMap): Status | undefined {
  return verdicts.get(verdictKey(a.itemKey, indicator))?.status ?? a.statuses[indicator];
}
