/**
 * Damaged markup: every fixture page (the suite's and the holdouts) with a few random, seeded
 * edits a portal's templates and scripts really make — cells dropped or added, nonsense
 * rowspan/colspan, elements moved, duplicated, emptied or unwrapped, stray labels and tables —
 * must still be audited: an exception would leave the reviewer with no result for the page.
 * The seeds are fixed, so a failure names a page and edits that reproduce it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '@/lib/audit';
import { extractGuide } from '@/lib/extract/guide';
import { pageOf } from '../helpers';

const DIRS = ['tests/fixtures/pages', 'tests/fixtures/holdout', 'tests/fixtures/cli'];
const files = DIRS.flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.html')).map((f) => path.join(d, f)));
const VARIANTS = 6;
const SPANS = ['0', '-1', '999', 'abc', '2.5', '', '1e9'];
const SNIPPETS = ['<br>', '：', '<span>办理地点</span>', '<td>x</td>', '<a href="">在线办理</a>', '承诺时限：', '<tr><td colspan="3">x</td></tr>'];

/** A small linear congruential generator: the same edits on every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

/** Applies a few random edits to the page; returns what was done, to name a failure. */
function damage(doc: Document, rnd: () => number): string[] {
  const pick = <T,>(xs: T[]): T | undefined => xs[Math.floor(rnd() * xs.length)];
  const done: string[] = [];
  const edits = 1 + Math.floor(rnd() * 8);
  for (let k = 0; k < edits; k++) {
    const el = pick([...doc.body.querySelectorAll('*')]);
    if (!el) break;
    const cell = pick([...doc.body.querySelectorAll('td,th')]);
    const row = pick([...doc.body.querySelectorAll('tr')]);
    const other = pick([...doc.body.querySelectorAll('*')])!;
    switch (Math.floor(rnd() * 10)) {
      case 0: el.remove(); done.push(`remove ${el.tagName}`); break;
      case 1: el.after(el.cloneNode(true)); done.push(`duplicate ${el.tagName}`); break;
      case 2: if (cell) { cell.setAttribute(rnd() < 0.5 ? 'colspan' : 'rowspan', pick(SPANS)!); done.push(`span on ${cell.tagName}`); } break;
      case 3: if (!other.contains(el) && !el.contains(other)) { other.appendChild(el); done.push(`move ${el.tagName} into ${other.tagName}`); } break;
      case 4: el.textContent = ''; done.push(`empty ${el.tagName}`); break;
      case 5: if (row) { row.appendChild(doc.createElement(rnd() < 0.5 ? 'th' : 'td')); done.push('add a cell'); } break;
      case 6: if (row?.firstElementChild) { row.firstElementChild.remove(); done.push('drop a cell'); } break;
      case 7: el.replaceWith(...Array.from(el.childNodes)); done.push(`unwrap ${el.tagName}`); break;
      case 8: el.insertAdjacentHTML('beforeend', '<table><tr><th>材料名称</th><th>份数</th></tr></table>'); done.push('add a header-only table'); break;
      default: { const s = pick(SNIPPETS)!; el.insertAdjacentHTML('beforeend', s); done.push(`insert ${s}`); }
    }
  }
  return done;
}

describe('damaged markup is still audited', () => {
  // One test per page (each a fraction of a second): a failure names the page, and no test runs long.
  it.each(files.map((file, i) => [path.basename(file), file, i] as const))(`%s: ${VARIANTS} damaged variants, no exception`, (_name, file, i) => {
    const failures: string[] = [];
    const html = fs.readFileSync(file, 'utf8');
    for (let v = 0; v < VARIANTS; v++) {
      const doc = pageOf(html);
      const edits = damage(doc, random(1000 * i + v + 1));
      try {
        const r = audit(extractGuide(doc));
        expect(typeof r.isGuide).toBe('boolean');
      } catch (e) {
        failures.push(`[${edits.join('; ')}]: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
