/**
 * npm run export -- --profile DIR [--format long|wide|journeys|backup] [--all-audits] [--out FILE]
 * Runs the extension's own export code (the dashboard's) on the store kept in that profile.
 */
import fs from 'node:fs';
import { EXPORT_FORMATS, type ExportFormat } from '../lib/export/index';
import { UsageError, openStorePage, parseOptions, type StorePage } from './store-page';

const USAGE = `用法 Usage: npm run --silent export -- --profile DIR [--format long|wide|journeys|backup] [--all-audits] [--out FILE]
  --profile DIR   浏览器配置目录（npm run audit -- --profile DIR 写入的同一目录）/ the browser profile audits were saved in
  --format        long（默认，每个事项×指标一行 CSV）| wide（每个事项一行 CSV）| journeys（每个旅程一行 CSV）| backup（JSON 备份）
  --all-audits    长表包含每个事项的全部历史审核，而不只是最近一次 / every stored audit, not only each item's latest
  --out FILE      写入文件而不是标准输出 / write to FILE instead of standard output
退出码 Exit code: 0 written; 1 the store could not be read or the file not written; 2 bad arguments or no browser.`;

async function main(): Promise<number> {
  let format: ExportFormat = 'long';
  let profile: string;
  let out: string | undefined;
  let allAudits = false;
  try {
    const argv = process.argv.slice(2);
    if (argv.includes('--help') || argv.includes('-h')) {
      console.log(USAGE);
      return 0;
    }
    const { opts, rest } = parseOptions(argv, ['profile', 'format', 'out'], ['all-audits']);
    if (rest.length) throw new UsageError(`多余的参数 / unexpected argument ${rest[0]}`);
    if (typeof opts.profile !== 'string') throw new UsageError('需要 --profile DIR / --profile DIR is required');
    if (!fs.existsSync(opts.profile)) throw new UsageError(`浏览器配置目录不存在 / no such profile: ${opts.profile}`);
    profile = opts.profile;
    if (opts.format !== undefined) {
      if (!EXPORT_FORMATS.includes(opts.format as ExportFormat)) throw new UsageError(`--format 只能是 ${EXPORT_FORMATS.join('、')} / must be one of ${EXPORT_FORMATS.join(', ')} (got ${String(opts.format)})`);
      format = opts.format as ExportFormat;
    }
    out = typeof opts.out === 'string' ? opts.out : undefined;
    allAudits = opts['all-audits'] === true;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`${e.message}\n${USAGE}`);
      return 2;
    }
    throw e;
  }

  let store: StorePage | undefined;
  let bytes: Buffer;
  try {
    store = await openStorePage(profile);
    bytes = Buffer.from(await store.exportBase64(format, { allAudits }), 'base64');
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(e.message);
      return 2;
    }
    console.error(`导出失败 / export failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    return 1;
  } finally {
    await store?.close();
  }
  if (!out) {
    process.stdout.write(bytes);
    return 0;
  }
  try {
    fs.writeFileSync(out, bytes);
    console.error(`已写入 / written: ${out} (${bytes.length} bytes)`);
    return 0;
  } catch (e) {
    console.error(`无法写入 ${out} / cannot write (${(e as Error).message})`);
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`导出失败 / export failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
