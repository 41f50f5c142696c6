import { afterEach, describe, expect, it, vi } from 'vitest';
import { audit, type AuditResult } from '@/lib/audit';
import { startAuditor } from '@/lib/content/auditor';
import { guide } from '../helpers';

const body = (html: string) => html.replace(/^.*<body>|<\/body>.*$/g, '');
const until = async (cond: () => boolean) => {
  for (let i = 0; i < 1500 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  return cond();
};

describe('the auditor follows a page that changes in place', { timeout: 30_000 }, () => {
  let stop = () => {};
  afterEach(() => {
    stop();
    vi.useRealTimers();
    history.replaceState(null, '', '/');
  });

  it('a replaced <html> element (document.open/write, a script) is observed and re-audited', async () => {
    document.body.innerHTML = '<p>数据加载中……</p>';
    const reports: AuditResult[] = [];
    stop = startAuditor({ doc: document, report: (s) => reports.push(audit(s)), debounceMs: 10, maxWaitMs: 50, watchMs: 20 }).stop;
    expect(reports.map((r) => r.isGuide)).toEqual([false]);

    const html = document.createElement('html');
    html.innerHTML = `<head><title>新页面</title></head><body>${body(guide({}))}</body>`;
    document.documentElement.remove();
    document.append(html);
    expect(await until(() => reports.length === 2)).toBe(true);
    expect(reports[1]!.isGuide).toBe(true);

    // The new root is watched: a change inside it is audited too.
    const cell = [...document.querySelectorAll('th')].find((th) => th.textContent === '承诺办结时限')!.nextElementSibling!;
    cell.textContent = '20日';
    expect(await until(() => reports.length === 3)).toBe(true);
    expect(reports[2]!.outcomes.find((o) => o.indicator === 'A4-1')!.value).not.toBe(reports[1]!.outcomes.find((o) => o.indicator === 'A4-1')!.value);
  });

  it('a pushState that changes no DOM still gets a fresh result for the new URL', async () => {
    document.body.innerHTML = body(guide({}));
    const reports: AuditResult[] = [];
    stop = startAuditor({ doc: document, report: (s) => reports.push(audit(s)), debounceMs: 10, maxWaitMs: 50, watchMs: 20 }).stop;
    expect(reports).toHaveLength(1);
    history.pushState(null, '', '/guide/42');
    expect(await until(() => reports.length === 2)).toBe(true);
    expect(reports[1]!.url).toMatch(/\/guide\/42$/);
    expect(reports[1]!.isGuide).toBe(true);
  });

  it('a micro-frontend that renders the guide inside an open shadow root later is observed there', async () => {
    document.body.innerHTML = '<guide-app></guide-app>';
    const shadow = document.querySelector('guide-app')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>加载中</p>';
    const reports: AuditResult[] = [];
    stop = startAuditor({ doc: document, report: (s) => reports.push(audit(s)), debounceMs: 10, maxWaitMs: 50, watchMs: 10_000 }).stop;
    expect(reports.map((r) => r.isGuide)).toEqual([false]);
    const app = document.createElement('div');
    app.innerHTML = body(guide({}));
    shadow.querySelector('p')!.after(app); // (happy-dom hangs on insertAdjacentHTML inside a shadow root)
    expect(await until(() => reports.length === 2)).toBe(true);
    expect(reports[1]!.isGuide).toBe(true);
  });

  it('a page that rewrites a guide value every 10 ms is re-audited less and less often, and promptly again once it settles', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = body(guide({ 办理地点: '某市某路1号' }));
    const address = [...document.querySelectorAll('th')].find((th) => th.textContent === '办理地点')!.nextElementSibling!;
    let audits = 0;
    stop = startAuditor({ doc: document, report: () => audits++, debounceMs: 400, maxWaitMs: 2500 }).stop;
    audits = 0;
    for (let i = 0; i < 6000; i++) { // 60 s of a value that never stops changing
      address.textContent = `某市某路${i}号`;
      await vi.advanceTimersByTimeAsync(10);
    }
    // Without backing off this is one audit every 2.5 s (24); with it, 2.5 + 5 + 10 + 20 s…
    expect(audits).toBeLessThanOrEqual(5);
    expect(audits).toBeGreaterThanOrEqual(3);
    await vi.advanceTimersByTimeAsync(60_000); // the page falls quiet: its last value is read
    const settled = audits;
    address.textContent = '某市某路终点号';
    await vi.advanceTimersByTimeAsync(500);
    expect(audits).toBe(settled + 1);
  });
});
