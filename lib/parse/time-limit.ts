import type { FieldHit, GuideSnapshot } from '../snapshot';
import { arabicNumerals, labelSuffix, normalize } from '../text';
import { firstValue } from './fields';

/** A time limit as written: number, unit, or 即办. Used by E1-1, E1-2, A4-1 and A4-4. */
export interface ParsedLimit {
  days?: number;
  unit?: string;
  instant: boolean;
  /** The unit says 工作日 or 自然日 (in the value or in the label). */
  statedUnit: boolean;
  /** The value says in words that there is no such limit (无, 无法定时限, 法律法规未作规定): none is given. */
  none?: boolean;
}

const NONE = /^(?:无|暂无|没有|不适用|未规定|无规定|法律法规(?:未|没有)作?出?规定|无法定(?:办结|办理)?(?:时限|期限)|无承诺(?:办结|办理)?(?:时限|期限))[\s。.;；]*$/;

// 即办 and its synonyms, but not 非即办 / 不能当场办结, and not a bare 当场 (当场受理, 当场提交原件).
const INSTANT = /(?<![非不未无法能])(?:即办|当场办结|当场办理|即时办结|即时办理|立即办理|当场作出|即来即办)/;
const LIMIT = /(\d+(?:\.\d+)?)\s*(?:个)?\s*[([【]?\s*(工作日|自然日|日|天|个月|月|年|小时|周|星期)/;

export function parseLimit(value: string, label = ''): ParsedLimit {
  const v = arabicNumerals(normalize(value));
  // 法定办结时限(工作日), or a note under the label: 单位：工作日
  const suffix = labelSuffix(label) ?? /单位\s*[:：]\s*(\S+)\s*$/.exec(normalize(label))?.[1];
  const m = LIMIT.exec(v);
  // "当场受理，20个工作日内办结" states a limit: a positive number wins over an 即办 word.
  const instant = INSTANT.test(v) && !(m && Number(m[1]) > 0);
  if (m) {
    const unit = m[2]!;
    return { days: Number(m[1]), unit, instant, statedUnit: unit === '工作日' || unit === '自然日' };
  }
  const bare = /^\s*(\d+(?:\.\d+)?)\s*$/.exec(v);
  if (bare) {
    const unit = suffix && /工作日|自然日|日|天/.exec(suffix)?.[0];
    return { days: Number(bare[1]), unit: unit || undefined, instant, statedUnit: unit === '工作日' || unit === '自然日' };
  }
  const none = !instant && NONE.test(v.trim());
  return { instant, statedUnit: /工作日|自然日/.test(v) || /工作日|自然日/.test(suffix ?? ''), ...(none ? { none } : {}) };
}

export interface LimitFinding {
  hit?: FieldHit;
  parsed?: ParsedLimit;
  /** Taken from a bare 办理时限 because the specific label is absent. */
  ambiguous: boolean;
}

/**
 * The legal or promised limit of the item, falling back to a bare 办理时限 (rule book E1-1) —
 * but never to a process step's or a special procedure's own 办理时限.
 */
export function findLimit(s: GuideSnapshot, kind: 'legal' | 'promised'): LimitFinding {
  const own = firstValue(s, kind === 'legal' ? 'legalLimit' : 'promisedLimit');
  if (own) return { hit: own, parsed: parseLimit(own.value, own.label), ambiguous: false };
  const any = firstValue(s, 'anyLimit', (h) => !h.within);
  if (any) return { hit: any, parsed: parseLimit(any.value, any.label), ambiguous: true };
  return { ambiguous: false };
}

/** Days for A4-1: 即办 counts as 0 promised days. */
export function daysOf(p: ParsedLimit | undefined, kind: 'legal' | 'promised'): { days: number; unit: string } | undefined {
  if (!p) return undefined;
  if (kind === 'promised' && p.instant && !(p.days && p.days > 0)) return { days: 0, unit: '即办' };
  if (p.days === undefined || !p.unit) return undefined;
  return { days: p.days, unit: p.unit };
}

/**
 * A process step's or special procedure's time limit: a number with a unit (brackets allowed,
 * 3（工作日）) or an on-the-spot word. Shared by E3-1 and E1-6.
 */
export const STEP_LIMIT = /\d+(?:\.\d+)?\s*个?\s*[(（【]?\s*(?:工作日|自然日|日|天|小时|分钟|个月|月)|当场|即时|即办|立即|当日|当天|随到随办/;

export function statesTimeLimit(text: string | undefined): boolean {
  return !!text && STEP_LIMIT.test(arabicNumerals(normalize(text)));
}
