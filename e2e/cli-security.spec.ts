import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CLI_FIXTURES, expect, parseJson, runCli, test } from './support';

// issue 5 item 1: a saved page audited from disk reads nothing but its own page files and
// reaches no host but the command line's own loopback server.
test('a hostile saved page can read no dotfile or file outside its folder, and can send nothing anywhere', async () => {
  const seen: string[] = [];
  const listener = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.end('ok');
  });
  listener.on('connection', () => seen.push('connection'));
  listener.on('upgrade', (req, socket) => {
    seen.push(`upgrade ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
  const L = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;

  const top = fs.mkdtempSync(path.join(os.tmpdir(), 'saved-'));
  const dir = path.join(top, 'site');
  fs.mkdirSync(path.join(dir, '.ssh'), { recursive: true });
  for (const f of ['page.html', 'sw.js']) {
    fs.writeFileSync(path.join(dir, f), fs.readFileSync(path.join(CLI_FIXTURES, 'hostile', f), 'utf8').replaceAll('__LISTENER__', L));
  }
  fs.writeFileSync(path.join(dir, '.secret'), 'SECRET-DOTFILE-0451');
  fs.writeFileSync(path.join(dir, '.ssh/id_rsa'), 'SECRET-KEY-0452');
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'SECRET-NOTES-0453');
  fs.writeFileSync(path.join(top, 'outside.html'), '<p>SECRET-OUTSIDE-0454</p>');
  try {
    const run = await runCli(['--format', 'json', path.join(dir, 'page.html')]);
    const [page] = parseJson(run);
    // The page still ran (it rendered its guide once its attempts were done) and was audited.
    expect(page.isGuide).toBe(true);
    expect(page.item.name).toBe('个体工商户设立登记（读到：nothing）');
    expect(run.out + run.err).not.toContain('SECRET-');
    expect(page.url).toBe(`file://${path.join(fs.realpathSync(dir), 'page.html')}`);
    await new Promise((r) => setTimeout(r, 500));
    expect(seen).toEqual([]);
    expect(run.code).toBe(0);
  } finally {
    await new Promise((r) => listener.close(r));
    listener.closeAllConnections();
    fs.rmSync(top, { recursive: true, force: true });
  }
});
