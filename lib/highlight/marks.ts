import type { AuditResult } from '../audit';
import { INDICATORS, PART_TEXT, type IndicatorId } from '../indicators';
import { STATUS_TEXT, type Outcome } from '../outcome';
import type { Mark } from './messages';

/**
 * Turns a stored audit result into what the page should outline: pure, so the choice of
 * element, label and style is tested without a browser.
 */

const name = (id: string) => INDICATORS[id as IndicatorId]?.zh ?? '';
const part = (m: string) => PART_TEXT[m] ?? m;

/** Outcomes where the page lacks a whole column or link kind: the table is where it was expected. */
const EXPECTED_IN_TABLE: Record<string, string> = {
  'E2-1': '此处缺少“来源渠道/出具单位”',
  'E2-2': '此处缺少“材料份数”',
  'E4-1': '此处缺少空白表格下载',
  'E4-2': '此处缺少示例样表下载',
};

function label(o: Outcome, extra = ''): string {
  const head = `${o.indicator} ${name(o.indicator)} · ${STATUS_TEXT[o.status].zh}`;
  const missing = o.missing.length ? `：缺少${o.missing.slice(0, 4).map(part).join('、')}${o.missing.length > 4 ? `等${o.missing.length}项` : ''}` : '';
  return `${head}${extra || missing}`.slice(0, 400);
}

/** The marks for one outcome: its element, and (when knowable) where a missing part was expected. */
export function marksOf(o: Outcome): Mark[] {
  const selector = o.evidence.selector;
  if (!selector) return [];
  const expected = EXPECTED_IN_TABLE[o.indicator];
  // These fail only when every material falls short (rule book E2 / E4): the table lacks the column.
  const wholeTable = expected && o.status === 'fail' && o.missing.length > 0;
  if (wholeTable) {
    return [{ indicator: o.indicator, status: o.status, selector, kind: 'expected', widen: 'table', label: label(o, `：${expected}`) }];
  }
  const kind = o.status === 'fail' && o.missing.length > 0 ? 'expected' : 'found';
  return [{ indicator: o.indicator, status: o.status, selector, kind, label: label(o) }];
}

export interface Plan {
  marks: Mark[];
  /** Outcomes that recorded no element: nothing on the page to outline. */
  without: string[];
}

/** One indicator chosen in the panel. */
export function planOne(result: AuditResult, indicator: string): Plan | null {
  const o = result.outcomes.find((x) => x.indicator === indicator);
  if (!o) return null;
  const marks = marksOf(o);
  return { marks, without: marks.length ? [] : [o.indicator] };
}

/** Every outcome at once (not-applicable ones are left out: nothing to look at). */
export function planAll(result: AuditResult): Plan {
  const marks: Mark[] = [];
  const without: string[] = [];
  for (const o of result.outcomes) {
    if (o.status === 'na') continue;
    const m = marksOf(o);
    if (m.length) marks.push(...m);
    else without.push(o.indicator);
  }
  return { marks, without };
}
