import { describe, expect, it } from 'vitest';
import { marksOf, planAll, planOne } from '@/lib/highlight/marks';
import type { Outcome } from '@/lib/outcome';
import { auditHtml, guide } from '../../helpers';

const o = (p: Partial<Outcome>): Outcome => ({
  indicator: 'E1-3', status: 'pass', value: '', message: '', hint: '', missing: [], found: [], data: {}, evidence: {}, ...p,
});

describe('what to outline for an outcome', () => {
  it('a found element with the status and the missing parts in words, not keys', () => {
    expect(marksOf(o({ status: 'partial', missing: ['street', 'room'], evidence: { selector: 'td#a', label: '办理地点' } }))).toEqual([
      { indicator: 'E1-3', status: 'partial', selector: 'td#a', kind: 'found', label: 'E1-3 办理地点 · 不完整：缺少街道/路名、房间号' },
    ]);
  });

  it('a materials table lacking the 出具单位 column is marked dashed where the column was expected', () => {
    const r = auditHtml(guide({}, '<h3>申请材料</h3><table><tr><th>材料名称</th><th>份数</th></tr><tr><td>身份证</td><td>1</td></tr><tr><td>营业执照</td><td>1</td></tr></table>'));
    const [mark] = planOne(r, 'E2-1')!.marks;
    expect(mark).toMatchObject({ kind: 'expected', widen: 'table', status: 'fail' });
    expect(mark!.label).toBe('E2-1 材料来源/出具单位 · 缺失：此处缺少“来源渠道/出具单位”');
  });

  it('nothing to draw without evidence; the outcome is named so the panel can say so', () => {
    const r = auditHtml(guide({}));
    const e16 = r.outcomes.find((x) => x.indicator === 'E1-6')!;
    expect(e16.evidence.selector).toBeUndefined();
    expect(planOne(r, 'E1-6')).toEqual({ marks: [], without: ['E1-6'] });
    expect(planOne(r, 'X9-9')).toBeNull();
  });

  it('all at once: every outcome with evidence, not-applicable ones left out', () => {
    const r = auditHtml(guide({}));
    const plan = planAll(r);
    const withEvidence = r.outcomes.filter((x) => x.status !== 'na' && x.evidence.selector).map((x) => x.indicator);
    expect(plan.marks.map((m) => m.indicator)).toEqual(withEvidence);
    expect(plan.without).toEqual(r.outcomes.filter((x) => x.status !== 'na' && !x.evidence.selector).map((x) => x.indicator));
    expect(plan.marks.some((m) => m.status === 'na')).toBe(false);
  });

  it('page text in a label stays within bounds', () => {
    const [m] = marksOf(o({ status: 'fail', indicator: 'E1-1', missing: Array.from({ length: 30 }, (_, i) => `<img src=x onerror=alert(${i})>`), evidence: { selector: 'p' } }));
    expect(m!.label).toContain('等30项');
    expect(m!.label.length).toBeLessThanOrEqual(400);
  });
});
