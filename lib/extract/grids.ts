/**
 * Tables as grids of cells, whole even where a UI kit draws one table as several elements:
 * - a `<table>` with rowspan and colspan expanded, so a spanning 环节 cell repeats down its rows;
 * - a header `<table>` over a separate body (Element `el-table__header` / `el-table__body`, antd
 *   `ant-table-header` / `ant-table-body`, layui `layui-table-header` / `layui-table-body`, EasyUI
 *   `datagrid-header` / `datagrid-body`, View UI `ivu-table-header` / `ivu-table-body`): the body
 *   is a `<table>` or rows of `div` cells (antd virtual tables), matched to the header by column
 *   count, or by the column keys the cells carry (`el-table_1_column_3`, `data-field`, `field`);
 * - frozen columns that split each row over two such tables side by side (EasyUI `datagrid-view1`
 *   + `datagrid-view2`, layui `layui-table-fixed`, Element `el-table__fixed`): the row's parts are
 *   joined, and a column the frozen copy repeats is read once.
 * Only the DOM's structure is read (no layout), so it works the same in Node and on hidden panes.
 */
import { tidy } from './hit';
import type { Steps } from './slices';
import type { Walked } from './walk';

export interface Grid {
  /** The element that holds the whole table: the `<table>`, or the kit's component around its parts. */
  el: Element;
  rows: Element[][];
}

function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  // Sibling links, not Array.from(children): a live collection copied per table costs a call per item.
  for (let child = table.firstElementChild; child; child = child.nextElementSibling) {
    const tag = child.tagName.toUpperCase();
    if (tag === 'TR') rows.push(child);
    else if (tag === 'THEAD' || tag === 'TBODY' || tag === 'TFOOT') {
      for (let tr = child.firstElementChild; tr; tr = tr.nextElementSibling) if (tr.tagName.toUpperCase() === 'TR') rows.push(tr);
    }
  }
  return rows;
}

/** A cell's rowspan or colspan as browsers read it: one unless a positive whole number; at most `max`. */
const spanOf = (cell: Element, name: string, max: number) => Math.min(Math.max(1, Math.floor(Number(cell.getAttribute(name))) || 1), max);

/** Rows as a grid with rowspan/colspan expanded. */
function expand(table: Element): Element[][] {
  const out: Element[][] = [];
  tableRows(table).forEach((tr, r) => {
    const row = (out[r] ??= []);
    let col = 0;
    for (let cell = tr.firstElementChild; cell; cell = cell.nextElementSibling) {
      const tag = cell.tagName;
      if (tag !== 'TD' && tag !== 'TH' && tag !== 'td' && tag !== 'th') continue;
      while (row[col]) col++;
      const spans = cell.hasAttributes(); // most cells carry no attributes at all: no lookups then
      const rs = spans ? spanOf(cell, 'rowspan', 50) : 1;
      const cs = spans ? spanOf(cell, 'colspan', 20) : 1;
      for (let dr = 0; dr < rs; dr++) {
        const target = (out[r + dr] ??= []);
        for (let dc = 0; dc < cs; dc++) target[col + dc] = cell;
      }
      col += cs;
    }
  });
  // A malformed table (a rowspan over a row without cells of its own) leaves gaps: each stays in
  // its column as an empty cell, so the cells after it keep their headers.
  for (const row of out) for (let c = 0; c < row.length; c++) row[c] ??= gapIn(table);
  return out;
}

/** Empty stand-ins for the cells a malformed table lacks: detached, so they have no text and no place. */
const gaps = new WeakSet<Element>();
function gapIn(near: Element): Element {
  const gap = near.ownerDocument.createElement('td');
  gaps.add(gap);
  return gap;
}

const HEAD_CLASS = /head/i;
const BODY_CLASS = /body/i;
const classOf = (el: Element) => el.getAttribute('class') ?? '';

/** A table that is only a header: every cell a `th` or in a `thead`, or it stands in a *head* wrapper. */
function headerOnly(table: Element, rows: Element[][]): boolean {
  if (!rows.length || rows.length > 3) return false;
  const cells = rows.flat().filter((c) => !gaps.has(c));
  if (cells.every((c) => c.tagName.toUpperCase() === 'TH' || c.parentElement?.parentElement?.tagName.toUpperCase() === 'THEAD')) return true;
  for (let a: Element | null = table, d = 0; a && d < 3; a = a.parentElement, d++) {
    const cls = classOf(a);
    if (HEAD_CLASS.test(cls) && !BODY_CLASS.test(cls)) return true;
  }
  return false;
}

/** A table that is only a body: no header cells of its own. */
const bodyOnly = (table: Element) => !table.querySelector('th, thead');

/** The column a cell belongs to, where the kit writes it on the cell. */
function columnKey(cell: Element): string | undefined {
  const attr = cell.getAttribute('data-field') ?? cell.getAttribute('field') ?? cell.getAttribute('data-colkey') ?? cell.getAttribute('data-column-key');
  if (attr) return `f:${attr}`;
  const cls = /(?:^|\s)([\w-]+_column_\d+)(?=\s|$)/.exec(classOf(cell));
  return cls ? `c:${cls[1]}` : undefined;
}

/** Header columns without the trailing empty cells kits add for the scrollbar (`gutter`). */
function width(row: Element[], w: Walked): number {
  let n = row.length;
  while (n > 0 && !tidy(w.textOf(row[n - 1]!))) n--;
  return n;
}

/** Rows of `div` cells under a header (antd virtual tables): same-kind rows, each with its cells as children. */
function divRows(holder: Element, cols: number): Element[][] | undefined {
  const rows = Array.from(holder.querySelectorAll('[role="row"], [class*="row"]')).filter(
    (r) => r.tagName.toUpperCase() !== 'TR' && !r.querySelector('[role="row"], [class*="row"]') && r.children.length >= Math.max(2, cols - 1) && r.children.length <= cols + 1,
  );
  return rows.length ? rows.map((r) => Array.from(r.children)) : undefined;
}

/**
 * The body after a header table: the next table, or div rows, in the wrappers that follow it,
 * with as many columns, and nothing but empty wrappers in between.
 */
function bodyAfter(header: Element, cols: number, tables: Set<Element>, w: Walked): { el: Element; rows: Element[][] } | undefined {
  const fits = (rows: Element[][]) => {
    const n = Math.max(...rows.map((r) => r.length));
    return n >= cols && n <= cols + 1;
  };
  for (let a: Element | null = header, d = 0; a && d < 3; a = a.parentElement, d++) {
    for (let s = a.nextElementSibling, k = 0; s && k < 3; s = s.nextElementSibling, k++) {
      const table = tables.has(s) ? s : Array.from(s.querySelectorAll('table')).find((t) => tables.has(t));
      if (table) {
        const rows = expand(table);
        return bodyOnly(table) && rows.length && fits(rows) ? { el: table, rows } : undefined;
      }
      const rows = divRows(s, cols);
      if (rows && fits(rows)) return { el: s, rows };
      if (tidy(w.textOf(s))) return undefined;
    }
  }
  return undefined;
}

function commonAncestor(a: Element, b: Element): Element {
  for (let x: Element | null = a; x; x = x.parentElement) if (x.contains(b)) return x;
  return a;
}

/** Body cells in header order where both carry column keys; else as they stand. */
function alignByKeys(head: Element[], rows: Element[][]): Element[][] {
  const keys = head.map(columnKey);
  if (!keys.some(Boolean)) return rows;
  return rows.map((row) => {
    const byKey = new Map(row.map((c) => [columnKey(c), c] as const));
    if (!row.some((c) => columnKey(c))) return row;
    return keys.map((k, i) => (k && byKey.get(k)) || row[i]!).filter(Boolean);
  });
}

interface Part extends Grid {
  header: number; // header rows at the top of `rows`
  joined: boolean; // a header and a body joined
}

/** The columns of `b` that `a` does not already hold (by key, or by the same header and the same cells). */
function newColumns(a: Part, b: Part, w: Walked): number[] {
  const headA = a.rows[a.header - 1] ?? [];
  const headB = b.rows[b.header - 1] ?? [];
  const keysA = new Set(headA.map(columnKey).filter(Boolean));
  // A row may be shorter than the header (a group-title row, an expanded detail row): its missing cell reads as empty.
  const colText = (p: Part, i: number) => p.rows.map((r) => (r[i] ? tidy(w.textOf(r[i])) : '')).join('\u0001');
  const textsA = new Set(headA.map((_, i) => colText(a, i)));
  return headB.map((_, i) => i).filter((i) => {
    const key = columnKey(headB[i]!);
    if (key) return !keysA.has(key);
    return !textsA.has(colText(b, i));
  });
}

/** Tables read between the points where the reading may pause (./slices.ts): a catalogue page has hundreds. */
export const TABLES_PER_STEP = 16;

/** Every table on the page as a grid, the parts of a kit's table joined into one. */
export function* gridSteps(w: Walked): Steps<Grid[]> {
  const tables = new Set<Element>(w.tables);
  const used = new Set<Element>();
  const parts: Part[] = [];
  let n = 0;
  for (const table of w.tables) {
    if (++n % TABLES_PER_STEP === 0) yield;
    if (used.has(table)) continue;
    const rows = expand(table);
    const head = rows[rows.length - 1];
    if (head && width(head, w) >= 1 && headerOnly(table, rows)) {
      const body = bodyAfter(table, width(head, w), tables, w);
      if (body) {
        used.add(body.el);
        const bodyRows = alignByKeys(head, body.rows);
        parts.push({ el: commonAncestor(table, body.el), rows: [...rows, ...bodyRows], header: rows.length, joined: true });
        continue;
      }
    }
    parts.push({ el: table, rows, header: 0, joined: false });
  }
  // Frozen columns: the next part is the same table's other columns when it stands in the same
  // component (inside this one, or beside it under one parent) and has as many rows.
  const out: Grid[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    while (p.joined && parts[i + 1]?.joined) {
      const q = parts[i + 1]!;
      const near = p.el.contains(q.el) || q.el.contains(p.el) || (p.el.parentElement !== null && p.el.parentElement === q.el.parentElement);
      if (!near || q.rows.length !== p.rows.length || q.header !== p.header) break;
      const cols = newColumns(p, q, w);
      p.rows = p.rows.map((row, r) => [...row.slice(0, width(p.rows[p.header - 1]!, w) || row.length), ...cols.map((c) => q.rows[r]![c] ?? gapIn(q.el))]);
      if (!p.el.contains(q.el)) p.el = commonAncestor(p.el, q.el);
      i++;
    }
    out.push({ el: p.el, rows: p.rows });
  }
  return out;
}
