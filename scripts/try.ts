// Dev aid: run the engine on a static HTML file under happy-dom and compare with its expected file.
import fs from 'node:fs';
import { Window } from 'happy-dom';
import { extractGuide } from '../lib/extract/guide';
import { audit } from '../lib/audit';

for (const file of process.argv.slice(2)) {
  const win = new Window({ url: 'http://127.0.0.1/' + file.split('/').pop() });
  win.document.write(fs.readFileSync(file, 'utf8'));
  const snap = extractGuide(win.document as unknown as Document);
  const r = audit(snap);
  const expFile = file.replace(/\.html$/, '.expected.json');
  const exp = fs.existsSync(expFile) ? JSON.parse(fs.readFileSync(expFile, 'utf8')) : undefined;
  console.log(`\n=== ${file}  isGuide=${r.isGuide} (exp ${exp?.isGuide}) ${r.reason}  item=${JSON.stringify(r.item)}`);
  if (process.env.SNAP) console.log(JSON.stringify(snap, null, 1).slice(0, Number(process.env.SNAP)));
  for (const o of r.outcomes) {
    const e = exp?.outcomes?.[o.indicator];
    const bad = e && (e.status !== o.status || (e.missing && JSON.stringify([...e.missing].sort()) !== JSON.stringify([...o.missing].sort())));
    console.log(`${bad ? 'XX' : '  '} ${o.indicator.padEnd(5)} ${o.status.padEnd(7)} exp=${(e?.status ?? '').padEnd(7)} m=${JSON.stringify(o.missing)} em=${JSON.stringify(e?.missing ?? '')} | ${o.message} | ${o.value.slice(0, 80)}`);
  }
  win.close();
}
