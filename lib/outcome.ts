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
  selector: z.string().optional(),
  label: z.string().optional(),
});

export const Outcome = z.object({
  indicator: z.string(),
  status: Status,
  /** The raw value judged, trimmed, at most ~500 characters. */
  value: z.string(),
  message: z.string(),
  hint: z.string(),
  missing: z.array(z.string()),
  found: z.array(z.string()),
  data: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
  evidence: Evidence,
});
export type Outcome = z.infer<typeof Outcome>;
