/**
 * Rule book "Is this a guide page?", on a snapshot. Its own module: the content script judges
 * each snapshot (a frame that is not a guide stays silent) without the indicator rules, which run
 * in the background (lib/audit.ts).
 */
import { PER_ITEM_FIELDS, onlyLabels, type FieldKey } from './labels';
import { hitsOf } from './parse/fields';
import type { GuideSnapshot } from './snapshot';

/** Labels that only a service item's guide carries (footers also have phones and addresses). */
const ITEM_KEYS: FieldKey[] = [
  'legalLimit', 'promisedLimit', 'anyLimit', 'visits', 'materials', 'process', 'basis', 'conditions',
  'itemType', 'taskCode', 'catalogCode', 'depth', 'projectType', 'special', 'intermediary', 'department',
];

export interface GuideVerdict {
  isGuide: boolean;
  reason: string;
  labels: string[];
}

/**
 * Rule book "Is this a guide page?": at least three different canonical labels with values,
 * two of them item-specific, and no sign of a catalogue of many items (item fields stated
 * again and again outside any process or materials section).
 */
export function judgeGuide(s: GuideSnapshot): GuideVerdict {
  // The portal's footer (its phone and address) says nothing about an item.
  // A 申请表格 row of downloads is no element of a guide by itself (a download centre has one).
  const keys = (Object.keys(s.fields) as FieldKey[]).filter((k) => k !== 'forms' &&
    hitsOf(s, k).some((h) => h.value.trim() && !onlyLabels(h.value)),
  );
  // A list of items (each linking to its guide) with no single item's materials or process of its own
  const body = !!s.materials?.length || s.steps.length > 0;
  if (s.listEntries >= 3 && !body) {
    return { isGuide: false, reason: `页面列出${s.listEntries}个事项：是事项列表，不是单个事项的办事指南`, labels: keys };
  }
  if (s.materials?.length && !keys.includes('materials')) keys.push('materials');
  const itemKeys = keys.filter((k) => ITEM_KEYS.includes(k));
  const repeated = repeatedReason(s);
  if (repeated) return { isGuide: false, reason: repeated, labels: keys };
  if (keys.length < 3 || itemKeys.length < 2) {
    return { isGuide: false, reason: `只识别到${keys.length}类办事指南要素，不是办事指南页面`, labels: keys };
  }
  return { isGuide: true, reason: `识别到${keys.length}类办事指南要素`, labels: keys };
}

/**
 * A catalogue of many items: an item field stated again and again outside any process or
 * materials section. It needs only the fields, so the extractor asks it before reading any
 * materials or process (lib/extract/guide.ts): such a page is no guide, whatever they hold,
 * unless it lists entries, where judgeGuide asks first whether the page has a body of its own.
 */
export function repeatedReason(s: Pick<GuideSnapshot, 'fields' | 'repeats'>): string | undefined {
  for (const k of PER_ITEM_FIELDS) {
    const n = s.repeats[k] ?? 0;
    const values = new Set(hitsOf(s, k).filter((h) => !h.within).map((h) => h.value.trim()).filter(Boolean));
    if (n >= 6 || (n >= 4 && values.size >= 2)) return `“${s.fields[k]![0]!.label}”出现${n}次：像是事项列表，不是单个事项的办事指南`;
  }
  return undefined;
}
