/**
 * Where a label stands, so the rules read only the item's own values: inside a process,
 * materials or special-procedure section or the page footer (`within`), inside a list of other
 * items (a 相关事项 sidebar, a catalogue of entries each linking to its own guide), or in a
 * container that holds more specific pairs of the same field. Also: a nav link to a section, its
 * heading and the section itself are one section.
 */
import { PER_ITEM_FIELDS, type FieldKey } from '../labels';
import type { FieldHit } from '../snapshot';
import type { RawHit } from './hit';
import type { ColumnTable } from './tables';
import type { Walked } from './walk';

/** An entry that links to a page of its own (its guide), not to a place on this one. */
export const linksElsewhere = (el: Element): boolean =>
  Array.from(el.querySelectorAll('a[href]')).some((a) => !/^\s*(#|javascript:)/i.test(a.getAttribute('href') ?? ''));

/**
 * Lists of other items — a 相关事项 sidebar, a catalogue — repeat item fields in sibling entries,
 * each linking to its own guide. Their labels are marked so the rules never read them as this
 * item's values. Returns the label nodes inside such entries and how many entries there are.
 */
export function listEntries(hits: RawHit[], w: Walked): { hits: Set<Node>; entries: number } {
  const byParent = new Map<Element, Map<Element, RawHit[]>>();
  for (const h of hits) {
    if (!PER_ITEM_FIELDS.includes(h.key)) continue;
    let child: Element | null = h.labelNode.nodeType === 1 ? (h.labelNode as Element) : h.labelNode.parentElement;
    for (let d = 0; d < 6 && child?.parentElement; d++, child = child.parentElement) {
      const parent = child.parentElement;
      const kids = byParent.get(parent) ?? byParent.set(parent, new Map()).get(parent)!;
      (kids.get(child) ?? kids.set(child, []).get(child)!).push(h);
    }
  }
  const marked = new Set<Node>();
  let entries = 0;
  for (const kids of byParent.values()) {
    if (kids.size < 2) continue;
    for (const key of PER_ITEM_FIELDS) {
      const withKey = [...kids].filter(([, hs]) => hs.some((h) => h.key === key));
      // Entries are alike and short, each with one value of the field and a link to its own guide
      // (the page's own column holding the item's fields is neither).
      const alike = withKey.every(([el]) => el.tagName === withKey[0]![0].tagName);
      const entryLike = withKey.every(([el, hs]) => new Set(hs.filter((h) => h.key === key).map((h) => h.value)).size === 1 && w.textOf(el).length <= 400);
      if (withKey.length < 2 || !alike || !entryLike || !withKey.every(([el]) => linksElsewhere(el))) continue;
      entries = Math.max(entries, withKey.length);
      for (const [, hs] of withKey) for (const h of hs) marked.add(h.labelNode);
    }
  }
  return { hits: marked, entries };
}

/**
 * Which section a label stands in: a process, materials or special-procedure section (its own
 * 办理时限 is a step's, not the item's) or the page footer (the portal's phone, not the
 * department's). Found by walking up from the label to the nearest marked container.
 */
export function sectionOf(w: Walked, hits: RawHit[], tables: ColumnTable[]): (n: Node) => FieldHit['within'] {
  const marks = new Map<Node, NonNullable<FieldHit['within']>>();
  for (const el of w.footers) marks.set(el, 'footer');
  const kinds: Partial<Record<FieldKey, NonNullable<FieldHit['within']>>> = { process: 'process', materials: 'materials', special: 'special', intermediary: 'special' };
  for (const h of hits) {
    const k = kinds[h.key];
    if (k) for (const n of h.nodes) if (n.nodeType === 1 && !marks.has(n)) marks.set(n, k);
  }
  for (const t of tables) {
    if (t.kind === 'step') marks.set(t.table, 'process');
    if (t.kind === 'special') marks.set(t.table, 'special');
    if (t.kind === 'material') marks.set(t.table, 'materials');
  }
  return (node) => {
    for (let n: Node | null = node; n; n = n.parentNode) {
      const m = marks.get(n);
      if (m) return m;
    }
    return undefined;
  };
}

/**
 * A tab pane or section that holds a field's own label-value pairs (a 办理地点 pane with
 * 具体地址 lines) is the container, not the value: keep the specific hits. Materials and
 * process keep their sections, which the item and step extractors read.
 */
export function mostSpecific(hits: RawHit[]): RawHit[] {
  // Each valued label marks its ancestors once (per field: the first hit, or "several"), so a hit
  // is checked against its own nodes, not against every other hit: linear in hits × depth.
  const SEVERAL = null;
  const above = new Map<string, Map<Node, RawHit | typeof SEVERAL>>();
  for (const b of hits) {
    if (!b.value || b.key === 'materials' || b.key === 'process') continue;
    const marks = above.get(b.key) ?? above.set(b.key, new Map()).get(b.key)!;
    for (let n = b.labelNode.parentNode; n; n = n.parentNode) {
      const m = marks.get(n);
      if (m === SEVERAL || m === b) break; // its ancestors are marked already
      marks.set(n, m === undefined ? b : SEVERAL);
    }
  }
  return hits.filter((a) => {
    if (a.key === 'materials' || a.key === 'process') return true;
    const marks = above.get(a.key);
    return !marks || !a.nodes.some((n) => {
      const m = marks.get(n);
      return m !== undefined && m !== a;
    });
  });
}

/** A nav link to a section, the section's heading and the section itself are one section, read once. */
export function distinctSections(hits: RawHit[]): RawHit[] {
  // Kept nodes, and every ancestor of one: a node overlaps a kept one when it is one, stands
  // inside one (an ancestor is kept) or holds one (it is an ancestor of one).
  const keptNodes = new Set<Node>();
  const holders = new Set<Node>();
  const overlaps = (b: Node) => {
    if (holders.has(b)) return true;
    for (let n: Node | null = b; n; n = n.parentNode) if (keptNodes.has(n)) return true;
    return false;
  };
  const kept: RawHit[] = [];
  for (const h of hits) {
    if (h.nodes.some(overlaps)) continue;
    kept.push(h);
    for (const a of h.nodes) {
      keptNodes.add(a);
      for (let n = a.parentNode; n && !holders.has(n); n = n.parentNode) holders.add(n);
    }
  }
  return kept;
}
