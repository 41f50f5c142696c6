import type { IndicatorId } from '../indicators';
import type { Outcome, Status } from '../outcome';
import type { FieldHit, GuideSnapshot } from '../snapshot';
import { clip } from '../text';

export interface RuleContext {
  /** A4-1 target share of time cut (rule book default 0.70; a setting). */
  cutTarget: number;
}
export const DEFAULT_CONTEXT: RuleContext = { cutTarget: 0.7 };

export interface Rule {
  id: IndicatorId;
  evaluate(s: GuideSnapshot, ctx: RuleContext): Outcome;
}

interface Parts {
  value?: string;
  message: string;
  hint?: string;
  missing?: string[];
  found?: string[];
  data?: Outcome['data'];
  hit?: FieldHit;
  selector?: string;
}

/** Build an outcome; every rule returns exactly one through this. */
export function outcome(id: IndicatorId, status: Status, p: Parts): Outcome {
  return {
    indicator: id,
    status,
    value: clip(p.value ?? p.hit?.value ?? ''),
    message: p.message,
    hint: status === 'pass' || status === 'na' ? '' : (p.hint ?? ''),
    missing: p.missing ?? [],
    found: p.found ?? [],
    data: p.data ?? {},
    evidence: {
      ...(p.selector ?? p.hit?.path ? { selector: p.selector ?? p.hit?.path } : {}),
      ...(p.hit ? { label: p.hit.label } : {}),
    },
  };
}
