import { INDICATOR_IDS } from '../indicators';
import type { Status } from '../outcome';
import type { ItemRow } from './query';

/**
 * Per department and overall: pass rate per indicator, the average 减时间 cut, the share of
 * 即办 items and of 零跑动 items, each against its target (rule book A4-1, A4-4, A4-3), and the
 * journeys' (A3-2) average clicks and pages to the submission page and the share within budget.
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
  journeys: JourneyStats;
}

/** An item's journey as the figures use it: the derived counts and its A3-2 status. */
export interface JourneyFigures {
  clicks: number;
  pages: number;
  reached: boolean;
  a32: Status;
}

export interface JourneyStats {
  /** Average clicks / pages over items whose journey reached the submission page. */
  clicks: number | null;
  pages: number | null;
  reached: number;
  /** A3-2 pass among items whose journey was decided (reached, or a dead end). */
  withinBudget: Rate;
}

export const NO_DEPARTMENT = '（未注明部门）';
/** The name of the overall group, the first of `departmentStats`. */
export const ALL_DEPARTMENTS = '全部 All';

const rate = (n: number, of: number): Rate => ({ n, of, rate: of ? n / of : null });

/** Items as the dashboard lists them: the latest audit's key values and effective statuses. */
type Item = Pick<ItemRow, 'department' | 'statuses' | 'values'> & { journey?: JourneyFigures };

const average = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

function journeyStats(items: Item[]): JourneyStats {
  const reached = items.flatMap((h) => (h.journey?.reached ? [h.journey] : []));
  const decided = items.flatMap((h) => (h.journey && ['pass', 'partial', 'fail'].includes(h.journey.a32) ? [h.journey.a32] : []));
  return {
    clicks: average(reached.map((j) => j.clicks)),
    pages: average(reached.map((j) => j.pages)),
    reached: reached.length,
    withinBudget: rate(decided.filter((s) => s === 'pass').length, decided.length),
  };
}

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
    cut: { average: average(cuts), of: cuts.length },
    instant: rate(instantKnown.filter((h) => h.values.instant).length, instantKnown.length),
    zeroVisits: rate(visitsKnown.filter((s) => s === 'pass').length, visitsKnown.length),
    journeys: journeyStats(items),
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
  return [statsOf(ALL_DEPARTMENTS, items), ...depts.map((d) => statsOf(d, byDept.get(d)!))];
}
