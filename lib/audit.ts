import { z } from 'zod';
import { judgeGuide } from './judge';
import { Outcome, boundOutcome, clipText } from './outcome';
import { codeTokens } from './parse/code';
import { firstValue } from './parse/fields';
import { RULES } from './rules';
import { DEFAULT_CONTEXT, type RuleContext } from './rules/types';
import type { GuideSnapshot } from './snapshot';
import { clip } from './text';

const URL_MAX = 8192;

export const AuditResult = /* @__PURE__ */ (() => z.object({
  url: z.string().max(URL_MAX),
  title: z.string().max(2000),
  isGuide: z.boolean(),
  reason: z.string().max(2000),
  item: z.object({ name: z.string().max(2000).nullable(), code: z.string().max(200).nullable() }),
  outcomes: z.array(Outcome).max(50),
  auditedAt: z.number(),
  /** Engine and rule-set version: stored findings say which rules produced them. */
  engine: z.string().max(40),
  /** Some text or list was longer than the bounds and was cut (each such outcome says so in `data.clipped`). */
  clipped: z.boolean().optional(),
}))();
export type AuditResult = z.infer<typeof AuditResult>;

export const ENGINE_VERSION = '0.1.0';

/** snapshot → outcomes, one per indicator; no outcomes at all for a page that is not a guide. */
export function audit(s: GuideSnapshot, ctx: RuleContext = DEFAULT_CONTEXT, now = Date.now()): AuditResult {
  const verdict = judgeGuide(s);
  const codeHit = firstValue(s, 'taskCode');
  const tokens = codeHit ? codeTokens(codeHit.value) : [];
  const outcomes = verdict.isGuide ? RULES.map((r) => boundOutcome(safeEvaluate(r, s, ctx))) : [];
  const clipped = s.url.length > URL_MAX || outcomes.some((o) => o.data.clipped === true);
  return {
    url: clipText(s.url, URL_MAX),
    title: clip(s.title, 500),
    isGuide: verdict.isGuide,
    reason: clipText(verdict.reason, 2000),
    // A page that is not one item's guide names no item (a catalogue's first entry is not "the item").
    item: verdict.isGuide
      ? { name: s.heading ? clip(s.heading, 500) : null, code: clipText(tokens.find((t) => t.length === 31 || t.length === 33) ?? tokens[0] ?? '', 200) || null }
      : { name: null, code: null },
    outcomes,
    auditedAt: now,
    engine: ENGINE_VERSION,
    ...(clipped ? { clipped } : {}),
  };
}

/** A rule that throws on strange input reports `review`; it never takes the audit down. */
function safeEvaluate(rule: (typeof RULES)[number], s: GuideSnapshot, ctx: RuleContext): Outcome {
  try {
    return rule.evaluate(s, ctx);
  } catch (e) {
    return {
      indicator: rule.id, status: 'review', value: '', message: `自动检查出错，请人工核查（${String(e).slice(0, 120)}）`,
      hint: '', missing: [], found: [], data: {}, evidence: {},
    };
  }
}
