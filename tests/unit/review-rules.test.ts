import { describe, expect, it } from 'vitest';
import { audit } from '@/lib/audit';
import { checkAddress } from '@/lib/parse/address';
import { depthLevel } from '@/lib/parse/depth';
import { checkHours } from '@/lib/parse/hours';
import { checkPhones } from '@/lib/parse/phone';
import { settingsFromForm } from '@/lib/settings';
import { guide, materialsTable, outcomeOf, snapshotOf } from '../helpers';
import { shown } from './panel/i18n-mock';

// Values from real guides that once produced a wrong pass or a wrong partial.
describe('no wrong pass on negated or incidental 即办', () => {
  it.each(['非即办件', '不能当场办结', '需当场提交原件，办结时间另行通知'])('承诺办结时限 “%s” is not 即办', (v) => {
    const html = guide({ 承诺办结时限: v });
    expect(outcomeOf(html, 'E1-2').status).toBe('partial');
    expect(outcomeOf(html, 'A4-4').status).toBe('fail');
    expect(outcomeOf(html, 'A4-1').status).toBe('review');
  });

  it('当场受理，20个工作日内办结 states 20 working days', () => {
    const o = outcomeOf(guide({ 承诺办结时限: '当场受理，20个工作日内办结' }), 'E1-2');
    expect(o.data).toMatchObject({ days: 20, unit: '工作日', instant: false });
  });

  it('办件类型 非即办件 is not 即办', () => {
    expect(outcomeOf(guide({ 办件类型: '非即办件' }), 'A4-4').status).toBe('fail');
  });

  it('A4-1: no cut fails even when the target is set to 0', () => {
    const s = snapshotOf(guide({ 法定办结时限: '20个工作日', 承诺办结时限: '20个工作日' }));
    expect(audit(s, { cutTarget: 0 }).outcomes.find((o) => o.indicator === 'A4-1')!.status).toBe('fail');
  });
});

describe('parsers on real values', () => {
  it('address parts', () => {
    expect(checkAddress('人民路5号政务服务中心社保窗口3楼305室').missing).toEqual(['window']); // 3楼 is a floor
    expect(checkAddress('中央大街8号201室3号窗口').missing).toEqual([]);
    expect(checkAddress('人民广场8号政务大厅201室3号窗口（公交12路）').missing).toEqual(['street']);
    expect(checkAddress('长青路8号B座综合窗口201室').missing).toEqual(['window']);
  });

  it('two places separated by a comma are judged apart', () => {
    const o = outcomeOf(guide({ 办理地点: '人民路5号201室，北京路8号3号窗口' }), 'E1-3');
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['room', 'window']);
  });

  it('dates are not opening hours; 0455-777-1234 is a phone; 非全程网办 is not level 4', () => {
    expect(checkHours('周一至周五（2024-10-01至2024-10-07暂停办理）').ranges).toEqual([]);
    expect(checkHours('周一至周五 上午8:30-12 下午1:30-5:00').ranges).toHaveLength(2);
    expect(checkPhones('咨询电话：0455-777-1234').full).toEqual(['0455-777-1234']);
    expect(depthLevel('非全程网办')).toBeUndefined();
    expect(depthLevel('Ⅳ')?.level).toBe(4);
  });

  it('several visit counts: E3-2 states them, A4-3 asks for review', () => {
    const html = guide({ 到办事现场次数: '网上办理0次，窗口办理1次' });
    expect(outcomeOf(html, 'E3-2').status).toBe('pass');
    expect(outcomeOf(html, 'A4-3').status).toBe('review');
    expect(outcomeOf(guide({ 到办事现场次数: '0（全程网办）' }), 'A4-3').status).toBe('pass');
  });
});

describe('tables portals really use', () => {
  it('limits in brackets and units in the header count as time limits', () => {
    const steps = '<h3>办理流程</h3><table><tr><th>环节</th><th>办理人员</th><th>办理时限（工作日）</th><th>审查标准</th></tr>' +
      '<tr><td>受理</td><td>窗口受理人员</td><td>1</td><td>申请材料齐全、符合法定形式</td></tr>' +
      '<tr><td>决定</td><td>分管副局长</td><td>3（工作日）</td><td>符合法定条件的作出准予许可决定</td></tr></table>';
    expect(outcomeOf(guide({}, steps), 'E3-1').status).toBe('pass');
    expect(outcomeOf(guide({ 特殊环节: '专家评审：15（工作日）' }), 'E1-6').status).toBe('pass');
  });

  it('an Epoint special-procedure table whose only row is 无 | 无 | 无 | 否 | 否 says none', () => {
    const html = guide({}, '<h3>特殊环节</h3><table><tr><th>环节名称</th><th>所需时限</th><th>法定依据</th><th>是否收费</th><th>是否计算在法定办结时限内</th></tr><tr><td>无</td><td>无</td><td>无</td><td>否</td><td>否</td></tr></table>');
    expect(outcomeOf(html, 'E1-6').status).toBe('pass');
  });

  it('E2-1: the label 出具单位 is not an issuing body', () => {
    const html = guide({}, '<h3>申请材料</h3><ul><li><span>户籍证明</span><span>出具单位：政府部门核发</span><span>份数：原件1份</span></li><li><span>居民身份证</span><span>来源渠道：申请人自备</span><span>份数：复印件1份</span></li></ul>');
    const o = outcomeOf(html, 'E2-1');
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['户籍证明']);
    expect(outcomeOf(guide({}, materialsTable([['户籍证明', '', '']]).replace('申请人自备', '政府部门核发')), 'E2-1').status).toBe('fail');
  });
});

describe('label synonyms from the settings', () => {
  it('are matched the way page labels are (brackets, colons), and never steal a built-in label', () => {
    const { settings, errors } = settingsFromForm('*.gov.cn', '法定办结时限：法定审批期限（工作日）、承诺办结时限', '70');
    expect(settings).toBeUndefined();
    expect(shown(errors.labels[0])).toContain('已是其他要素的标签');
    const ok = settingsFromForm('*.gov.cn', '法定办结时限：法定 审批期限', '70');
    expect(ok.settings!.labels).toEqual({ legalLimit: ['法定 审批期限'] });
  });
});
