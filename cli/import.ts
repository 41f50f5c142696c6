/**
 * npm run import -- --profile DIR FILE.json
 * Restores a backup into the store kept in that profile, through the extension's own import
 * code. An invalid or newer file is refused with the reason, nothing is written, exit code 1.
 */
import fs from 'node:fs';
import { UsageError, openStorePage, parseOptions, type StorePage } from './store-page';

const USAGE = `用法 Usage: npm run --silent import -- --profile DIR FILE.json
  --profile DIR   浏览器配置目录（不存在则新建）/ the browser profile to restore into (created if missing)
  FILE.json       npm run export -- --format backup 或看板“备份”导出的文件 / a backup file
已有的审核合并，不会重复 / audits already there are merged, not doubled.
退出码 Exit code: 0 restored; 1 the file was refused (invalid or from a newer version) or not written; 2 bad arguments or no browser.`;

async function main(): Promise<number> {
  let profile: string;
  let text: string;
  try {
    const argv = process.argv.slice(2);
    if (argv.includes('--help') || argv.includes('-h')) {
      console.log(USAGE);
      return 0;
    }
    const { opts, rest } = parseOptions(argv, ['profile']);
    if (typeof opts.profile !== 'string') throw new UsageError('需要 --profile DIR / --profile DIR is required');
    if (rest.length !== 1) throw new UsageError('需要一个备份文件 / give exactly one backup file');
    profile = opts.profile;
    try {
      text = fs.readFileSync(rest[0]!, 'utf8');
    } catch (e) {
      throw new UsageError(`无法读取 ${rest[0]} / cannot read (${(e as Error).message})`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`${e.message}\n${USAGE}`);
      return 2;
    }
    throw e;
  }

  let store: StorePage | undefined;
  try {
    store = await openStorePage(profile);
    const r = await store.importText(text);
    if (!r.ok) {
      console.error(`未导入 / not imported: ${r.message}`);
      return 1;
    }
    const s = r.summary;
    console.error(
      `已导入 / imported: 审核 audits +${s.audits.added}（已存在 already there ${s.audits.skipped}），复核 verdicts +${s.verdicts.added}，` +
        `旅程 journeys +${s.journeys.added}，事件 events +${s.events.added}，截图 screenshots +${s.screenshots.added}，设置 settings +${s.settings.added}`,
    );
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(e.message);
      return 2;
    }
    console.error(`导入失败 / import failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    return 1;
  } finally {
    await store?.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`导入失败 / import failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
