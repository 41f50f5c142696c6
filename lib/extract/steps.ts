/**
 * Process steps (办理流程): rows of a step table (环节 | 办理人 | 办理时限 | 审查标准, ./tables.ts),
 * else, inside a 办理流程 section, step cards that carry their own 办理人 / 时限 / 标准 details
 * (./cards.ts), step cards without labels (van-steps), the items of an `<ol>` / `<ul>`, or
 * numbered prose (`1.申请… 2.受理(2个工作日)… 3.审查…`), or a chain of step names (`受理 —— 审查 —— 决定`).
 */
import { SPECIAL_PROCEDURE_WORDS, STEP_WORDS } from '../labels';
import type { Step } from '../snapshot';
import { itemsOf, pairsIn } from './cards';
import { candidatesIn, stripNumbering, tidy, type RawHit } from './hit';
import { dataRows, type ColumnTable } from './tables';
import { cssPath, type Walked } from './walk';

export function extractSteps(w: Walked, tables: ColumnTable[], hits: RawHit[]): Step[] {
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
    const numbered = numberedSegments(hit.value);
    const segments = numbered.length ? numbered : arrowSegments(hit.value);
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

// Between the steps of a chain: ——, -->, ->, →, ⇒, ➝, ▶, >… (one em dash is punctuation, not an arrow).
const ARROW = /\s*(?:[—─━]{2,}>?|-{2,}>?|[-=]>|[→⟶➝➔➜⇒⇨▶►]|>{1,2})\s*/;
const ARROWS = new RegExp(ARROW.source, 'g');

// —— is also the Chinese dash (申请人——即法定代表人——…): a chain is taken only when every link names a step.
const namesStep = (x: string) => STEP_WORDS.test(x) || SPECIAL_PROCEDURE_WORDS.test(x);

/**
 * "受理 —— 审查 —— 决定", "申请→受理→审查→决定": a process written as a chain of step names, one
 * segment per step. Only a text that is nothing but the chain: one line, every segment a short
 * step name (with perhaps its time limit) and no sentence.
 */
export function arrowSegments(text: string): string[] {
  const chain = text.trim();
  if (chain.includes('\n') || !ARROW.test(chain)) return [];
  const segs = chain.split(ARROWS).map((x) => x.trim());
  return segs.length >= 2 && segs.every((x) => x && x.length <= 20 && !/[，,。；;]/.test(x) && namesStep(x)) ? segs : [];
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
