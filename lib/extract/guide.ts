import {
  BLANK_FORM_WORDS, COLUMN_LABELS, NOT_FORM_WORDS, PER_ITEM_FIELDS, ONLINE_ENTRY_WORDS, SAMPLE_FORM_WORDS, SPECIAL_PROCEDURE_WORDS, STEP_WORDS,
  allLabels, columnOf, fieldOf, type FieldKey,
} from '../labels';
import type { FieldHit, GuideSnapshot, Link, Material, SpecialProcedure, Step } from '../snapshot';
import { labelKey, labelSuffix } from '../text';
import { cssPath, walk, type Candidate, type Walked } from './walk';

/**
 * Page → snapshot. Fields are found by label (lib/labels.ts) in whatever structure the portal
 * uses: th/td rows, td.label + td, dt/dd, a label element followed by its value, inline
 * `标签：值` text, section headings followed by their content, and tabs that point at panes.
 * Materials, process steps and special procedures come from tables recognised by their column
 * headers, or from the cards, lists and numbered prose inside their sections.
 */
export function extractGuide(doc: Document, url: string = doc.location?.href ?? ''): GuideSnapshot {
  const root = doc.body ?? doc.documentElement;
  if (!root) return emptySnapshot(url, doc);
  const w = walk(root);
  const tables = classifyTables(w);
  const inColumnTable = (n: Node) => tables.some((t) => t.table.contains(n));
  const hits = [...findPairs(doc, w, inColumnTable), ...fieldTableHits(tables, w), ...attributeHits(w)];
  findInline(w, hits);
  settleAmbiguousTables(tables, hits, w);

  const materialHits = distinctSections(hits.filter((h) => h.key === 'materials'));
  const processHits = distinctSections(hits.filter((h) => h.key === 'process'));
  const sectionWithin = sectionOf(w, hits, tables);
  const listing = listEntries(hits.filter((h) => !sectionWithin(h.labelNode)), w);
  const within = (n: Node): FieldHit['within'] => sectionWithin(n) ?? (listing.hits.has(n) ? 'list' : undefined);
  const fields: Record<string, FieldHit[]> = {};
  const repeats: Record<string, number> = {};
  for (const h of mostSpecific(hits)) {
    const where = within(h.labelNode);
    if (h.value && !where && !(h.how === 'inline' && hits.some((o) => o !== h && o.key === h.key && o.how !== 'inline' && h.labelNode.contains(o.labelNode)))) {
      repeats[h.key] = (repeats[h.key] ?? 0) + 1;
    }
    const list = (fields[h.key] ??= []);
    if (!list.some((x) => x.value === h.value)) {
      list.push({ label: h.label, value: h.value, path: cssPath(h.labelNode), how: h.how, ...(where ? { within: where } : {}) });
    }
  }

  const materials = extractMaterials(w, tables, materialHits);
  const steps = extractSteps(w, tables, processHits);
  const specials = extractSpecials(w, tables);
  const processText = [
    ...processHits.map((h) => h.value),
    ...tables.filter((t) => t.kind === 'step').map((t) => w.textOf(t.table)),
  ].join('\n');

  const onlineLinks = w.anchors
    .filter((a) => {
      const t = tidy(w.textOf(a) || a.getAttribute('value') || a.getAttribute('title') || '');
      return t.length <= 12 && ONLINE_ENTRY_WORDS.test(t);
    })
    .map((a) => linkOf(a, w));
  const materialTable = tables.find((t) => t.kind === 'material');

  return {
    url,
    title: tidy(doc.title ?? ''),
    heading: findHeading(doc, w, fields),
    fields,
    repeats,
    listEntries: listing.entries,
    materials,
    materialsPath: materialHits[0] ? cssPath(materialHits[0].labelNode) : materialTable ? cssPath(materialTable.table) : undefined,
    steps,
    processText: tidy(processText),
    specials,
    onlineLinks,
    visited: w.visited,
  };
}

function emptySnapshot(url: string, doc: Document): GuideSnapshot {
  return { url, title: tidy(doc.title ?? ''), fields: {}, repeats: {}, listEntries: 0, materials: null, steps: [], processText: '', specials: [], onlineLinks: [], visited: 0 };
}

/**
 * Lists of other items — a 相关事项 sidebar, a catalogue — repeat item fields in sibling entries,
 * each linking to its own guide. Their labels are marked so the rules never read them as this
 * item's values. Returns the label nodes inside such entries and how many entries there are.
 */
function listEntries(hits: RawHit[], w: Walked): { hits: Set<Node>; entries: number } {
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
  const linksElsewhere = (el: Element) =>
    Array.from(el.querySelectorAll('a[href]')).some((a) => !/^\s*(#|javascript:)/i.test(a.getAttribute('href') ?? ''));
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
function sectionOf(w: Walked, hits: RawHit[], tables: ColumnTable[]): (n: Node) => FieldHit['within'] {
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
function mostSpecific(hits: RawHit[]): RawHit[] {
  return hits.filter(
    (a) =>
      a.key === 'materials' || a.key === 'process' ||
      !hits.some((b) => b !== a && b.key === a.key && b.value && a.nodes.some((n) => n !== b.labelNode && n.contains(b.labelNode))),
  );
}

/** `<p title="办理地点"><i class="icon-addr"></i>安达市…</p>`: the label is the attribute, the value the text. */
function attributeHits(w: Walked): RawHit[] {
  return w.labelled.flatMap(({ el, text }) => {
    const key = fieldOfText(text);
    return key ? [{ key, label: text, labelNode: el, nodes: [el], value: tidy(w.textOf(el)), how: 'pair' as const }] : [];
  });
}

/** A nav link to a section, the section's heading and the section itself are one section, read once. */
function distinctSections(hits: RawHit[]): RawHit[] {
  const kept: RawHit[] = [];
  for (const h of hits) {
    const overlaps = kept.some((k) => k.nodes.some((a) => h.nodes.some((b) => a === b || a.contains(b) || b.contains(a))));
    if (!overlaps) kept.push(h);
  }
  return kept;
}

interface RawHit {
  key: FieldKey;
  label: string;
  labelNode: Element | Text;
  nodes: Node[];
  value: string;
  how: FieldHit['how'];
}

/** Collapse runs of spaces, keep line structure. */
export function tidy(s: string): string {
  return s
    .replace(/[ \t\f\v\u00A0\u3000\u200B]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}

function nodeText(n: Node, w: Walked): string {
  if (n.nodeType === 3) return (n as Text).data;
  if (n.nodeType === 1) return w.textOf(n as Element);
  return '';
}

/** A label's field; a heading numbered in its own span reads "五特殊环节", so a bare leading numeral is tried off too. */
const fieldOfText = (text: string): FieldKey | undefined => {
  if (text.length > 24) return undefined;
  const key = labelKey(text);
  return fieldOf(key) ?? (/^[一二三四五六七八九十\d]{1,3}\S/.test(key) ? fieldOf(key.replace(/^[一二三四五六七八九十\d]{1,3}/, '')) : undefined);
};

// ---------------------------------------------------------------------------------------------
// Pairs: a label and the siblings that follow it

function findPairs(doc: Document, w: Walked, skip: (n: Node) => boolean): RawHit[] {
  const labelNodes = new Set<Node>();
  const keyed: { c: Candidate; key: FieldKey }[] = [];
  for (const c of w.candidates) {
    const key = fieldOfText(c.text);
    if (key) {
      labelNodes.add(c.node);
      keyed.push({ c, key });
    }
  }
  const hits: RawHit[] = [];
  // Candidates come children first. A label that has its own value slot claims its ancestors,
  // so a row or section whose whole text is that label is not read as a second, outer label.
  const claimed = new Set<Node>();
  const claim = (n: Node) => {
    for (let a = n.parentNode, d = 0; a && d < 4; a = a.parentNode, d++) claimed.add(a);
  };
  for (const { c, key } of keyed) {
    if (skip(c.node) || claimed.has(c.node)) continue;
    const target = tabTarget(doc, c.node) ?? tabPaneByIndex(c.node, labelNodes, w);
    if (target) {
      hits.push({ key, label: c.text, labelNode: c.node, nodes: [target], value: tidy(w.textOf(target)), how: 'tab' });
      claim(c.node);
      continue;
    }
    const after = valueAfter(c.node, labelNodes, w) ?? valueBefore(c.node, labelNodes, w);
    if (!after) continue;
    const { nodes, value } = after;
    // An empty value counts only where a value slot stands empty (th | empty td, dt | empty dd);
    // `<span>标签</span>：` or a help icon after the label is not a slot: the container is the label.
    if (!value && !nodes.some((n) => n.nodeType === 1 && /^(TD|TH|DD)$/i.test((n as Element).tagName))) continue;
    hits.push({ key, label: c.text, labelNode: c.node, nodes, value, how: 'pair' });
    claim(c.node);
  }
  return hits;
}

/**
 * The value of a label: the siblings after it up to the next label. In a row it is the one
 * cell after the label; in a list, header row or tab strip the label's peers are not values.
 */
function valueAfter(label: Element | Text, labelNodes: Set<Node>, w: Walked): { nodes: Node[]; value: string } | undefined {
  if (!label.nextSibling) return undefined; // a lone label: its container, if label-like itself, is a candidate too
  const tag = label.nodeType === 1 ? (label as Element).tagName.toUpperCase() : '';
  const isCell = tag === 'TD' || tag === 'TH';
  const peerTag = /^(LI|TH|DT|A|H[1-6])$/.test(tag) ? tag : '';
  const nodes: Node[] = [];
  let value = '';
  for (let sib: Node | null = label.nextSibling; sib; sib = sib.nextSibling) {
    if (labelNodes.has(sib)) break;
    if (sib.nodeType === 1) {
      const el = sib as Element;
      if (startsWithLabel(el, labelNodes)) break;
      if (peerTag && el.tagName.toUpperCase() === peerTag) break;
      if (isCell && nodes.some((n) => n.nodeType === 1)) break;
    }
    nodes.push(sib);
    value += (sib.nodeType === 1 && isBlockish(sib as Element) ? '\n' : '') + nodeText(sib, w);
  }
  return { nodes, value: tidy(value).replace(/^[:：]\s*/, '') };
}

/**
 * Summary tiles put the figure above its caption: `<div><b>3</b><span>承诺时限(工作日)</span></div>`.
 * A last-child label whose only sibling is a short value takes that value.
 */
function valueBefore(label: Element | Text, labelNodes: Set<Node>, w: Walked): { nodes: Node[]; value: string } | undefined {
  const parent = label.parentElement;
  const prev = label.nodeType === 1 ? (label as Element).previousElementSibling : null;
  if (!parent || !prev || labelNodes.has(prev) || parent.children.length !== 2) return undefined;
  const value = tidy(w.textOf(prev));
  if (!value || value.length > 20 || tidy(w.textOf(parent)) !== tidy(value + nodeText(label, w))) return undefined;
  return { nodes: [prev], value };
}

/** `<p><strong>办理时间：</strong>…</p>` after a label: the sibling opens with its own label. */
function startsWithLabel(el: Element, labelNodes: Set<Node>): boolean {
  let n: Node | null = el;
  for (let depth = 0; n && depth < 3; depth++) {
    if (labelNodes.has(n)) return true;
    n = n.nodeType === 1 ? firstMeaningfulChild(n as Element) : null;
  }
  return false;
}

function firstMeaningfulChild(el: Element): Node | null {
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1) return c;
    if (c.nodeType === 3 && (c as Text).data.trim()) return c;
  }
  return null;
}

function isBlockish(el: Element): boolean {
  return /^(DIV|P|UL|OL|LI|TABLE|DL|DD|DT|SECTION|H[1-6]|TR|FORM|ARTICLE)$/i.test(el.tagName);
}

/** Tabs name their pane: href="#pane", aria-controls, data-target, data-pane … (any attribute naming an id). */
function tabTarget(doc: Document, node: Element | Text): Element | null {
  if (node.nodeType !== 1) return null;
  const el = node as Element;
  const holders = [el, el.querySelector('a,[aria-controls],[data-target]'), el.closest('a,li,[role=tab]')];
  for (const h of holders) {
    if (!h) continue;
    for (const attr of Array.from(h.attributes)) {
      if (!(attr.name === 'href' || attr.name === 'aria-controls' || attr.name.startsWith('data-'))) continue;
      if (attr.name === 'href' && !attr.value.startsWith('#')) continue;
      const id = attr.value.trim().replace(/^#/, '');
      if (!id || !/^[\w-]+$/.test(id)) continue;
      const t = doc.getElementById(id);
      if (t && !t.contains(el)) return t;
    }
  }
  return null;
}

/**
 * Tabs that name no pane: a strip of short items (`<ul class="tabs"><li>申请材料</li>…`, or
 * `<div class="tabs-nav"><div>设定依据</div>…`) with one pane per tab after it — either the
 * strip's next siblings or the children of a following container — switched by index.
 */
function tabPaneByIndex(node: Element | Text, labelNodes: Set<Node>, w: Walked): Element | null {
  if (node.nodeType !== 1) return null;
  const el = node as Element;
  const item = el.closest('li,[role=tab]') ?? el;
  const list = item.parentElement;
  if (!list || /^(TD|TH|DT|DD|TR)$/i.test(item.tagName)) return null;
  // Only a real tab strip (list items, tab roles, tab/nav classes), not a row of label/value spans.
  const tabby = /^(LI|A)$/i.test(item.tagName) || item.getAttribute('role') === 'tab' || /tab|nav|menu/i.test(`${item.getAttribute('class') ?? ''} ${list.getAttribute('class') ?? ''} ${list.getAttribute('role') ?? ''}`);
  if (!tabby) return null;
  const tabs = Array.from(list.children);
  if (tabs.length < 2 || tabs.some((t) => tidy(w.textOf(t)).length > 24)) return null;
  if (tabs.filter((t) => labelNodes.has(t) || fieldOfText(tidy(w.textOf(t)))).length < 2) return null;
  const index = tabs.indexOf(item);
  const siblings: Element[] = [];
  for (let s = list.nextElementSibling; s; s = s.nextElementSibling) siblings.push(s);
  if (siblings.length === tabs.length) return siblings[index] ?? null;
  for (let anchor: Element | null = list, depth = 0; anchor && depth < 3; anchor = anchor.parentElement, depth++) {
    for (let panes = anchor.nextElementSibling; panes; panes = panes.nextElementSibling) {
      if (panes.children.length === tabs.length) return panes.children[index] ?? null;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Inline `标签：值` text

let inlineRe: { labels: readonly string[]; re: RegExp } | undefined;
function inlinePattern(): RegExp {
  const labels = allLabels();
  if (inlineRe?.labels !== labels) {
    const alt = labels.map((l) => l.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
    inlineRe = {
      labels,
      re: new RegExp(`(^|[\\s;；,，。、|｜>】\\]])((?:${alt})\\s*(?:[(（][^)）\\n]{0,10}[)）])?)\\s*[:：]`, 'g'),
    };
  }
  return inlineRe.re;
}

function findInline(w: Walked, hits: RawHit[]): void {
  const re = inlinePattern();
  for (const block of w.leafBlocks) {
    const text = w.textOf(block);
    if (!/[:：]/.test(text)) continue;
    for (const line of text.split('\n')) {
      const found: { key: FieldKey; label: string; start: number; end: number }[] = [];
      re.lastIndex = 0;
      for (let m = re.exec(line); m; m = re.exec(line)) {
        const label = m[2]!.trim();
        const key = fieldOf(labelKey(label));
        if (key) found.push({ key, label, start: m.index + m[1]!.length, end: m.index + m[0].length });
        re.lastIndex = m.index + m[0].length;
      }
      found.forEach((f, i) => {
        const value = tidy(line.slice(f.end, found[i + 1]?.start ?? line.length)).replace(/[;；,，、。\s]+$/, '');
        hits.push({ key: f.key, label: f.label, labelNode: block, nodes: [], value, how: 'inline' });
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Tables with column headers (materials, process steps, special procedures)

/** `fields`: a header row of field labels over rows of values (a window table: 办理地点 | 办理时间 | 联系电话). */
type TableKind = 'material' | 'step' | 'special' | 'fields';
interface ColumnTable {
  table: HTMLTableElement;
  kind: TableKind | undefined;
  candidates: TableKind[];
  header: Map<number, string>[]; // per candidate kind: column index → canonical column
  headerRow: number;
  rows: Element[][];
}

function tableRows(table: HTMLTableElement): Element[] {
  const rows: Element[] = [];
  for (const child of Array.from(table.children)) {
    const tag = child.tagName.toUpperCase();
    if (tag === 'TR') rows.push(child);
    else if (tag === 'THEAD' || tag === 'TBODY' || tag === 'TFOOT') {
      for (const tr of Array.from(child.children)) if (tr.tagName.toUpperCase() === 'TR') rows.push(tr);
    }
  }
  return rows;
}

/** Rows as a grid with rowspan/colspan expanded, so a spanning 环节 cell repeats down its rows. */
function grid(table: HTMLTableElement): Element[][] {
  const out: Element[][] = [];
  tableRows(table).forEach((tr, r) => {
    const row = (out[r] ??= []);
    let col = 0;
    for (const cell of Array.from(tr.children)) {
      if (!/^T[DH]$/i.test(cell.tagName)) continue;
      while (row[col]) col++;
      const rs = Math.min(Number(cell.getAttribute('rowspan')) || 1, 50);
      const cs = Math.min(Number(cell.getAttribute('colspan')) || 1, 20);
      for (let dr = 0; dr < rs; dr++) {
        const target = (out[r + dr] ??= []);
        for (let dc = 0; dc < cs; dc++) target[col + dc] = cell;
      }
      col += cs;
    }
  });
  return out;
}

function classifyTables(w: Walked): ColumnTable[] {
  const result: ColumnTable[] = [];
  for (const table of w.tables) {
    const rows = grid(table);
    for (let r = 0; r < Math.min(rows.length, 3); r++) {
      // A two-row header (材料要求 over 原件 | 复印件): the lower row, which the grid fills with the
      // upper row's rowspan cells, names every column.
      const spans = rows[r]!.some((c, i) => rows[r]![i + 1] === c);
      if (spans && rows[r + 1]?.every((c) => c.tagName.toUpperCase() === 'TH')) r++;
      const cells = rows[r]!;
      const maps = (['material', 'step', 'special'] as const).map((kind) => {
        const m = new Map<number, string>();
        cells.forEach((cell, i) => {
          if (i > 0 && cells[i - 1] === cell) return;
          // Repeated columns stay (来源渠道 and 来源渠道说明 are both the source).
          const col = columnOf(kind, labelKey(w.textOf(cell)), true);
          if (col) m.set(i, col as string);
        });
        return m;
      });
      const has = (m: Map<number, string>, ...cols: string[]) => cols.some((c) => [...m.values()].includes(c));
      // A header row is mostly column labels; a th/td key-value row maps half its cells at most.
      const distinct = cells.filter((c, i) => cells.indexOf(c) === i && tidy(w.textOf(c))).length;
      // Header cells (th, thead) need only two known columns; plain rows need most cells known.
      const thRow = cells.every((c) => c.tagName.toUpperCase() === 'TH') || cells[0]?.parentElement?.parentElement?.tagName.toUpperCase() === 'THEAD';
      const headerLike = (m: Map<number, string>) => m.size >= (thRow ? 2 : Math.max(2, Math.ceil(distinct * 0.6)));
      const candidates: TableKind[] = [];
      if (headerLike(maps[0]!) && has(maps[0]!, 'name')) candidates.push('material');
      if (headerLike(maps[1]!) && has(maps[1]!, 'phase', 'step') && has(maps[1]!, 'handler', 'limit', 'standard')) candidates.push('step');
      if (has(maps[2]!, 'name') && has(maps[2]!, 'limit') && (thRow || maps[2]!.size >= Math.ceil(distinct * 0.5))) candidates.push('special');
      if (!candidates.length && r + 1 < rows.length) {
        const fieldCols = new Map<number, string>();
        cells.forEach((cell, i) => {
          const key = fieldOfText(tidy(w.textOf(cell)));
          if (key && (i === 0 || cells[i - 1] !== cell)) fieldCols.set(i, key);
        });
        // th cells, or a row of td cells that are all field labels, over rows of values
        if (fieldCols.size >= 2 && (thRow || fieldCols.size === distinct)) {
          result.push({ table, kind: 'fields', candidates: ['fields'], header: [fieldCols], headerRow: r, rows });
          break;
        }
      }
      if (!candidates.length) continue;
      // A step table names its handler or standard; a bare 名称 + 时限 table is special procedures.
      let kind: TableKind | undefined = candidates[0];
      if (candidates.includes('step') && candidates.includes('special')) {
        const headerText = cells.map((c) => w.textOf(c)).join(' ');
        kind = has(maps[1]!, 'handler', 'standard') ? 'step' : /法定办结时限内|是否收费|中介|特殊|特别/.test(headerText) ? 'special' : undefined;
      }
      result.push({ table, kind, candidates, header: maps, headerRow: r, rows });
      break;
    }
  }
  return result;
}

/**
 * A 名称 + 时限 table is a process or a list of special procedures: the section it stands in
 * decides, else what its rows are called (专家评审, 现场勘查 … or 受理, 审查 …).
 */
function settleAmbiguousTables(tables: ColumnTable[], hits: RawHit[], w: Walked): void {
  for (const t of tables) {
    if (t.kind) continue;
    const section = hits.find((h) => h.nodes.some((n) => n.contains(t.table)));
    if (section?.key === 'special' || section?.key === 'intermediary') t.kind = 'special';
    else if (section?.key === 'process') t.kind = 'step';
    else {
      const names = t.rows.slice(t.headerRow + 1).map((row) => tidy(w.textOf(row[0]!)));
      const special = names.filter((n) => SPECIAL_PROCEDURE_WORDS.test(n)).length;
      const steps = names.filter((n) => STEP_WORDS.test(n)).length;
      t.kind = special > steps ? 'special' : 'step';
    }
  }
}

/** A name cell without its notes: `申请书<span class="note">适用简易程序的提交</span>` → 申请书. */
function textWithoutNotes(cell: Element, w: Walked): string {
  let text = w.textOf(cell);
  for (const note of Array.from(cell.querySelectorAll('small,[class*="note"],[class*="tip"],[class*="remark"],[class*="desc"],[class*="explain"],[class*="hint"]'))) {
    const t = w.textOf(note);
    if (t.trim() && t.length < text.length) text = text.replace(t, ' ');
  }
  return text;
}

function headerOf(t: ColumnTable): Map<number, string> {
  return t.kind === 'fields' ? t.header[0]! : t.header[['material', 'step', 'special'].indexOf(t.kind!)]!;
}

/** Hits from tables whose header row is field labels: each row's cell under a label is its value. */
function fieldTableHits(tables: ColumnTable[], w: Walked): RawHit[] {
  const hits: RawHit[] = [];
  for (const t of tables.filter((x) => x.kind === 'fields')) {
    const header = headerOf(t);
    const headRow = t.rows[t.headerRow]!;
    for (const { row } of dataRows(t, w)) {
      for (const [i, key] of header) {
        const cell = row[i];
        if (!cell) continue;
        hits.push({ key: key as FieldKey, label: tidy(w.textOf(headRow[i]!)), labelNode: headRow[i]!, nodes: [cell], value: tidy(w.textOf(cell)), how: 'pair' });
      }
    }
  }
  return hits;
}

/** Data rows: distinct rows after the header, skipping repeated header rows and empty rows. */
function dataRows(t: ColumnTable, w: Walked): { cells: Element[]; row: Element[]; col: (name: string) => string | undefined }[] {
  const header = headerOf(t);
  const out = [];
  for (let r = t.headerRow + 1; r < t.rows.length; r++) {
    const row = t.rows[r]!;
    const headRow = t.rows[t.headerRow]!;
    const col = (name: string): string | undefined => {
      const picked = [...header].filter(([, c]) => c === name);
      const cells = picked.map(([i]) => {
        const cell = row[i];
        const text = cell ? tidy(name === 'name' ? textWithoutNotes(cell, w) : w.textOf(cell)) : '';
        // 办理时限（工作日） over a bare 3: the unit stands in the header
        const unit = /^\d+(?:\.\d+)?$/.test(text) ? labelSuffix(w.textOf(headRow[i]!)) : undefined;
        return unit && /日|天|小时|月/.test(unit) ? `${text}${unit}` : text;
      });
      if (!cells.length) return undefined;
      if (name === 'source') return [...new Set(cells.filter(Boolean))].join('；');
      // 原件 | 复印件 columns: keep which is which ("原件1；复印件0")
      if (name === 'copies' && cells.length > 1) return cells.map((c, k) => `${tidy(w.textOf(headRow[picked[k]![0]]!))}${c}`).join('；');
      return cells[0];
    };
    if (!row.some((cell) => tidy(w.textOf(cell)))) continue;
    out.push({ cells: [...new Set(row)], row, col });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Materials

function linkOf(a: Element, w: Walked): Link {
  const href = a.getAttribute('href')?.trim() ?? '';
  const hrefUsable = !!href && !/^#?$/.test(href) && !/^javascript:\s*(void\s*\(\s*0?\s*\)\s*;?|;)?\s*$/i.test(href);
  const dataUsable = Array.from(a.attributes).some(
    (attr) => /^data-(attach|url|href|file|guid|path|download|src|link)/i.test(attr.name) && attr.value.trim().length > 0,
  );
  return {
    text: tidy(w.textOf(a) || a.getAttribute('title') || a.getAttribute('value') || ''),
    href: href || a.getAttribute('data-url') || '',
    usable: hrefUsable || dataUsable || a.hasAttribute('onclick') || a.hasAttribute('download'),
    path: cssPath(a),
  };
}

type FormKind = 'blank' | 'sample' | undefined;
function formKindOf(text: string, column?: string): FormKind {
  if (NOT_FORM_WORDS.test(text)) return undefined;
  if (SAMPLE_FORM_WORDS.test(text)) return 'sample';
  if (BLANK_FORM_WORDS.test(text)) return 'blank';
  if (column === 'blank' || column === 'sample') return column;
  if (/下载|\.(docx?|xlsx?|pdf|wps|et)$/i.test(text)) return 'blank';
  return undefined;
}

function addLinks(m: Material, anchors: Element[], w: Walked, columnOfAnchor: (a: Element) => string | undefined): void {
  for (const a of anchors) {
    const link = linkOf(a, w);
    const kind = formKindOf(`${link.text} ${a.getAttribute('title') ?? ''}`.trim(), columnOfAnchor(a));
    if (kind) m[kind].push(link);
  }
}

const stripNumbering = (s: string) =>
  s.replace(/^\s*(?:\d{1,2}\s*[.、．)）]|\d{1,2}(?=[\u4e00-\u9fa5《“])|[(（]\s*[\d一二三四五六七八九十]{1,3}\s*[)）]|[一二三四五六七八九十]+\s*、|[\u2460-\u2473])\s*/, '').trim();

function extractMaterials(w: Walked, tables: ColumnTable[], hits: RawHit[]): Material[] | null {
  const fromTables: Material[] = [];
  for (const t of tables.filter((x) => x.kind === 'material')) {
    const header = headerOf(t);
    const rows = dataRows(t, w);
    const anchorsIn = groupWithin(w.anchors, (a) => a, rows.flatMap((r) => r.cells));
    for (const { cells, row, col } of rows) {
      const name = stripNumbering(col('name') ?? '');
      if (!name || columnOf('material', labelKey(name)) === 'name') continue;
      const m: Material = {
        name,
        source: col('source'),
        copies: col('copies'),
        type: col('type'),
        text: tidy(cells.map((c) => w.textOf(c)).join(' ')),
        blank: [],
        sample: [],
        path: cssPath(cells[0]!.parentElement ?? cells[0]!),
      };
      const anchors = cells.flatMap((c) => anchorsIn.get(c) ?? []);
      addLinks(m, anchors, w, (a) => {
        const i = row.findIndex((c) => c.contains(a));
        return i >= 0 ? header.get(i) : undefined;
      });
      fromTables.push(m);
    }
  }
  // A materials table, even one still empty (filled later by XHR), is the list.
  if (fromTables.length || tables.some((t) => t.kind === 'material')) return fromTables;
  if (!hits.length) return null;

  const out: Material[] = [];
  for (const hit of hits) {
    const cards = itemsOf(hit, w, 'material');
    const els = cards.flatMap((c) => (c.el ? [c.el] : []));
    const inCards = candidatesIn(els, w);
    const anchorsIn = groupWithin(w.anchors, (a) => a, els);
    // Lines of one cell (`1、《申请表》… 【表格下载】<br>2、…`) take the links written on them, in order.
    const loose = w.anchors.filter((a) => hit.nodes.some((n) => n.contains(a)));
    let cursor = 0;
    for (const card of cards) {
      let anchors = card.el ? anchorsIn.get(card.el)! : [];
      if (!card.el) {
        anchors = [];
        while (cursor < loose.length && card.text.includes(tidy(w.textOf(loose[cursor]!)))) anchors.push(loose[cursor++]!);
      }
      const m = materialFromCard(card, w, card.el ? inCards.get(card.el)! : [], anchors);
      if (m) out.push(m);
    }
  }
  return out;
}

/** The repeated items inside a section: list items, same-class cards, or numbered lines. */
type Item = { el?: Element; text: string; path: string };
/** Items of one list share tag and classes, state classes aside (the active step, the current card). */
function signature(el: Element): string {
  const classes = (el.getAttribute('class') ?? '')
    .split(/\s+/)
    .filter((c) => c && !/--|^(?:active|on|current|cur|sel|selected|first|last|odd|even|open|show|in)$|^is-/.test(c))
    .sort();
  return `${el.tagName}.${classes.join(' ')}`;
}

const DETAIL_WORDS = {
  material: /来源|份|出具|提供|类型|下载|原件|复印件|自备|核发|表格/g,
  step: /办理人|承办|岗位|时限|工作日|标准|审核|审查|结果/g,
};
function itemsOf(hit: RawHit, w: Walked, kind: keyof typeof DETAIL_WORDS): Item[] {
  const containers = hit.nodes.filter((n): n is Element => n.nodeType === 1);
  let best: Element[] = [];
  let bestScore = [0, 0];
  // A card carries several details (来源, 份数, 下载 … / 办理人, 时限, 标准); a row inside one carries one.
  const richness = (group: Element[]) => group.filter((el) => (w.textOf(el).match(DETAIL_WORDS[kind]) ?? []).length >= 2).length;
  const consider = (group: Element[]) => {
    const score = [richness(group), group.length];
    if (score[0]! > bestScore[0]! || (score[0] === bestScore[0] && score[1]! > bestScore[1]!)) {
      best = group;
      bestScore = score;
    }
  };
  const scan = (el: Element, depth: number) => {
    if (depth > 6) return;
    const kids = Array.from(el.children).filter((k) => tidy(w.textOf(k)));
    const bySig = new Map<string, Element[]>();
    for (const k of kids) {
      const sig = signature(k);
      (bySig.get(sig) ?? bySig.set(sig, []).get(sig)!).push(k);
    }
    for (const [sig, group] of bySig) if (group.length >= 2 && !/^(BR|SPAN|A|STRONG|B|EM|I|LABEL|H\d|TD|TH)\./i.test(sig)) consider(group);
    for (const k of kids) scan(k, depth + 1);
  };
  for (const c of containers) scan(c, 0);
  // A container whose own children are the section's siblings (e.g. several <p> after a heading)
  if (containers.length >= 2) {
    const sigs = new Set(containers.map(signature));
    if (sigs.size === 1) consider(containers);
  }
  if (best.length >= 2) return best.map((el) => ({ el, text: tidy(w.textOf(el)), path: cssPath(el) }));
  const lines = tidy(hit.value).split('\n').filter((l) => /^\s*(?:\d{1,2}\s*[.、．)）]|[(（]\d{1,2}[)）]|[\u2460-\u2473])/.test(l));
  if (lines.length) return lines.map((text) => ({ text, path: cssPath(hit.labelNode) }));
  if (best.length === 1) return best.map((el) => ({ el, text: tidy(w.textOf(el)), path: cssPath(el) }));
  return [];
}

/** A material's name without the notes written after it: copies, source, 必要/容缺 tags. */
function materialName(raw: string): string {
  const trimEnd = (t: string) => t.replace(/[；;。，,:：\s]+$/, '');
  let name = trimEnd(raw);
  // bracketed notes about copies or the source, and download markers, wherever they stand
  name = name.replace(/[（(][^（）()]*(?:份|原件|复印件|自备|出具|提供|核发|来源|验原件)[^（）()]*[)）]?/g, '');
  name = name.replace(/[【\[][^】\]]*(?:下载|表格|样表|模板|示例)[^】\]]*[】\]]/g, '');
  // copies written after the name: 原件1份, 复印件2份, 1份, 若干
  name = trimEnd(name).replace(/[，,；;\s]*(?:(?:原件|复印件|正本|副本|纸质)\s*[:：]?\s*)?(?:[\d一二两三四五六七八九十]+\s*份|若干份?|按需).*$/, '');
  name = trimEnd(name).replace(/(?:必要|非必要|必需|非必需|容缺(?:后补)?|可选|选填|必填|必交|非必交)$/, '');
  name = name.split(/\s(?=(?:来源|份数|材料类型|出具|提供)\s*[:：])/)[0]!;
  // a bracket left open where a note was cut off: "工伤复发诊断证明（出具单位：…"
  name = name.replace(/[（(【[][^）)】\]]*$/, '');
  return trimEnd(name).slice(0, 80);
}

const INLINE_SOURCE = /(?:来源渠道|材料来源|来源|出具单位|出具机构|提供单位|出具部门)\s*[:：]\s*([^；;，,\n。]+)/;
const BRACKET_SOURCE = /[(（]([^()（）]*?(?:自备|出具|提供|核发|开具)[^()（）]*?)[)）]/;

/** Label → value pairs inside one card, by the column labels of a table kind; then `标签：值` runs in its text. */
function pairsIn(card: Element, kind: 'material' | 'step', w: Walked, inCard: Candidate[]): Record<string, string> {
  const cols: Record<string, string> = {};
  // Several source labels (来源渠道, 出具单位) all describe the source: keep them all.
  const put = (col: string, value: string) => {
    if (!value) return;
    if (!(col in cols)) cols[col] = value;
    else if (col === 'source' && !cols[col]!.includes(value)) cols[col] += `；${value}`;
  };
  const labels = inCard.filter((c) => c.node !== card && columnOf(kind, labelKey(c.text)));
  const labelNodes = new Set<Node>(labels.map((c) => c.node));
  for (const c of labels) put(String(columnOf(kind, labelKey(c.text))), valueAfter(c.node, labelNodes, w)?.value ?? '');
  for (const { col, value } of columnRuns(w.textOf(card), kind).runs) put(col, value);
  return cols;
}

const columnRes = new Map<string, RegExp>();
/**
 * `标签：值` runs of column labels in a text, wherever they stand on a line — minified pages and
 * SPAs run a card's spans together: "户籍证明来源渠道：政府部门核发份数：原件1份". `lead` is the
 * text before the first label (the material's name in such a card).
 */
function columnRuns(text: string, kind: 'material' | 'step'): { lead: string; runs: { col: string; value: string }[] } {
  let re = columnRes.get(kind);
  if (!re) {
    const labels = Object.values(COLUMN_LABELS[kind]).flat().filter((l) => l.length >= 2).sort((a, b) => b.length - a.length);
    re = new RegExp(`(${labels.join('|')})\\s*[:：]`, 'g');
    columnRes.set(kind, re);
  }
  const runs: { col: string; value: string }[] = [];
  let lead = '';
  text.split('\n').forEach((line, li) => {
    const found = [...line.matchAll(re!)];
    if (li === 0 || !lead) lead ||= tidy(found.length ? line.slice(0, found[0]!.index) : '');
    found.forEach((m, i) => {
      const col = columnOf(kind, m[1]!);
      const value = tidy(line.slice(m.index! + m[0].length, found[i + 1]?.index ?? line.length));
      if (col) runs.push({ col: String(col), value });
    });
  });
  return { lead, runs };
}

function materialFromCard(item: Item, w: Walked, inCard: Candidate[], anchors: Element[]): Material | undefined {
  const cols = item.el ? pairsIn(item.el, 'material', w, inCard) : Object.fromEntries(columnRuns(item.text, 'material').runs.map((r) => [r.col, r.value]));
  const text = item.text;
  // The first line that is not just a number badge (`<em>1</em>` on its own line)
  const firstLine = text.split('\n').find((l) => l.trim() && !/^\s*\d{1,3}\s*$/.test(l)) ?? '';
  const lead = columnRuns(firstLine, 'material').lead;
  const name = materialName(cols.name ?? stripNumbering(lead || firstLine));
  if (!name) return undefined;
  const m: Material = {
    name,
    source: cols.source ?? INLINE_SOURCE.exec(text)?.[1]?.trim() ?? BRACKET_SOURCE.exec(text)?.[1]?.trim(),
    copies: cols.copies,
    type: cols.type,
    text,
    blank: [],
    sample: [],
    path: item.path,
  };
  addLinks(m, anchors, w, () => undefined);
  return m;
}

/** Items grouped by the container they stand in, found by walking up from each item once (not containers × items). */
function groupWithin<T>(items: T[], nodeOf: (t: T) => Node, containers: Element[]): Map<Element, T[]> {
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

const candidatesIn = (containers: Element[], w: Walked) => groupWithin(w.candidates, (c) => c.node, containers);

// ---------------------------------------------------------------------------------------------
// Process steps

function extractSteps(w: Walked, tables: ColumnTable[], hits: RawHit[]): Step[] {
  const steps: Step[] = [];
  for (const t of tables.filter((x) => x.kind === 'step')) {
    for (const { cells, col } of dataRows(t, w)) {
      const name = stripNumbering(col('step') || col('phase') || '');
      if (!name) continue;
      steps.push({
        name,
        limit: col('limit'),
        handler: col('handler'),
        standard: col('standard'),
        text: tidy(cells.map((c) => w.textOf(c)).join(' ')),
        path: cssPath(cells[0]!.parentElement ?? cells[0]!),
        from: 'table',
      });
    }
  }
  if (steps.length) return steps;
  for (const hit of hits) {
    const lists = hit.nodes.flatMap((n) =>
      n.nodeType === 1 ? [n as Element, ...Array.from((n as Element).querySelectorAll('ol,ul'))] : [],
    ).filter((el) => /^(OL|UL)$/i.test(el.tagName));
    const list = lists.find((l) => l.children.length >= 2);
    const segments = numberedSegments(hit.value);
    // Step cards (each with its own 办理人 / 时限 / 标准 pairs) come before lists and numbering.
    const candidateCards = itemsOf(hit, w, 'step').filter((c) => c.el);
    const inCards = candidatesIn(candidateCards.map((c) => c.el!), w);
    const withCols = candidateCards.map((card) => ({ card, cols: pairsIn(card.el!, 'step', w, inCards.get(card.el!)!) }));
    const cards = withCols.filter((x) => Object.keys(x.cols).length >= 2);
    if (cards.length >= 2) {
      for (const { card, cols } of cards) {
        const first = card.text.split('\n').map((l) => stripNumbering(l.trim())).find((l) => l && !/^\d+$/.test(l)) ?? '';
        steps.push({
          name: stepName(cols.step ?? cols.phase ?? first),
          limit: cols.limit ?? '',
          handler: cols.handler ?? '',
          standard: cols.standard ?? '',
          text: card.text,
          path: card.path,
          from: 'table',
        });
      }
    } else if (!list && !segments.length && candidateCards.length >= 2) {
      // Step cards with no labels (van-steps: 受理 / 窗口人员 · 即办): the name first, parts read from the text.
      for (const card of candidateCards) {
        const first = card.text.split('\n').map((l) => stripNumbering(l.trim())).find((l) => l && !/^\d+$/.test(l)) ?? '';
        steps.push({ name: stepName(first), text: card.text, path: card.path, from: 'prose' });
      }
    } else if (list) {
      for (const li of Array.from(list.children)) {
        const text = tidy(w.textOf(li));
        if (text) steps.push({ name: stepName(stripNumbering(text)), text, path: cssPath(li), from: 'prose' });
      }
    } else {
      for (const seg of segments) steps.push({ name: stepName(seg), text: seg, path: cssPath(hit.labelNode), from: 'prose' });
    }
  }
  return steps;
}

function stepName(text: string): string {
  return (text.split(/[。.(（,，:：;；\s]/)[0] ?? '').slice(0, 16);
}

/** "1.申请… 2.受理(2个工作日)… 3.审查…" → one segment per top-level number, in order. */
export function numberedSegments(text: string): string[] {
  const re = /(^|[\n\s。；;])\s*(\d{1,2})\s*[.、．]\s*(?=[^\d\s])/g;
  const marks: { n: number; start: number; body: number }[] = [];
  let expect = 1;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const n = Number(m[2]);
    if (n === expect || (n === 1 && marks.length)) {
      marks.push({ n, start: m.index + m[1]!.length, body: m.index + m[0].length });
      expect = n + 1;
    }
  }
  if (marks.length < 2) return [];
  return marks.map((mk, i) => tidy(text.slice(mk.body, marks[i + 1]?.start ?? text.length)));
}

// ---------------------------------------------------------------------------------------------
// Special procedures (listed in a table; sections without one are read by the E1-6 rule)

function extractSpecials(w: Walked, tables: ColumnTable[]): SpecialProcedure[] {
  const out: SpecialProcedure[] = [];
  for (const t of tables.filter((x) => x.kind === 'special')) {
    for (const { cells, col } of dataRows(t, w)) {
      const name = tidy(col('name') ?? '');
      if (!name || /^(无|暂无|没有|不涉及)$/.test(name)) continue;
      out.push({ name, limit: col('limit'), text: tidy(cells.map((c) => w.textOf(c)).join(' ')), path: cssPath(cells[0]!.parentElement ?? cells[0]!) });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

function findHeading(doc: Document, w: Walked, fields: Record<string, FieldHit[]>): string | undefined {
  const named = fields.itemName?.find((h) => h.value && !h.within)?.value; // not a listed other item's name
  if (named) return named;
  // The titles list is in document order but gathered children first: the outermost comes last.
  const titled = w.titles.find((t) => !w.titles.some((o) => o !== t && o.contains(t))) ?? w.titles[0];
  const h1 = titled ?? w.headings.find((h) => h.tagName === 'H1' && tidy(w.textOf(h)).length >= 4);
  if (h1) return tidy(w.textOf(h1)).split('\n')[0];
  const fromTitle = tidy(doc.title ?? '').split(/\s*[-_|｜—]\s*/)[0];
  return fromTitle && fromTitle.length >= 4 ? fromTitle : undefined;
}
