import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CLI_FIXTURES, FIXTURES, expect, parseJson, runCli, test } from './support';

// Every result belongs to its own target and is taken when the audit has settled.

test('a target cannot forge a later target: each result comes from the target\'s own tab', async () => {
  const dir = path.join(CLI_FIXTURES, 'forge');
  for (const concurrency of ['1', '3']) {
    const run = await runCli(['--format', 'json', '--concurrency', concurrency, path.join(dir, 'first.html'), path.join(dir, 'second.html')]);
    const [first, second] = parseJson(run);
    expect(first.isGuide).toBe(false);
    expect(second.url).toMatch(/\/forge\/second\.html$/);
    expect(second.isGuide).toBe(true);
    expect(second.item.name).toBe('公共场所卫生许可（真实）');
    expect(second.outcomes.find((o: any) => o.indicator === 'E1-1').status).toBe('partial'); // 20日: its real defect
  }
});

/** The GBK bytes of a string, built from the platform's own GBK decoder (no encoder in Node). */
function gbk(text: string): Buffer {
  const table = new Map<string, number[]>();
  const dec = new TextDecoder('gbk');
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [a, b]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else bytes.push(...(table.get(ch) ?? [0x3f]));
  }
  return Buffer.from(bytes);
}

test('a GBK page is read in GBK; a page that decodes to mojibake is an error, not "not a guide"', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gbk-'));
  const body = (charset: string) => `<!doctype html><html><head><meta charset="${charset}"><title>个体工商户设立登记</title></head><body>
<h1>个体工商户设立登记</h1><table>
<tr><th>事项名称</th><td>个体工商户设立登记</td></tr><tr><th>实施编码</th><td>11231281MB193827494000117001000</td></tr>
<tr><th>法定办结时限</th><td>15个工作日</td></tr><tr><th>承诺办结时限</th><td>3个工作日</td></tr>
<tr><th>办理地点</th><td>安达市长青路118号政务服务中心203室12号窗口</td></tr><tr><th>设定依据</th><td>《促进个体工商户发展条例》第八条</td></tr>
</table></body></html>`;
  fs.writeFileSync(path.join(dir, 'gbk.html'), gbk(body('gbk')));
  fs.writeFileSync(path.join(dir, 'gb2312.html'), gbk(body('gb2312')));
  fs.writeFileSync(path.join(dir, 'wrong.html'), gbk(body('utf-8'))); // GBK bytes that claim UTF-8
  try {
    const run = await runCli(['--format', 'json', ...['gbk.html', 'gb2312.html', 'wrong.html'].map((f) => path.join(dir, f))]);
    const [gbkPage, gb2312Page, wrong] = parseJson(run);
    for (const p of [gbkPage, gb2312Page]) {
      expect(p.isGuide).toBe(true);
      expect(p.item.name).toBe('个体工商户设立登记');
      expect(p.outcomes.find((o: any) => o.indicator === 'E1-3').status).toBe('pass');
    }
    expect(wrong.error).toContain('乱码');
    expect(run.code).toBe(1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('an image that never loads does not discard the result; a guide rendered 3 s after load is audited without --wait-for', async () => {
  const guide = fs.readFileSync(path.join(FIXTURES, 'prose-numbered.html'), 'utf8').replace('</body>', '<img src="/never.png" alt=""></body>');
  const held: http.ServerResponse[] = [];
  const server = http.createServer((req, res) => {
    if (req.url === '/never.png') return void held.push(res); // never answered
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(guide);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const run = await runCli(['--format', 'json', `${origin}/guide.html`, path.join(CLI_FIXTURES, 'late-render.html')]);
    const [slow, late] = parseJson(run);
    expect(slow.error).toBeUndefined();
    expect(slow.isGuide).toBe(true);
    expect(slow.item.name).toBe('工伤复发申请确认');
    expect(late.isGuide).toBe(true);
    expect(late.item.name).toBe('食品经营许可（新办）');
    expect(late.outcomes.find((o: any) => o.indicator === 'E1-1').status).toBe('pass');
    expect(run.code).toBe(0);

    // --wait-for: a selector that never appears is a clear error once --timeout-ms is over.
    const never = await runCli(['--format', 'json', '--wait-for', '#no-such-thing', '--timeout-ms', '2000', `${origin}/guide.html`]);
    expect(parseJson(never)[0].error).toContain('--wait-for');
  } finally {
    for (const r of held) r.destroy();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});

test('a page with no <script> that renders from an event-handler attribute is waited for, not taken as it first looks', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handler-'));
  // The guide is in a <template> until the body's onload handler adds it, 1.5 s later.
  fs.writeFileSync(path.join(dir, 'onload.html'), `<!doctype html><html><head><meta charset="utf-8"><title>办事指南</title></head>
<body onload="setTimeout(function () { document.body.append(document.getElementById('guide').content.cloneNode(true)); }, 1500)">
<p>加载中…</p><template id="guide"><h1>个体工商户设立登记</h1><table>
<tr><th>事项名称</th><td>个体工商户设立登记</td></tr><tr><th>实施编码</th><td>11231281MB193827494000117001000</td></tr>
<tr><th>法定办结时限</th><td>15个工作日</td></tr><tr><th>承诺办结时限</th><td>3个工作日</td></tr>
<tr><th>办理地点</th><td>安达市长青路118号政务服务中心203室12号窗口</td></tr><tr><th>设定依据</th><td>《促进个体工商户发展条例》第八条</td></tr>
</table></template></body></html>`);
  try {
    const [page] = parseJson(await runCli(['--format', 'json', path.join(dir, 'onload.html')]));
    expect(page.isGuide).toBe(true);
    expect(page.item.name).toBe('个体工商户设立登记');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a page that refreshes to the guide (Refresh header or <meta http-equiv="refresh">) is audited where it lands', async () => {
  const guide = fs.readFileSync(path.join(FIXTURES, 'prose-numbered.html'), 'utf8');
  const server = http.createServer((req, res) => {
    const html = { 'content-type': 'text/html; charset=utf-8' };
    if (req.url === '/header') return void res.writeHead(200, { ...html, refresh: '1; url=/guide' }).end('<!doctype html><p>正在跳转…</p>');
    if (req.url === '/meta') return void res.writeHead(200, html).end('<!doctype html><meta http-equiv="refresh" content="1; url=/guide"><p>正在跳转…</p>');
    res.writeHead(200, html).end(guide);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const pages = parseJson(await runCli(['--format', 'json', `${origin}/header`, `${origin}/meta`]));
    for (const p of pages) {
      expect(p.isGuide).toBe(true);
      expect(p.item.name).toBe('工伤复发申请确认');
    }
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});

test('page text with escape sequences and bidi controls reaches no JSON or CSV cell', async () => {
  const file = path.join(CLI_FIXTURES, 'hostile-text.html');
  const json = await runCli(['--format', 'json', file]);
  const [page] = parseJson(json);
  expect(page.isGuide).toBe(true);
  const strings: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') strings.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(page);
  // eslint-disable-next-line no-control-regex
  const bad = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\[31m|\[0m|\[2J/;
  expect(strings.filter((s) => bad.test(s))).toEqual([]);
  expect(page.item.name).toBe('个体工商户设立登记');

  const csv = await runCli(['--format', 'csv', file]);
  expect(csv.out.startsWith('\uFEFF')).toBe(true);
  expect(csv.out.slice(1).replace(/\r\n/g, '')).not.toMatch(bad);
  expect(csv.out).toContain('"个体工商户设立登记"');
});

test('--concurrency audits several pages at once and reports them in the order given; seconds per extra page', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'many-'));
  const names = ['defects', 'prose-numbered', 'hidden-tabs', 'old-layout-tables', 'minimal-mobile', 'not-a-guide-news', 'heilongjiang-grid', 'chongqing-cards', 'shanghai-cards'];
  for (const n of names) fs.copyFileSync(path.join(FIXTURES, `${n}.html`), path.join(dir, `${n}.html`));
  try {
    const time = async (files: string[]) => {
      const t0 = Date.now();
      const run = await runCli(['--format', 'json', ...files.map((n) => path.join(dir, `${n}.html`))]);
      return { seconds: (Date.now() - t0) / 1000, pages: parseJson(run) };
    };
    const one = await time(names.slice(0, 1));
    const all = await time(names);
    expect(all.pages.map((p) => path.basename(p.url, '.html'))).toEqual(names);
    expect(all.pages.every((p) => !p.error)).toBe(true);
    expect(all.pages.map((p) => p.isGuide)).toEqual(names.map((n) => n !== 'not-a-guide-news'));
    const perExtra = (all.seconds - one.seconds) / (names.length - 1);
    // A figure, not an assertion: printed for the README (machine load changes it).
    console.log(`command line: 1 page ${one.seconds.toFixed(1)} s, ${names.length} pages ${all.seconds.toFixed(1)} s → ${perExtra.toFixed(2)} s per extra page (concurrency 3)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
