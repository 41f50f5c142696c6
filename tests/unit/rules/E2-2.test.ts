import { describe, expect, it } from 'vitest';
import { guide, outcomeOf } from '../../helpers';

const E = 'E2-2';

/** A materials table with the columns 材料名称 / 来源渠道 / 份数 / 空白表格 / 示例样表. */
function materials(rows: [name: string, copies: string][]): string {
  const body = rows
    .map(([name, copies], i) => `<tr><td>${i + 1}</td><td>${name}</td><td>申请人自备</td><td>${copies}</td><td></td><td></td></tr>`)
    .join('');
  return `<h3>申请材料</h3><table class="materials"><tr><th>序号</th><th>材料名称</th><th>来源渠道</th><th>份数</th><th>空白表格</th><th>示例样表</th></tr>${body}</table>`;
}
const copies = (rows: [string, string][]) => outcomeOf(guide({}, materials(rows)), E);

const GOOD: [string, string][] = [
  ['个体工商户登记申请书', '1'],
  ['居民身份证', '复印件1份'],
  ['营业执照', '原件1份，复印件1份'],
];

describe('E2-2 数量要求: pass', () => {
  it('a bare 1 in the 份数 column, 复印件1份 and 原件1份，复印件1份 are all counts', () => {
    const o = copies(GOOD);
    expect(o.status).toBe('pass');
    expect(o.found).toEqual(['个体工商户登记申请书', '居民身份证', '营业执照']);
    expect(o.message).toBe('每项材料都写明了份数');
  });

  it.each(['复印件2份', '两份', '3张', '原件1本', '2套', '两张', '一本'])('%s is a count', (value) => {
    expect(copies([...GOOD, ['租赁合同', value]]).status).toBe('pass');
  });

  it('copies written inline in a <ul><li> list', () => {
    const html =
      '<h3>申请材料</h3><ul><li>《个体工商户登记申请书》原件1份（申请人自备）</li><li>经营者居民身份证复印件1份（申请人自备）</li></ul>';
    expect(outcomeOf(guide({}, html), E).status).toBe('pass');
  });
});

describe('E2-2 数量要求: partial', () => {
  it.each(['若干', '按需'])('%s is not a count', (value) => {
    const o = copies([...GOOD, ['租赁合同', value]]);
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['租赁合同']);
    expect(o.message).toBe('1/4项材料未写明份数：租赁合同');
  });

  it.each(['须1本人签字', '须经2本单位负责人签字'])('%s names no count', (value) => {
    expect(copies([...GOOD, ['租赁合同', value]]).missing).toEqual(['租赁合同']);
  });

  it('0 copies is not a count > 0', () => {
    expect(copies([...GOOD, ['租赁合同', '0']]).missing).toEqual(['租赁合同']);
  });

  it('a numbered <p> list: the proof with no count is named', () => {
    const html =
      '<h3>申请材料</h3><p>1.《工伤复发确认申请表》原件1份（申请人自备）</p><p>2.工伤职工居民身份证复印件1份（申请人自备，验原件）</p>' +
      '<p>3.工伤复发诊断证明（出具单位：工伤保险协议医疗机构）</p>';
    const o = outcomeOf(guide({}, html), E);
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['工伤复发诊断证明']);
  });
});

describe('E2-2 数量要求: fail', () => {
  it('no material states a count', () => {
    const o = copies([['居民身份证', '若干'], ['营业执照', '']]);
    expect(o.status).toBe('fail');
    expect(o.missing).toEqual(['居民身份证', '营业执照']);
    expect(o.message).toBe('2项材料均未写明份数');
  });

  it('a single material without a count is named in the message', () => {
    const o = copies([['居民身份证', '按需']]);
    expect(o.status).toBe('fail');
    expect(o.message).toBe('材料“居民身份证”未写明份数');
  });

  it('no material list', () => {
    const o = outcomeOf(guide({}), E);
    expect(o.status).toBe('fail');
    expect(o.message).toBe('未找到申请材料清单');
  });
});

describe('E2-2 数量要求: garbage input', () => {
  it.each(['=HYPERLINK("http://x","y")', '&lt;img src=x onerror=alert(1)&gt;', '——', '详见窗口公告', ''])(
    'a 份数 cell of "%s" is not a count',
    (value) => {
      const o = copies([...GOOD, ['租赁合同', value]]);
      expect(o.status).toBe('partial');
      expect(o.missing).toEqual(['租赁合同']);
      expect(o.message).toContain('未写明份数');
    },
  );
});
