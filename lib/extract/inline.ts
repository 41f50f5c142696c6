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

export function findInline(w: Walked, hits: RawHit[]): void {
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
