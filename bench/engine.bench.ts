// Engine speed, as ratios against a baseline measured in the same run (no timed assertions):
// baseline = one TreeWalker pass reading every text node; engine = extract + all rules.
// Run: npm run bench
import fs from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { audit } from '../lib/audit';
import { extractGuide } from '../lib/extract/guide';

const PAGES = path.resolve('tests/fixtures/pages');

function docOf(html: string): Document {
  const win = new Window({ url: 'http://127.0.0.1/' });
  win.document.write(html);
  return win.document as unknown as Document;
}

/** A long guide: the Guangdong fixture with its materials and process repeated `times` times. */
function bigPage(times: number): string {
  const html = fs.readFileSync(path.join(PAGES, 'guangdong-matters-table.html'), 'utf8');
  const parts = html.match(/<div class="matters-content-part"[\s\S]*?(?=<div class="matters-content-part"|<\/body>)/g) ?? [];
  return html.replace('</body>', `${parts.join('').repeat(times)}</body>`);
}

function baseline(doc: Document): number {
  const walker = doc.createTreeWalker(doc.body, 4);
  let n = 0;
  while (walker.nextNode()) n += (walker.currentNode as Text).data.length;
  return n;
}

function time(fn: () => unknown, rounds: number): number {
  fn();
  const t = performance.now();
  for (let i = 0; i < rounds; i++) fn();
  return (performance.now() - t) / rounds;
}

console.log('page                         elements  baseline ms  engine ms  ratio');
for (const [name, html] of [
  ...fs.readdirSync(PAGES).filter((f) => f.endsWith('.html')).map((f) => [f, fs.readFileSync(path.join(PAGES, f), 'utf8')] as const),
  ['guangdong × 20 (large)', bigPage(20)] as const,
]) {
  const doc = docOf(html);
  const elements = doc.querySelectorAll('*').length;
  const b = time(() => baseline(doc), 20);
  const e = time(() => audit(extractGuide(doc)), 20);
  console.log(`${name.padEnd(28)} ${String(elements).padStart(8)} ${b.toFixed(2).padStart(12)} ${e.toFixed(2).padStart(10)} ${(e / b).toFixed(1).padStart(6)}×`);
}
