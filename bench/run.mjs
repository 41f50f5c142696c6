// `npm run bench`: every bench/*.bench.ts there is, one after the other (the Node profile with
// --expose-gc for its heap figures). A bench that fails is reported; the others still run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = path.dirname(new URL(import.meta.url).pathname);
const extra = process.argv.slice(2);
let failed = 0;
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()) {
  console.log(`\n=== bench/${file} ===`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(dir, file), ...extra], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
