// Makes sure a Chromium the tests and the command line can drive is on this machine.
// Order: CHROMIUM_PATH, the system's Chromium, Playwright's. On a Debian/Ubuntu machine where we
// are root (CI, a fresh dev box) it installs the system package; elsewhere it says how.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium', '/snap/bin/chromium'];
const found = () => (process.env.CHROMIUM_PATH && fs.existsSync(process.env.CHROMIUM_PATH)) || SYSTEM.some((p) => fs.existsSync(p));

if (!found()) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  if (root && apt) {
    console.error('未找到 Chromium，正在从系统软件源安装 / installing Chromium from the system packages (apt-get install chromium)…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
}
if (!found()) {
  console.error([
    '未找到 Chromium 浏览器。No Chromium browser was found.',
    '  Debian/Ubuntu:  sudo apt-get install -y chromium',
    '  或指定路径 / or point to one:  export CHROMIUM_PATH=/path/to/chromium',
  ].join('\n'));
  process.exit(1);
}
