import type { Outcome, Status } from './outcome';
import { VERDICT_REASONS, type VerdictRecord } from './store';

/**
 * Reviewer verdicts beside the automatic outcomes: which status counts, and whether the
 * machine changed its mind since the reviewer decided (a re-audit after the page changed).
 * The records themselves live in the findings store (lib/store, `verdicts`).
 */

export type VerdictReason = keyof typeof VERDICT_REASONS;
export const REASONS = Object.keys(VERDICT_REASONS) as VerdictReason[];

/** `machine-wrong` → the message key suffix `machine_wrong` (message names allow no dashes). */
export function reasonKey(reason: VerdictReason) {
  return reason.replace('-', '_') as 'machine_wrong' | 'elsewhere' | 'interpretation' | 'other';
}

export interface Reviewed {
  outcome: Outcome;
  verdict?: VerdictRecord;
  /** The status that counts: the reviewer's where there is a verdict, else the automatic one. */
  status: Status;
  /** The automatic status is no longer the one the reviewer saw when deciding. */
  autoChanged: boolean;
}

/** Pairs each outcome with its verdict (by indicator); verdicts for other indicators are ignored. */
export function review(outcomes: Outcome[], verdicts: VerdictRecord[]): Reviewed[] {
  const byIndicator = new Map(verdicts.map((v) => [v.indicator, v]));
  return outcomes.map((outcome) => {
    const verdict = byIndicator.get(outcome.indicator);
    return {
      outcome,
      verdict,
      status: verdict?.status ?? outcome.status,
      autoChanged: !!verdict && verdict.autoStatus !== outcome.status,
    };
  });
}

export interface VerdictInput {
  status: Status;
  reason: VerdictReason | '';
  note: string;
}

/** What is wrong with a verdict before it may be saved (message keys), empty when it is fine. */
export function verdictProblems(v: VerdictInput, reviewer: string): ('verdictNeedsReason' | 'verdictNeedsReviewer' | 'verdictNoteTooLong')[] {
  const out: ('verdictNeedsReason' | 'verdictNeedsReviewer' | 'verdictNoteTooLong')[] = [];
  if (!v.reason) out.push('verdictNeedsReason');
  if (!reviewer.trim()) out.push('verdictNeedsReviewer');
  if (v.note.length > 4000) out.push('verdictNoteTooLong');
  return out;
}

/** The record to store for a verdict given now on `outcome` of the item `itemKey`. */
export function verdictRecord(
  itemKey: string,
  outcome: Outcome,
  v: VerdictInput & { reason: VerdictReason },
  reviewer: string,
  auditId: string | undefined,
  now = Date.now(),
): VerdictRecord {
  return {
    itemKey,
    indicator: outcome.indicator,
    status: v.status,
    reason: v.reason,
    note: v.note.trim(),
    reviewer: reviewer.trim().slice(0, 200),
    at: now,
    autoStatus: outcome.status,
    ...(auditId ? { auditId } : {}),
  };
}
