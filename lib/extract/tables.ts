/**
 * Tables with a header row. The header's cells are matched against the column labels of
 * lib/labels.ts (COLUMN_LABELS) to classify each `<table>`: materials (材料名称 | 来源渠道 | 份数 …),
 * process steps (环节 | 办理人 | 办理时限 | 审查标准), special procedures (名称 | 时限), or a row of
 * field labels over rows of values (办理地点 | 办理时间 | 联系电话). Tables are read as grids
 * (./grids.ts: spans expanded, a kit's header and body tables joined), so a two-row header
 * (材料要求 over 原件 | 复印件) names every column. Other parts read the rows through `dataRows`.
 */
import { columnOf, SPECIAL_PROCEDURE_WORDS, STEP_WORDS, TERMS_HEADER_WORDS, type FieldKey } from '../labels';
import { labelKey, labelSuffix } from '../text';
import { columnRuns } from './cards';
import { gridSteps, TABLES_PER_STEP } from './grids';
import { fieldOfText, tidy, type RawHit } from './hit';
import { linksElsewhere } from './sections';
import { runAtOnce, type Steps } from './slices';
import type { Walked } from './walk';

/**
 * `fields`: a header row of field labels over rows of values (a window table: 办理地点 | 办理时间 | 联系电话).
 * `terms`: a table about guide elements (要素名称 | 填写要求 | 规范示例 in a policy notice): its
 * labels are data in a column and its values examples, so nothing in it is read as a field.
 */
export type TableKind = 'material' | 'step' | 'special' | 'fields' | 'terms';
export interface ColumnTable {
  /** The table, or the component that holds a kit's header and body tables (./grids.ts). */
  table: Element;
  kind: TableKind | undefined;
  candidates: TableKind[];
  header: Map<number, string>[]; // per candidate kind: column index → canonical column
  headerRow: number;
  rows: Element[][];
}

export function classifyTables(w: Walked): ColumnTable[] {
  return runAtOnce(tableSteps(w));
}

/** classifyTables in steps that may pause (./slices.ts). */
export function* tableSteps(w: Walked): Steps<ColumnTable[]> {
  const result: ColumnTable[] = [];
  let n = 0;
  for (const { el: table, rows } of yield* gridSteps(w)) {
    if (++n % TABLES_PER_STEP === 0) yield;
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
        const fieldCols = fieldColumns(cells, w);
        if (thRow && !fieldCols.size && termsTable(cells, rows.slice(r + 1), w)) {
          result.push({ table, kind: 'terms', candidates: ['terms'], header: [], headerRow: r, rows });
          break;
        }
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
export function settleAmbiguousTables(tables: ColumnTable[], hits: RawHit[], w: Walked): void {
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
  for (const note of Array.from(cell.querySelectorAll('small,[class*="note"],[class*="tip"],[class*="remark"],[class*="desc"],[class*="explain"],[class*="hint"],[class*="help"]'))) {
    const t = w.textOf(note);
    if (t.trim() && t.length < text.length) text = text.replace(t, ' ');
  }
  return text;
}

export function headerOf(t: ColumnTable): Map<number, string> {
  return t.kind === 'fields' ? t.header[0]! : t.header[['material', 'step', 'special'].indexOf(t.kind!)]!;
}

/** Hits from tables whose header row is field labels: each row's cell under a label is its value. */
/**
 * A header that describes columns (要素名称 | 填写要求 | 规范示例) over rows whose first cells are
 * field labels: the labels are the table's subject, not this page's item's fields.
 */
function termsTable(head: Element[], body: Element[][], w: Walked): boolean {
  const columns = new Set(head.filter((c) => tidy(w.textOf(c)))).size;
  if (columns < 3 || !head.some((c) => TERMS_HEADER_WORDS.test(w.textOf(c)))) return false;
  const firsts = body.map((row) => row[0]).filter((c): c is Element => !!c && !!tidy(w.textOf(c)));
  return firsts.length >= 3 && firsts.filter((c) => fieldOfText(tidy(w.textOf(c)))).length >= firsts.length * 0.6;
}

/** Column index → field of the cells in a row that are field labels (a spanning cell counts once). */
function fieldColumns(cells: Element[], w: Walked): Map<number, string> {
  const cols = new Map<number, string>();
  cells.forEach((cell, i) => {
    const key = fieldOfText(tidy(w.textOf(cell)));
    if (key && (i === 0 || cells[i - 1] !== cell)) cols.set(i, key);
  });
  return cols;
}

/**
 * Hits from tables whose header row is field labels: each row's cell under a label is its value.
 * A later row of labels heads the rows below it (vertical descriptions: labels in one row, values
 * in the row below, again and again).
 */
export function fieldTableHits(tables: ColumnTable[], w: Walked): RawHit[] {
  const hits: RawHit[] = [];
  for (const t of tables.filter((x) => x.kind === 'fields')) {
    let header = headerOf(t);
    let headRow = t.rows[t.headerRow]!;
    const first = hits.length;
    const rowsRead = new Set<Element>();
    for (const row of t.rows.slice(t.headerRow + 1)) {
      const distinct = [...new Set(row.filter((c) => c && tidy(w.textOf(c))))];
      if (!distinct.length) continue;
      const labels = fieldColumns(row, w);
      if (labels.size && (labels.size === distinct.length || distinct.every((c) => c.tagName.toUpperCase() === 'TH'))) {
        header = labels;
        headRow = row;
        continue;
      }
      for (const [i, key] of header) {
        const cell = row[i];
        if (!cell) continue;
        if (cell.parentElement) rowsRead.add(cell.parentElement);
        hits.push({ key: key as FieldKey, label: tidy(w.textOf(headRow[i]!)), labelNode: headRow[i]!, nodes: [cell], value: tidy(w.textOf(cell)), how: 'pair' });
      }
    }
    // Rows that each link to a guide of their own list other items (a 事项目录 tab, a catalogue).
    if (rowsRead.size >= 2 && [...rowsRead].every(linksElsewhere)) {
      for (const h of hits.slice(first)) h.entry = (h.nodes[0] as Element).parentElement ?? undefined;
    }
  }
  return hits;
}

/** Data rows: distinct rows after the header, skipping repeated header rows and empty rows. */
export function dataRows(t: ColumnTable, w: Walked): { cells: Element[]; row: Element[]; group?: string; detail?: Element; col: (name: string) => string | undefined }[] {
  const header = headerOf(t);
  const unitColumn = [...header].find(([, c]) => c === 'unit')?.[0];
  const out: ReturnType<typeof dataRows> = [];
  let group: string | undefined;
  for (let r = t.headerRow + 1; r < t.rows.length; r++) {
    const row = t.rows[r]!;
    const headRow = t.rows[t.headerRow]!;
    const col = (name: string): string | undefined => {
      const picked = [...header].filter(([, c]) => c === name);
      const cells = picked.map(([i]) => {
        const cell = row[i];
        const text = cell ? tidy(name === 'name' ? textWithoutNotes(cell, w) : w.textOf(cell)) : '';
        if (!/^\d+(?:\.\d+)?$/.test(text)) return text;
        // A bare 15 takes its unit from a 时限单位 column, or from the header: 办理时限（工作日）
        const unit = (unitColumn !== undefined && name === 'limit' && row[unitColumn] ? tidy(w.textOf(row[unitColumn])) : '') || labelSuffix(w.textOf(headRow[i]!));
        return unit && /日|天|小时|月/.test(unit) ? `${text}${unit}` : text;
      });
      if (!cells.length) return undefined;
      if (name === 'source') return [...new Set(cells.filter(Boolean))].join('；');
      // 原件 | 复印件 columns: keep which is which ("原件1；复印件0")
      if (name === 'copies' && cells.length > 1) return cells.map((c, k) => `${tidy(w.textOf(headRow[picked[k]![0]]!))}${c}`).join('；');
      return cells[0];
    };
    if (!row.some((cell) => tidy(w.textOf(cell)))) continue;
    // A group title (申请表格类 / 证明文件类) spans the whole row: it heads the rows below it.
    const cells = [...new Set(row.filter(Boolean))];
    if (cells.length === 1 && row.length >= 2 && header.size >= 2) {
      const text = tidy(w.textOf(cells[0]!));
      const prev = out[out.length - 1];
      // An expanded detail row (`el-table__expanded-cell`: 来源渠道：… 份数：…) belongs to the row above.
      const kind = t.kind === 'material' || t.kind === 'step' ? t.kind : undefined;
      const labelled = kind && (columnRuns(text, kind).runs.length || Array.from(cells[0]!.querySelectorAll('*')).some((el) => columnOf(kind, labelKey(w.textOf(el)))));
      if (prev && labelled) prev.detail = cells[0]!;
      else group = text;
      continue;
    }
    out.push({ cells, row, col, ...(group ? { group } : {}) });
  }
  return out;
}
