/**
 * What every part of the extractor hands on: a raw hit (a label found on the page, the nodes
 * that hold its value, and the value's text), and the few text helpers all parts share.
 * Parts read the page through the walk (./walk.ts) and return hits; ./guide.ts composes them.
 */
import { allLabels, fieldOf, withoutNote, type FieldKey } from '../labels';
import type { FieldHit } from '../snapshot';
import { labelKey } from '../text';
import type { Walked } from './walk';

export interface RawHit {
  key: FieldKey;
  label: string;
  labelNode: Element | Text;
  nodes: Node[];
  value: string;
  how: FieldHit['how'];
  /** The row it stands in, where a table lists several items each linking to its own guide (事项目录). */
  entry?: Element;
}

/** Collapse runs of spaces, keep line structure. */
export function tidy(s: string): string {
  return s
    .replace(/[ \t\f\v\u00A0\u3000\u200B]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}

export function nodeText(n: Node, w: Walked): string {
  if (n.nodeType === 3) return (n as Text).data;
  if (n.nodeType === 1) return w.textOf(n as Element);
  return '';
}

/** A label's field; a heading numbered in its own span reads "五特殊环节", so a bare leading numeral is tried off too. */
export const fieldOfText = (text: string): FieldKey | undefined => {
  // Portal pages repeat the same short texts (menus, labels, badges): each is looked up once per
  // set of labels (a user's extra labels make a new set).
  if (text.length > 200) return fieldOfTextUncached(text); // no long texts kept
  if (fieldCache.labels !== allLabels() || fieldCache.map.size > 50_000) fieldCache = { labels: allLabels(), map: new Map(), starts: labelStarts(allLabels()) };
  // Most short texts of a portal page (menus, news titles, link lists) begin with a character no
  // label begins with: a Chinese character or ASCII letter (which NFKC leaves as it is) that
  // starts no label is no label, without a lookup. Other first characters take the full way.
  const c = text.charCodeAt(0);
  if (((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x41 && c <= 0x7a)) && !fieldCache.starts.has(c)) return undefined;
  const known = fieldCache.map.get(text);
  if (known !== undefined) return known || undefined;
  const key = fieldOfTextUncached(text);
  fieldCache.map.set(text, key ?? '');
  return key;
};
let fieldCache: { labels: readonly string[]; map: Map<string, FieldKey | ''>; starts: Set<number> } = { labels: [], map: new Map(), starts: new Set() };
/** The first characters a label's text may have: a label's own, or a numbering labelKey takes off (一、, 第三章, 1.). */
const labelStarts = (labels: readonly string[]) => new Set([...labels.map((l) => l.charCodeAt(0)), ...[...'一二三四五六七八九十第'].map((ch) => ch.charCodeAt(0))]);
const fieldOfTextUncached = (text: string): FieldKey | undefined => {
  if (withoutNote(text).length > 24) return undefined;
  const key = labelKey(text);
  return fieldOf(key) ?? (/^[一二三四五六七八九十\d]{1,3}\S/.test(key) ? fieldOf(key.replace(/^[一二三四五六七八九十\d]{1,3}/, '')) : undefined);
};

/** A list entry without its number (`1.`, `1、`, `（一）`, `(1)、`, `一、`, `①`) or its required mark (`*`). */
export const stripNumbering = (s: string) =>
  s.replace(/^\s*[*＊※★]*\s*(?:\d{1,2}\s*[.、．)）]|\d{1,2}(?=[\u4e00-\u9fa5《“])|[(（]\s*[\d一二三四五六七八九十]{1,3}\s*[)）]\s*[、.．]?|[一二三四五六七八九十]+\s*、|[\u2460-\u2473])?\s*/, '').trim();

/** Items grouped by the container they stand in, found by walking up from each item once (not containers × items). */
export function groupWithin<T>(items: T[], nodeOf: (t: T) => Node, containers: Element[]): Map<Element, T[]> {
  const set = new Set<Node>(containers);
  const out = new Map<Element, T[]>(containers.map((c) => [c, []]));
  for (const item of items) {
    for (let n: Node | null = nodeOf(item).parentNode; n; n = n.parentNode) {
      if (set.has(n)) {
        out.get(n as Element)!.push(item);
        break;
      }
    }
  }
  return out;
}

/** The walk's label candidates inside each container. */
export const candidatesIn = (containers: Element[], w: Walked) => groupWithin(w.candidates, (c) => c.node, containers);
