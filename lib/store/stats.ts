import { INDICATOR_IDS } from '../indicators';
import type { ItemRow } from './query';

/**
 * Per department and overall: pass rate per indicator, the average 减时间 cut, the share of
 * 即办 items and of 零跑动 items, each against its target (rule book A4-1, A4-4, A4-3).
 */

export const TARGETS = { cut: 0.7, instant: 0.4, zeroVisits: 0.7 } as const;

export interface Rate {
  /** Items that met it. */
  n: number;
  /** Items it could be judged on. */
  of: number;
  /** n / of, or null when nothing could be judged. */
  rate: number | null;
}

export interface GroupStats {
  department: string;
  items: number;
  /** Indicator id → share of items passing, among items where it applies (not n/a). */
  passRate: Record<string, Rate>;
  /** Average A4-1 cut over items where it was computed. */
  cut: { average: number | null; of: number };
  instant: Rate;
  zeroVisits: Rate;
}

export const NO_DEPARTMENT = '（未注明部门）';

const rate = (n: number, of: number): Rate => ({ n, of, rate: of ? n / of : null });

/** Items as the dashboard lists them: the latest audit's key values and effective statuses. */
type Item = Pick<ItemRow, 'department' | 'statuses' | 'values'>;

function statsOf(department: string, items: Item[]): GroupStats {
  const passRate: Record<string, Rate> = {};
  for (const id of INDICATOR_IDS) {
    let n = 0;
    let of = 0;
    for (const h of items) {
      const st = h.statuses[id];
      if (!st || st === 'na') continue;
      of++;
      if (st === 'pass') n++;
    }
    passRate[id] = rate(n, of);
  }
  const cuts = items.map((h) => h.values.cut).filter((c): c is number => c !== null);
  const instantKnown = items.filter((h) => h.values.instant !== null);
  // 零跑动 follows A4-3 (with the reviewer's verdict): pass = 0 visits, fail = visits needed
  const visitsKnown = items.map((h) => h.statuses['A4-3']).filter((s) => s === 'pass' || s === 'fail');
  return {
    department,
    items: items.length,
    passRate,
    cut: { average: cuts.length ? cuts.reduce((a, b) => a + b, 0) / cuts.length : null, of: cuts.length },
    instant: rate(instantKnown.filter((h) => h.values.instant).length, instantKnown.length),
    zeroVisits: rate(visitsKnown.filter((s) => s === 'pass').length, visitsKnown.length),
  };
}

/** Overall first, then each department by name. */
export function departmentStats(items: Item[]): GroupStats[] {
  const byDept = new Map<string, Item[]>();
  for (const h of items) {
    const d = h.department ?? NO_DEPARTMENT;
    (byDept.get(d) ?? byDept.set(d, []).get(d)!).push(h);
  }
  const depts = [...byDept.keys()].sort(new Intl.Collator('zh-CN').compare);
  return [statsOf('全部 All', items), ...depts.map((d) => statsOf(d, byDept.get(d)!))];
}
