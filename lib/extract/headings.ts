/**
 * The item's name: a 事项名称 field of this item (not a listed other item's), else the outermost
 * element whose class names the title (`title-name`, `item-name`, `sxmc` …, see ./walk.ts), else
 * an `<h1>`, else the page title before its ` - portal name` tail.
 */
import type { FieldHit } from '../snapshot';
import { tidy } from './hit';
import type { Walked } from './walk';

export function findHeading(doc: Document, w: Walked, fields: Record<string, FieldHit[]>): string | undefined {
  const named = fields.itemName?.find((h) => h.value && !h.within)?.value; // not a listed other item's name
  if (named) return named;
  // The titles list is in document order but gathered children first: the outermost comes last.
  const titled = w.titles.find((t) => !w.titles.some((o) => o !== t && o.contains(t))) ?? w.titles[0];
  const h1 = titled ?? w.headings.find((h) => h.tagName === 'H1' && tidy(w.textOf(h)).length >= 4);
  if (h1) return tidy(w.textOf(h1)).split('\n')[0];
  const fromTitle = tidy(doc.title ?? '').split(/\s*[-_|｜—]\s*/)[0];
  return fromTitle && fromTitle.length >= 4 ? fromTitle : undefined;
}
