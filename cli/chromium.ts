import fs from 'node:fs';
import { chromium } from '@playwright/test';

export const CHROMIUM_HELP = [
  '未找到 Chromium 浏览器。No Chromium browser was found.',
  '  Debian/Ubuntu:  sudo apt-get install -y chromium      (或 chromium-browser)',
  '  指定路径 / point to one:  CHROMIUM_PATH=/path/to/chromium npm run audit -- …',
  '  或使用 Playwright 的浏览器 / or Playwright\'s own:  npx playwright install chromium',
  '  (Google Chrome 品牌版不能加载未打包扩展 / branded Google Chrome cannot load an unpacked extension.)',
].join('\n');

const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium', '/snap/bin/chromium'];

/** CHROMIUM_PATH, then the system's Chromium, then Playwright's; undefined when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): { path?: string; error?: string } {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    return fs.existsSync(fromEnv) ? { path: fromEnv } : { error: `CHROMIUM_PATH=${fromEnv} 不存在 / does not exist.\n${CHROMIUM_HELP}` };
  }
  const system = SYSTEM.find((p) => fs.existsSync(p));
  if (system) return { path: system };
  try {
    const pw = chromium.executablePath();
    if (pw && fs.existsSync(pw)) return { path: pw };
  } catch {
    /* Playwright has no browser of its own here */
  }
  return { error: CHROMIUM_HELP };
}
