import { z } from 'zod';

export const STATUSES = ['pass', 'partial', 'fail', 'review', 'na'] as const;
// Schemas are built in pure-annotated closures, here and in lib/audit.ts, lib/snapshot.ts and
// lib/settings.ts: the content script uses only their types, and the bundler then drops them and
// zod with them (issue 7: a small content script). The background and extension pages parse with them.
export const Status = /* @__PURE__ */ (() => z.enum(STATUSES))();
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

/**
 * Bounds: results cross from a content script (the least trusted sender) into storage, so the
 * schemas bound every list and text; the engine clips its own output to the same bounds
 * (`boundOutcome`) and says so, so a very large guide is still reported, never rejected whole.
 */
export const BOUNDS = { value: 600, message: 4000, hint: 1000, items: 500, item: 400, dataKey: 40, dataText: 400, selector: 2000, label: 200 } as const;

export const Evidence = /* @__PURE__ */ (() => z.object({
  selector: z.string().max(BOUNDS.selector).optional(),
  label: z.string().max(BOUNDS.label).optional(),
}))();

const text = (max: number) => z.string().max(max);
export const Outcome = /* @__PURE__ */ (() => z.object({
  indicator: text(8),
  status: Status,
  /** The raw value judged, trimmed, at most ~500 characters. */
  value: text(BOUNDS.value),
  message: text(BOUNDS.message),
  hint: text(BOUNDS.hint),
  missing: z.array(text(BOUNDS.item)).max(BOUNDS.items),
  found: z.array(text(BOUNDS.item)).max(BOUNDS.items),
  data: z.record(text(BOUNDS.dataKey), z.union([z.number(), text(BOUNDS.dataText), z.boolean(), z.null()])),
  evidence: Evidence,
}))();
export type Outcome = z.infer<typeof Outcome>;

/** A text cut to `max` characters, ending in … when cut. */
export function clipText(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/**
 * The outcome within the schema's bounds. What was cut is said: `data.clipped` is true, and the
 * message names how many list entries were left out.
 */
export function boundOutcome(o: Outcome): Outcome {
  let clipped = false;
  const t = (s: string, max: number) => {
    if (s.length <= max) return s;
    clipped = true;
    return clipText(s, max);
  };
  let dropped = 0;
  const list = (items: string[]) => {
    if (items.length > BOUNDS.items) {
      clipped = true;
      dropped += items.length - BOUNDS.items;
    }
    return items.slice(0, BOUNDS.items).map((i) => t(i, BOUNDS.item));
  };
  const missing = list(o.missing);
  const found = list(o.found);
  const data: Outcome['data'] = {};
  for (const [k, v] of Object.entries(o.data).slice(0, 200)) data[t(k, BOUNDS.dataKey)] = typeof v === 'string' ? t(v, BOUNDS.dataText) : v;
  const evidence = {
    ...(o.evidence.selector !== undefined ? { selector: t(o.evidence.selector, BOUNDS.selector) } : {}),
    ...(o.evidence.label !== undefined ? { label: t(o.evidence.label, BOUNDS.label) } : {}),
  };
  const value = t(o.value, BOUNDS.value);
  const hint = t(o.hint, BOUNDS.hint);
  const note = dropped ? `（列表过长，另有${dropped}项未列出 / ${dropped} more not listed）` : '';
  let message = t(o.message, BOUNDS.message - note.length) + note;
  if (!clipped) return o;
  data.clipped = true;
  if (!note && message.length < BOUNDS.message - 12) message += '（内容过长，已截断 / clipped）';
  return { ...o, value, message, hint, missing, found, data, evidence };
}
