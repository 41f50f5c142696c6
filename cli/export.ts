/**
 * npm run export -- --profile DIR [--format long|wide|journeys|backup] [--all-audits] [--out FILE]
 * Runs the extension's own export code (the dashboard's) on the store kept in that profile.
 */
import fs from 'node:fs';
import { EXPORT_FORMATS, type ExportFormat } from '../lib/export/index';
import { UsageError, parseOptions, runCommand } from './store-page';

const USAGE = `用法 Usage: npm run --silent export -- --profile DIR [--format long|wide|journeys|backup] [--all-audits] [--out FILE]
  --profile DIR   浏览器配置目录（npm run audit -- --profile DIR 写入的同一目录）/ the browser profile audits were saved in
  --format        long（默认，每个事项×指标一行 CSV）| wide（每个事项一行 CSV）| journeys（每个旅程一行 CSV）| backup（JSON 备份）
  --all-audits    长表包含每个事项的全部历史审核，而不只是最近一次 / every stored audit, not only each item's latest
  --out FILE      写入文件而不是标准输出 / write to FILE instead of standard output
退出码 Exit code: 0 written; 1 the store could not be read or the file not written; 2 bad arguments or no browser.`;

runCommand(
  '导出失败 / export failed',
  USAGE,
  (argv) => {
    const { opts, rest } = parseOptions(argv, ['profile', 'format', 'out'], ['all-audits']);
    if (rest.length) throw new UsageError(`多余的参数 / unexpected argument ${rest[0]}`);
    if (typeof opts.profile !== 'string') throw new UsageError('需要 --profile DIR / --profile DIR is required');
    if (!fs.existsSync(opts.profile)) throw new UsageError(`浏览器配置目录不存在 / no such profile: ${opts.profile}`);
    const format = (opts.format ?? 'long') as ExportFormat;
    if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`--format 只能是 ${EXPORT_FORMATS.join('、')} / must be one of ${EXPORT_FORMATS.join(', ')} (got ${String(opts.format)})`);
    return { profile: opts.profile, format, out: typeof opts.out === 'string' ? opts.out : undefined, allAudits: opts['all-audits'] === true };
  },
  async (store, a) => {
    const bytes = Buffer.from(await store.exportBase64(a.format, { allAudits: a.allAudits }), 'base64');
    if (!a.out) {
      process.stdout.write(bytes);
      return 0;
    }
    try {
      fs.writeFileSync(a.out, bytes);
      console.error(`已写入 / written: ${a.out} (${bytes.length} bytes)`);
      return 0;
    } catch (e) {
      console.error(`无法写入 ${a.out} / cannot write (${(e as Error).message})`);
      return 1;
    }
  },
);
