/**
 * The materials list (申请材料): rows of a materials table (./tables.ts) read by column, or else
 * the cards, list items or numbered lines of a 申请材料 section (./cards.ts). For each material:
 * its name without the notes written after it (copies, source, 必要/容缺 tags, download markers),
 * its source (a column, `来源：…`, or a bracketed `（申请人自备）`), copies, type, and the blank and
 * sample form links it carries (./links.ts).
 */
import { columnOf } from '../labels';
import { isForm } from '../rules/_materials';
import type { Material } from '../snapshot';
import { labelKey } from '../text';
import { columnRuns, itemsOf, pairsIn, type Item } from './cards';
import { candidatesIn, groupWithin, stripNumbering, tidy, type RawHit } from './hit';
import { addLinks } from './links';
import { dataRows, headerOf, type ColumnTable } from './tables';
import { cssPath, type Candidate, type Walked } from './walk';

export function extractMaterials(w: Walked, tables: ColumnTable[], hits: RawHit[]): Material[] | null {
  const fromTables: Material[] = [];
  const materialTables = tables.filter((x) => x.kind === 'material').map((t) => ({ t, rows: dataRows(t, w) }));
  const anchorsIn = anchorsInCells(w, materialTables.map((m) => ({ table: m.t.table, cells: m.rows.flatMap((r) => r.cells) })));
  for (const { t, rows } of materialTables) {
    const header = headerOf(t);
    for (const { cells, row, col, group, detail } of rows) {
      const name = stripNumbering(col('name') ?? '');
      if (!name || columnOf('material', labelKey(name)) === 'name') continue;
      const text = tidy([...cells, ...(detail ? [detail] : [])].map((c) => w.textOf(c)).join(' '));
      const more: Record<string, string> = detail ? pairsIn(detail, 'material', w, candidatesIn([detail], w).get(detail)!) : {};
      // No source or copies column: an expanded detail row or the note under the name says them
      // (来源渠道：申请人自备 / （说明：申请人自备，复印件3份）).
      const m: Material = {
        name,
        source: col('source') ?? more.source ?? sourceIn(text),
        copies: col('copies') ?? more.copies ?? copiesIn(text),
        type: col('type') ?? group, // 申请表格类 over its rows: their type
        text,
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

/**
 * The anchors in each cell of each materials table: per table, an anchor belongs to its nearest
 * cell of that table (as groupWithin per table). The walk lists anchors in its numbering, so a
 * table's anchors are one run of that list, found by binary search: each anchor is looked at
 * once per table it is in, and the page's other anchors (menus, footers) not at all.
 */
function anchorsInCells(w: Walked, tables: { table: Element; cells: Element[] }[]): Map<Element, Element[]> {
  const out = new Map<Element, Element[]>();
  const numbers = w.anchors.map((a) => w.numberOf(a));
  for (const { table, cells } of tables) {
    const own = new Set<Node>(cells);
    for (const c of cells) if (!out.has(c)) out.set(c, []);
    const range = w.subtreeOf(table);
    if (!range) continue;
    for (let i = lowerBound(numbers, range[0]); i < numbers.length && numbers[i]! <= range[1]; i++) {
      const a = w.anchors[i]!;
      for (let n: Node | null = a.parentNode; n && n !== table; n = n.parentNode) {
        if (own.has(n)) {
          out.get(n as Element)!.push(a);
          break;
        }
      }
    }
  }
  return out;
}

/** The first index whose number is ≥ `n` in an ascending list. */
function lowerBound(xs: number[], n: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < n) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
const COPIES = /(?:(?:原件|复印件|正本|副本|纸质)\s*[:：]?\s*)?(?:[\d一二两三四五六七八九十]+\s*(?:[份张套册]|本(?![人单级市区县省部局院所厅委处站]))|若干份?)/;

/** A source written in a material's text: `来源：…`, or the clause of a bracketed note that names one. */
function sourceIn(text: string): string | undefined {
  const inline = INLINE_SOURCE.exec(text)?.[1]?.trim();
  if (inline) return inline;
  const clauses = BRACKET_SOURCE.exec(text)?.[1]?.split(/[，,；;]/).map((c) => c.replace(/^(?:说明|备注|注)\s*[:：]\s*/, '').trim()) ?? [];
  // The body that issues it (由…出具) says more than who hands it in (…提供).
  for (const word of [/出具|核发|开具/, /自备/, /提供/]) {
    const clause = clauses.find((c) => word.test(c));
    if (clause) return clause;
  }
  return undefined;
}

/** Copies written in a material's text: 原件1份, 复印件3份, 若干. */
const copiesIn = (text: string): string | undefined => COPIES.exec(text)?.[0];

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
    source: cols.source ?? sourceIn(text),
    copies: cols.copies ?? copiesIn(text),
    type: cols.type ?? item.group,
    text,
    blank: [],
    sample: [],
    path: item.path,
  };
  addLinks(m, anchors, w, () => undefined);
  return m;
}

/**
 * Forms offered apart from the materials list (a 申请表格 row of `申请表.doc` links): a link named
 * after a material is that material's form, sorted into blank or sample by its words as in the list.
 */
export function attachFormLinks(materials: Material[] | null, hits: RawHit[], w: Walked): void {
  if (!materials?.length || !hits.length) return;
  const anchors = w.anchors.filter((a) => hits.some((h) => h.nodes.some((n) => n.contains(a))));
  for (const a of anchors) {
    const core = tidy(w.textOf(a)).replace(/\.(docx?|xlsx?|pdf|wps|et|zip|rar)$/i, '').replace(/[（(]?(?:空白表格|空表|样表|示例样表|下载)[)）]?$/g, '').trim();
    // The material of that name; else the one sharing the longest part of it (营业执照变更登记申请书 is the 变更登记申请书, not the 营业执照).
    const overlap = (x: Material) => (core.includes(x.name) ? x.name.length : x.name.includes(core) ? core.length : 0);
    const m = materials.find((x) => x.name === core) ??
      (core.length >= 4 ? materials.filter((x) => overlap(x) >= 4).sort((a, b) => overlap(b) - overlap(a) || Number(isForm(b)) - Number(isForm(a)))[0] : undefined);
    if (m && ![...m.blank, ...m.sample].some((l) => l.path === cssPath(a))) addLinks(m, [a], w, () => undefined);
  }
}
