import './node-blob';
import { describe, expect, it } from 'vitest';
import { auditRecords, histories, itemRows, filterRows, sortRows, departmentStats, verdictMap, changeOf, type AuditRecord, type VerdictRecord } from '@/lib/store';
import { auditHtml, guide } from '../../helpers';

async function record(rows: Record<string, string>, at: number, dept?: string): Promise<AuditRecord> {
  const [r] = await auditRecords({ ...auditHtml(guide({ ...rows, ...(dept ? { 实施主体: dept } : {}) })), auditedAt: at }, null);
  r.item.department = dept ?? r.item.department;
  return r;
}

describe('dashboard figures', () => {
  it('changes per indicator follow the rule of issue 6', () => {
    expect(changeOf(undefined, 'fail')).toBe('new');
    expect(changeOf('partial', 'pass')).toBe('fixed');
    expect(changeOf('fail', 'pass')).toBe('fixed');
    expect(changeOf('pass', 'fail')).toBe('regressed');
    expect(changeOf('pass', 'partial')).toBe('regressed');
    expect(changeOf('review', 'pass')).toBe('changed');
    expect(changeOf('fail', 'partial')).toBe('changed');
    expect(changeOf('na', 'na')).toBe('unchanged');
  });

  it('averages the cut and counts 即办 and 零跑动 per department, with the reviewer\'s verdicts', async () => {
    const audits = [
      await record({ 实施编码: '11231281MB193827494000117000001', 法定办结时限: '20个工作日', 承诺办结时限: '2个工作日', 到办事现场次数: '0次' }, 1, '甲局'),
      await record({ 实施编码: '11231281MB193827494000117000002', 法定办结时限: '20个工作日', 承诺办结时限: '10个工作日', 到办事现场次数: '1次' }, 2, '甲局'),
      await record({ 实施编码: '11231281MB193827494000117000003', 法定办结时限: '20个工作日', 承诺办结时限: '即办', 到办事现场次数: '0次' }, 3, '乙局'),
    ];
    const verdicts: VerdictRecord[] = [{ itemKey: audits[1]!.itemKey, indicator: 'A4-3', status: 'pass', reason: 'elsewhere', note: '', reviewer: '', at: 1, autoStatus: 'fail' }];
    const rows = itemRows(histories(audits).values(), verdictMap(verdicts));
    const [all, jia, yi] = departmentStats(rows);
    expect(all!.items).toBe(3);
    expect(all!.cut.average).toBeCloseTo((0.9 + 0.5 + 1) / 3);
    expect(all!.instant).toEqual({ n: 1, of: 3, rate: 1 / 3 });
    expect(all!.zeroVisits).toEqual({ n: 3, of: 3, rate: 1 }); // the verdict turned item 2 into 零跑动
    expect(jia!.department).toBe('甲局');
    expect(jia!.cut.average).toBeCloseTo(0.7);
    expect(yi!.instant.rate).toBe(1);
    expect(all!.passRate['E1-1']).toEqual({ n: 3, of: 3, rate: 1 });
  });

  it('filters by department, indicator status, change and date, and sorts', async () => {
    const audits = [
      await record({ 实施编码: '11231281MB193827494000117000001' }, 1000, '甲局'),
      await record({ 实施编码: '11231281MB193827494000117000001', 办理地点: '灵山县江南路5号政务服务中心3楼302室5号窗口' }, 2000, '甲局'),
      await record({ 实施编码: '11231281MB193827494000117000002' }, 3000, '乙局'),
    ];
    const rows = itemRows(histories(audits).values(), new Map());
    expect(rows).toHaveLength(2);
    expect(filterRows(rows, { department: '乙局' }).map((r) => r.code)).toEqual(['11231281MB193827494000117000002']);
    expect(filterRows(rows, { change: 'fixed' }).map((r) => r.department)).toEqual(['甲局']);
    expect(filterRows(rows, { indicator: 'E1-3', status: 'fail' }).map((r) => r.department)).toEqual(['乙局']);
    expect(filterRows(rows, { from: 2500 }).map((r) => r.department)).toEqual(['乙局']);
    expect(filterRows(rows, { text: '000001' })).toHaveLength(1);
    expect(sortRows(rows, { key: 'date', desc: true }).map((r) => r.department)).toEqual(['乙局', '甲局']);
    expect(sortRows(rows, { key: 'department', desc: false }).map((r) => r.department)).toEqual(['甲局', '乙局']);
    const [item] = filterRows(rows, { department: '甲局' });
    expect(item!.audits).toBe(2);
    expect(item!.changes['E1-3']).toBe('fixed');
  });
});
