// @vitest-environment node
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSavedPages, type SavedPages } from '@/cli/serve';

/** GET with the path exactly as written (no client-side normalisation of `..` or `%2e`). */
function get(origin: string, rawPath: string): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    http.get({ hostname, port, path: rawPath }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d)).on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }));
    }).on('error', reject);
  });
}

describe('the local-file server of the command line', () => {
  let top: string;
  let site: SavedPages;
  let prefix: string;
  beforeAll(async () => {
    top = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-'));
    const dir = path.join(top, 'saved');
    fs.mkdirSync(path.join(dir, 'page_files', '.cache'), { recursive: true });
    fs.mkdirSync(path.join(dir, '.git'));
    fs.writeFileSync(path.join(dir, 'guide.html'), '<meta charset="gbk"><p>指南</p>');
    fs.writeFileSync(path.join(dir, 'page_files', 'app.js'), 'var x = 1;');
    fs.writeFileSync(path.join(dir, 'page_files', 'logo.png'), 'png');
    fs.writeFileSync(path.join(dir, 'page_files', '.cache', 'x.js'), 'hidden');
    fs.writeFileSync(path.join(dir, '.env'), 'SECRET');
    fs.writeFileSync(path.join(dir, '.git', 'config'), 'SECRET');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'SECRET');
    fs.writeFileSync(path.join(dir, 'db.sqlite'), 'SECRET');
    fs.writeFileSync(path.join(top, 'outside.html'), 'SECRET');
    fs.symlinkSync(path.join(top, 'outside.html'), path.join(dir, 'link.html'));
    site = await serveSavedPages(dir, [path.join(dir, 'guide.html')]);
    prefix = new URL(site.base).pathname;
  });
  afterAll(async () => {
    await site.close();
    fs.rmSync(top, { recursive: true, force: true });
  });

  it('serves the target and the page files of its folder under a random prefix, html without a forced charset', async () => {
    expect(prefix).toMatch(/^\/[A-Za-z0-9_-]{32}\/$/);
    const page = await get(site.origin, `${prefix}guide.html`);
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html');
    expect((await get(site.origin, `${prefix}page_files/app.js`)).status).toBe(200);
    expect((await get(site.origin, `${prefix}page_files/logo.png`)).type).toBe('image/png');
    expect(site.urlOf(path.join(top, 'saved', 'guide.html'))).toBe(`${site.base}guide.html`);
    expect(site.fileUrlOf(`${site.base}page_files/app.js`)).toBe(`file://${fs.realpathSync(top)}/saved/page_files/app.js`);
  });

  it('never serves hidden files, other file types, anything outside the folder, or anything without the prefix', async () => {
    const refused = [
      `${prefix}.env`, `${prefix}.git/config`, `${prefix}page_files/.cache/x.js`, `${prefix}notes.txt`, `${prefix}db.sqlite`,
      `${prefix}../outside.html`, `${prefix}%2e%2e/outside.html`, `${prefix}..%2foutside.html`, `${prefix}%2e%2e%2foutside.html`,
      `${prefix}link.html`, `${prefix}`, `${prefix}page_files/`, `${prefix}page_files//app.js`, `${prefix}%00.html`,
      '/guide.html', '/', '/.env', '/../outside.html',
    ];
    for (const p of refused) {
      const r = await get(site.origin, p);
      expect([p, r.status, r.body]).toEqual([p, 404, 'not found']);
    }
  });
});
