/**
 * Special procedures (特殊环节) listed in a table (名称 | 时限, ./tables.ts), one per row; a row
 * that says 无 / 暂无 / 不涉及 lists none. A 特殊环节 section without a table is read as a field by
 * the E1-6 rule.
 */
import type { SpecialProcedure } from '../snapshot';
import { tidy } from './hit';
import { dataRows, type ColumnTable } from './tables';
import { cssPath, type Walked } from './walk';

export function extractSpecials(w: Walked, tables: ColumnTable[]): SpecialProcedure[] {
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
