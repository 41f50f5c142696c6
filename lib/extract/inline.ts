/**
 * Inline `标签：值` text: in every block without block children, each known label followed by a
 * colon starts a value that runs to the next such label on the same line
 * (`法定时限：20个工作日 承诺时限：5个工作日`, `咨询电话：0455-7771234；监督电话：12345`).
 */
import { allLabels, fieldOf, type FieldKey } from '../labels';
import { labelKey } from '../text';
import { tidy, type RawHit } from './hit';
import type { Walked } from './walk';

let inlineRe: { labels: readonly string[]; re: RegExp } | undefined;
function inlinePattern(): RegExp {
  const labels = allLabels();
  if (inlineRe?.labels !== labels) {
    const alt = labels.map((l) => l.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
    inlineRe = {
      labels,
      re: new RegExp(`(^|[\\s;；,，。、|｜>】\\]])((?:${alt})\\s*(?:[(（][^)）\\n]{0,10}[)）])?(?:\\s*[A-Za-z][A-Za-z .,'&/-]{0,40})?)\\s*[:：]`, 'g'),
    };
  }
  return inlineRe.re;
}

/**
 * A leaf block's lines as the browser shows them: only `<br>` breaks a line; a newline in the
 * page's source is white space (a template's `之日起⏎15⏎个工作日内` is one line: 之日起 15 个工作日内).
 */
function lines(block: Element, w: Walked): string[] {
  if (!w.brokenBlocks.has(block)) return [w.textOf(block).replace(/\s+/g, ' ')];
  let text = '';
  const add = (el: Element) => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) text += (n as Text).data.replace(/\s+/g, ' ');
      else if (n.nodeType !== 1) continue;
      else if ((n as Element).tagName.toUpperCase() === 'BR') text += '\n';
      else if ((n as Element).querySelector('br')) add(n as Element);
      else text += w.textOf(n as Element).replace(/\s+/g, ' ');
    }
  };
  add(block);
  return text.split('\n');
}

export function findInline(w: Walked, hits: RawHit[]): void {
  const re = inlinePattern();
  for (const block of w.leafBlocks) {
    if (!/[:：]/.test(w.textOf(block))) continue;
    for (const line of lines(block, w)) {
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
