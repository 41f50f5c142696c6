/** Where a report goes: --out FILE, else standard output. */
import fs from 'node:fs';

/**
 * Writes the report to `out` (or standard output) and returns 0, or 1 when the file cannot be
 * written: a full disk or a bad path must not lose the findings, so they are printed instead.
 */
export function writeReport(text: string, out: string | undefined): 0 | 1 {
  if (!out) {
    process.stdout.write(text);
    return 0;
  }
  try {
    fs.writeFileSync(out, text);
    console.error(`已写入 / written: ${out}`);
    return 0;
  } catch (e) {
    console.error(`无法写入 ${out} / cannot write (${(e as Error).message}); 结果输出到标准输出 / printing instead`);
    process.stdout.write(text);
    return 1;
  }
}
