import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../cli/runner';
import type { FlowReport } from '../lib/journey/flow';
import { expect, test } from './support';
import { PORTAL, servePortal } from './journey-support';

/** The command line, run asynchronously: the fixture portal is served from this process. */
function audit(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/audit.ts', ...args], { cwd: ROOT });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

/** The Recorder export, pointed at this run's loopback port. */
function flowFile(dir: string, name: string, origin: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, fs.readFileSync(path.join(PORTAL, name), 'utf8').replaceAll('http://127.0.0.1:8000', origin));
  return file;
}

test('--flow replays a Recorder export with the real extension: the same counts as clicking through (journey.spec.ts); a step that cannot be replayed stops only its flow', async () => {
  test.setTimeout(240_000);
  const portal = await servePortal();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flow-'));
  try {
    const good = flowFile(dir, 'flow.json', portal.origin);
    const broken = flowFile(dir, 'flow-broken.json', portal.origin);
    const r = await audit(['--format', 'json', '--flow', broken, '--flow', good]);
    expect(r.code, r.err).toBe(1);
    const flows = JSON.parse(r.out) as FlowReport[];
    expect(flows).toHaveLength(2);
    const [bad, ok] = flows as [FlowReport, FlowReport];

    expect(bad.error).toContain('步骤 10（click #no-such-button）');
    expect(bad.error).toContain('selector not found');
    expect(r.err).toContain('步骤 10');
    // What it did record before the failing step is still reported.
    expect(bad.journey).toMatchObject({ clicks: 1, pages: 1, loginPages: 1, status: 'open' });

    expect(ok.error).toBeUndefined();
    expect(ok.flow).toBe('食品经营许可（新办）：从办事指南到在线申报');
    expect(ok.journey).toMatchObject({ clicks: 5, pages: 6, loginPages: 1, reached: true, status: 'reached' });
    expect(Object.keys(ok.journey!.steps[0]!)).toEqual(expect.arrayContaining(['url', 'title', 'kind', 'counted', 'login']));
    expect(ok.journey!.steps.filter((s) => s.kind === 'page' && s.counted).map((s) => new URL(s.url).pathname)).toEqual([
      '/login.html', '/situation.html', '/personal.html', '/situation.html', '/situation.html', '/form.html',
    ]);
    expect(ok.journey!.outcomes.find((o) => o.indicator === 'A3-2')).toMatchObject({ status: 'partial' });
    // Beside the journey: the audit of the guide page it started from, as `--format json` gives it.
    expect(ok.audits).toHaveLength(1);
    expect(ok.audits[0]).toMatchObject({ url: `${portal.origin}/guide.html`, isGuide: true });
    expect((ok.audits[0] as { outcomes: unknown[] }).outcomes.length).toBeGreaterThan(10);

    const csv = await audit(['--format', 'csv', '--flow', good]);
    expect(csv.code, csv.err).toBe(0);
    expect(csv.out.startsWith('\uFEFF"流程 Flow"')).toBe(true);
    expect(csv.out.split('\r\n').filter((l) => l.includes('"page"'))).toHaveLength(6);
  } finally {
    await portal.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
