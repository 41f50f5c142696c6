// Engine speed, as ratios against a baseline measured in the same run (no timed assertions):
// baseline = one TreeWalker pass reading every text node; engine = extract + all rules.
// Run: npm run bench
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
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

// Memory: the engine's peak heap (the most it held at any garbage collection during the run, or
// at its end) next to the page's own size, on a page 5,000 levels deep with 1 MB of text and on a
// page of 100,000 elements. It must grow with the page's size, never with depth × text.
const MB = (n: number) => (n / 1e6).toFixed(1).padStart(8);

function deepPage(doc: Document, depth: number, textChars: number): void {
  const chunk = '受理申请材料齐全符合法定形式'.repeat(Math.ceil(textChars / depth / 14));
  let el: Element = doc.body;
  for (let i = 0; i < depth; i++) {
    const div = doc.createElement('div');
    div.append(chunk);
    el.append(div);
    el = div;
  }
}

function widePage(doc: Document, elements: number): void {
  const rows: string[] = [];
  for (let i = 0; i < elements / 4; i++) rows.push(`<tr><td>${i + 1}</td><td>材料${i}：营业执照副本复印件</td><td>申请人自备</td></tr>`);
  doc.body.innerHTML = `<table>${rows.join('')}</table>`;
}

function heapOf(name: string, build: (doc: Document) => void): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  const used = () => v8.getHeapStatistics().used_heap_size;
  gc?.();
  const empty = used();
  const doc = docOf('<!doctype html><html><head><title>memory</title></head><body></body></html>');
  build(doc);
  gc?.();
  const start = used();
  const text = baseline(doc);
  let elements = 0;
  for (const walker = doc.createTreeWalker(doc.body, 1); walker.nextNode(); ) elements++;
  const profiler = new v8.GCProfiler();
  profiler.start();
  const result = audit(extractGuide(doc));
  const end = used();
  const stats = profiler.stop();
  const peak = Math.max(end, ...(stats?.statistics ?? []).map((s) => s.beforeGC.heapStatistics.usedHeapSize)) - start;
  console.log(`${name.padEnd(28)} ${String(elements).padStart(8)} ${MB(text * 2)} ${MB(start - empty)} ${MB(peak)} ${(peak / Math.max(1, start - empty)).toFixed(2).padStart(6)}× ${result.isGuide ? 'guide' : 'not a guide'}`);
}

if (!(globalThis as { gc?: unknown }).gc) console.log('\n(run with node --expose-gc for exact page sizes: npm run bench does)');
console.log("\npage                         elements  text MB  page MB  peak MB  peak/page");
heapOf('5,000 deep, 1 MB text', (doc) => deepPage(doc, 5000, 1_000_000));
heapOf('100,000 elements', (doc) => widePage(doc, 100_000));
