import { describe, expect, it } from 'vitest';
import { audit, type AuditResult } from '@/lib/audit';
import { startAuditor } from '@/lib/content/auditor';
import { guide } from '../helpers';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('content-script auditor', () => {
  it('audits at once, re-audits when a portal fills the guide in later, and reports only changes', async () => {
    document.body.innerHTML = '<h1>办事指南</h1><div id="app">数据加载中……</div>';
    const reports: AuditResult[] = [];
    const a = startAuditor({ doc: document, report: (s) => reports.push(audit(s)), debounceMs: 20, maxWaitMs: 100 });
    expect(reports.map((r) => r.isGuide)).toEqual([false]);

    document.getElementById('app')!.innerHTML = guide({}).replace(/^.*<body>|<\/body>.*$/g, '');
    await wait(80);
    expect(reports.map((r) => r.isGuide)).toEqual([false, true]);

    document.body.append(document.createElement('span')); // a change that changes no outcome
    await wait(80);
    expect(reports).toHaveLength(2);
    a.stop();
  });

  it('a reading that fails says why (for the popup and the command line) and never throws into the page', () => {
    document.body.innerHTML = '<div id="app">办事指南</div>';
    const app = document.getElementById('app')!;
    // An engine error, as a DOM read that throws in the middle of the walk would cause.
    Object.defineProperty(app, 'firstChild', { configurable: true, get: () => { throw new TypeError('boom'); } });
    const errors: string[] = [];
    const reports: unknown[] = [];
    let a: ReturnType<typeof startAuditor> | undefined;
    expect(() => { a = startAuditor({ doc: document, report: (s) => reports.push(s), onError: (e) => errors.push(e), debounceMs: 20, maxWaitMs: 100 }); }).not.toThrow();
    expect(errors).toEqual(['TypeError: boom']);
    expect(reports).toEqual([]);
    a!.stop();
  });

  it('a change while the page is being read (in slices) drops that reading; the page is read again once quiet', async () => {
    document.body.innerHTML = guide({ 办理地点: '某市某路1号' }).replace(/^.*<body>|<\/body>.*$/g, '');
    const reports: AuditResult[] = [];
    let t = 0;
    // every step "takes" 30 ms: each reading pauses after each step
    const a = startAuditor({
      doc: document, report: (s) => reports.push(audit(s)), debounceMs: 20, maxWaitMs: 2000,
      slices: { budgetMs: 20, now: () => (t += 30), pause: () => new Promise((r) => setTimeout(r, 1)) },
    });
    expect(reports).toHaveLength(0); // still reading
    const cell = [...document.querySelectorAll('th')].find((th) => th.textContent === '办理地点')!.nextElementSibling!;
    cell.textContent = '某市某路2号';
    await wait(300);
    // one report, of the page as it is now: the reading of the old page was dropped
    expect(reports).toHaveLength(1);
    expect(reports[0]!.outcomes.find((o) => o.indicator === 'E1-3')!.value).toContain('某市某路2号');
    a.stop();
  });
});
