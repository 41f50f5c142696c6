import { describe, expect, it } from 'vitest';
import type { AuditResult } from '@/lib/audit';
import { startAuditor } from '@/lib/content/auditor';
import { guide } from '../helpers';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('content-script auditor', () => {
  it('audits at once, re-audits when a portal fills the guide in later, and reports only changes', async () => {
    document.body.innerHTML = '<h1>办事指南</h1><div id="app">数据加载中……</div>';
    const reports: AuditResult[] = [];
    const a = startAuditor({ doc: document, ctx: { cutTarget: 0.7 }, report: (r) => reports.push(r), debounceMs: 20, maxWaitMs: 100 });
    expect(reports.map((r) => r.isGuide)).toEqual([false]);

    document.getElementById('app')!.innerHTML = guide({}).replace(/^.*<body>|<\/body>.*$/g, '');
    await wait(80);
    expect(reports.map((r) => r.isGuide)).toEqual([false, true]);

    document.body.append(document.createElement('span')); // a change that changes no outcome
    await wait(80);
    expect(reports).toHaveLength(2);
    a.stop();
  });
});
