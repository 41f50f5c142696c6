import { INDICATOR_IDS } from '../indicators';
import { effectiveStatus, type ItemHistory, type VerdictMap } from './history';

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

function statsOf(department: string, items: ItemHistory[], verdicts: VerdictMap): GroupStats {
  const passRate: Record<string, Rate> = {};
  for (const id of INDICATOR_IDS) {
    let n = 0;
    let of = 0;
    for (const h of items) {
      const st = effectiveStatus(h.latest, id, verdicts);
      if (!st || st === 'na') continue;
      of++;
      if (st === 'pass') n++;
    }
    passRate[id] = rate(n, of);
  }
  const cuts = items.map((h) => h.latest.values.cut).filter((c): c is number => c !== null);
  const instantKnown = items.filter((h) => h.latest.values.instant !== null);
  // 零跑动 follows A4-3 (with the reviewer's verdict): pass = 0 visits, fail = visits needed
  const visitsKnown = items.map((h) => effectiveStatus(h.latest, 'A4-3', verdicts)).filter((s) => s === 'pass' || s === 'fail');
  return {
    department,
    items: items.length,
    passRate,
    cut: { average: cuts.length ? cuts.reduce((a, b) => a + b, 0) / cuts.length : null, of: cuts.length },
    instant: rate(instantKnown.filter((h) => h.latest.values.instant).length, instantKnown.length),
    zeroVisits: rate(visitsKnown.filter((s) => s === 'pass').length, visitsKnown.length),
  };
}

/** Overall first, then each department by name. */
export function departmentStats(items: ItemHistory[], verdicts: VerdictMap): GroupStats[] {
  const byDept = new Map<string, ItemHistory[]>();
  for (const h of items) {
    const d = h.latest.item.department ?? NO_DEPARTMENT;
    (byDept.get(d) ?? byDept.set(d, []).get(d)!).push(h);
  }
  const depts = [...byDept.keys()].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  return [statsOf('全部 All', items, verdicts), ...depts.map((d) => statsOf(d, byDept.get(d)!, verdicts))];
}
