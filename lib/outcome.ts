import { z } from 'zod';

export const STATUSES = ['pass', 'partial', 'fail', 'review', 'na'] as const;
export const Status = z.enum(STATUSES);
export type Status = z.infer<typeof Status>;

/** What users read for each status (Chinese first). */
export const STATUS_TEXT: Record<Status, { zh: string; en: string; mark: string }> = {
  pass: { zh: '通过', en: 'pass', mark: '✔' },
  partial: { zh: '不完整', en: 'partial', mark: '◐' },
  fail: { zh: '缺失', en: 'fail', mark: '✘' },
  review: { zh: '待人工核查', en: 'review', mark: '?' },
  na: { zh: '不适用', en: 'n/a', mark: '–' },
};

/** Worst first: a wrong pass is the worst error, so "worst of" prefers anything but pass. */
const SEVERITY: Record<Status, number> = { fail: 4, partial: 3, review: 2, pass: 1, na: 0 };
export function worst(statuses: Status[]): Status {
  return statuses.reduce<Status>((a, b) => (SEVERITY[b] > SEVERITY[a] ? b : a), 'na');
}

export const Evidence = z.object({
  selector: z.string().max(2000).optional(),
  label: z.string().max(200).optional(),
});

// Bounds: results cross from a content script (the least trusted sender) into storage.
const text = (max: number) => z.string().max(max);
export const Outcome = z.object({
  indicator: text(8),
  status: Status,
  /** The raw value judged, trimmed, at most ~500 characters. */
  value: text(600),
  message: text(4000),
  hint: text(1000),
  missing: z.array(text(400)).max(500),
  found: z.array(text(400)).max(500),
  data: z.record(text(40), z.union([z.number(), text(400), z.boolean(), z.null()])),
  evidence: Evidence,
});
export type Outcome = z.infer<typeof Outcome>;
