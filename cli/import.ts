/**
 * npm run import -- --profile DIR FILE.json
 * Restores a backup into the store kept in that profile, through the extension's own import
 * code. An invalid or newer file is refused with the reason, nothing is written, exit code 1.
 */
import fs from 'node:fs';
import { UsageError, parseOptions, runCommand } from './store-page';

const USAGE = `用法 Usage: npm run --silent import -- --profile DIR FILE.json
  --profile DIR   浏览器配置目录（不存在则新建）/ the browser profile to restore into (created if missing)
  FILE.json       npm run export -- --format backup 或看板“备份”导出的文件 / a backup file
已有的审核合并，不会重复 / audits already there are merged, not doubled.
退出码 Exit code: 0 restored; 1 the file was refused (invalid or from a newer version) or not written; 2 bad arguments or no browser.`;

runCommand(
  '导入失败 / import failed',
  USAGE,
  (argv) => {
    const { opts, rest } = parseOptions(argv, ['profile']);
    if (typeof opts.profile !== 'string') throw new UsageError('需要 --profile DIR / --profile DIR is required');
    if (rest.length !== 1) throw new UsageError('需要一个备份文件 / give exactly one backup file');
    try {
      return { profile: opts.profile, text: fs.readFileSync(rest[0]!, 'utf8') };
    } catch (e) {
      throw new UsageError(`无法读取 ${rest[0]} / cannot read (${(e as Error).message})`);
    }
  },
  async (store, a) => {
    const r = await store.importText(a.text);
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
  },
);
