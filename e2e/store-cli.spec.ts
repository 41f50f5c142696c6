import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { LONG_HEADER } from '../lib/export/csv-export';
import { pagesDir, runScript } from './store-support';

/** The command line writes to and reads from the extension's own store in a profile. */

test('audit --profile, export, audit a fixed page, backup, import into an empty profile, same export', async () => {
  test.setTimeout(420_000);
  const dir = pagesDir();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'store-cli-'));
  const P = path.join(tmp, 'P');
  const Q = path.join(tmp, 'Q');
  const ok = (r: { code: number | null; err: string }) => expect(r.code, r.err).toBe(0);
  try {
    ok(await runScript('audit', ['--profile', P, path.join(dir, 'a.html'), path.join(dir, 'b.html')]));
    const first = await runScript('export', ['--profile', P, '--format', 'long']);
    ok(first);
    expect([...first.out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    let rows: string[][] = parse(first.out.subarray(3).toString('utf8'), { record_delimiter: '\r\n' });
    expect(rows[0]).toEqual(LONG_HEADER);
    const names = new Set(rows.slice(1).map((r) => r[3]));
    expect(names).toEqual(new Set(['民办职业培训学校设立审批', '食品经营许可（新办）']));
    expect(rows).toHaveLength(1 + 36);

    // The department fixes a.html; the fixed copy is audited into the same profile
    ok(await runScript('audit', ['--profile', P, path.join(dir, 'fixed', 'a.html')]));
    const second = await runScript('export', ['--profile', P, '--format', 'long']);
    ok(second);
    rows = parse(second.out.subarray(3).toString('utf8'), { record_delimiter: '\r\n' });
    const change = (ind: string) => rows.find((r) => r[3] === '民办职业培训学校设立审批' && r[5] === ind)?.[LONG_HEADER.indexOf('变化 Change')];
    expect(change('E1-1')).toBe('已整改 fixed');
    expect(change('E1-2')).toBe('已整改 fixed');
    expect(change('E1-3')).toBe('未变 unchanged');
    expect(rows).toHaveLength(1 + 36); // latest audit of each item

    const wide = await runScript('export', ['--profile', P, '--format', 'wide']);
    ok(wide);
    expect(parse(wide.out.subarray(3).toString('utf8'), { record_delimiter: '\r\n' })).toHaveLength(3);

    // Backup → import into an empty profile → the same long export, byte for byte
    const backup = path.join(tmp, 'backup.json');
    ok(await runScript('export', ['--profile', P, '--format', 'backup', '--out', backup]));
    const imported = await runScript('import', ['--profile', Q, backup]);
    ok(imported);
    expect(imported.err).toContain('审核 audits +3');
    const restored = await runScript('export', ['--profile', Q, '--format', 'long']);
    ok(restored);
    expect(restored.out.equals(second.out)).toBe(true);

    // Importing the same file again doubles nothing
    const twice = await runScript('import', ['--profile', Q, backup]);
    ok(twice);
    expect(twice.err).toContain('审核 audits +0（已存在 already there 3）');

    // A newer or broken file is refused, with a clear message and a non-zero exit; nothing is written
    const b = JSON.parse(fs.readFileSync(backup, 'utf8'));
    const newer = path.join(tmp, 'newer.json');
    fs.writeFileSync(newer, JSON.stringify({ ...b, version: b.version + 1 }));
    const refused = await runScript('import', ['--profile', Q, newer]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('请先更新扩展');
    const broken = path.join(tmp, 'broken.json');
    b.audits[0].statuses['E1-1'] = 'excellent';
    b.audits.push({ ...b.audits[1], id: 'new-one' });
    fs.writeFileSync(broken, JSON.stringify(b));
    const invalid = await runScript('import', ['--profile', Q, broken]);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toContain('备份文件内容无效');
    expect((await runScript('export', ['--profile', Q, '--format', 'long'])).out.equals(second.out)).toBe(true);

    // Bad arguments
    const noProfile = await runScript('export', ['--format', 'long']);
    expect(noProfile.code).toBe(2);
    expect(noProfile.err).toContain('--profile');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
