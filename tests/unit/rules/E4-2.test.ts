import { describe, expect, it } from 'vitest';
import { guide, materialsTable as materials, outcomeOf } from '../../helpers';

const E = 'E4-2';
const DOC = '<a href="/files/sqb.docx">下载</a>';
const SAMPLE = '<a href="/files/sqb-example.pdf">下载</a>';

const sample = (rows: [string, string, string][], rowsOfGuide: Record<string, string> = {}) => outcomeOf(guide(rowsOfGuide, materials(rows)), E);

const forms = (firstSample: string) =>
  sample([
    ['个体工商户登记申请书', DOC, firstSample],
    ['居民身份证', '', ''],
    ['经营者承诺书', DOC, SAMPLE],
  ]);

describe('E4-2 样表下载: pass', () => {
  it('every form material links its sample', () => {
    const o = forms(SAMPLE);
    expect(o.status).toBe('pass');
    expect(o.found).toEqual(['个体工商户登记申请书', '经营者承诺书']);
    expect(o.message).toBe('2项表格类材料均提供示例样表下载');
  });

  it('a <ul><li> list whose form carries 【示例样表】 next to 【空白表格下载】', () => {
    const html =
      '<h3>申请材料</h3><ul><li>《个体工商户登记申请书》原件1份（申请人自备）<a href="/files/sqb.docx">【空白表格下载】</a>' +
      '<a href="/files/sqb-sl.pdf">【示例样表】</a></li><li>经营者居民身份证复印件1份（申请人自备）</li></ul>';
    expect(outcomeOf(guide({}, html), E).status).toBe('pass');
  });
});

describe('E4-2 样表下载: partial', () => {
  it('one of two forms has no sample link', () => {
    const o = forms('');
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['个体工商户登记申请书']);
    expect(o.message).toBe('1/2项材料未写明示例样表下载：个体工商户登记申请书');
  });

  it('a sample link that leads nowhere (javascript:void(0)) does not count', () => {
    expect(forms('<a href="javascript:void(0)">下载</a>').missing).toEqual(['个体工商户登记申请书']);
  });
});

describe('E4-2 样表下载: fail', () => {
  it('no form has a sample link', () => {
    const o = sample([['个体工商户登记申请书', DOC, ''], ['经营者承诺书', DOC, '']]);
    expect(o.status).toBe('fail');
    expect(o.missing).toEqual(['个体工商户登记申请书', '经营者承诺书']);
  });

  it('a blank-form link is not a sample (numbered <p> list with only 【空白表格下载】)', () => {
    const html = '<h3>申请材料</h3><p>1.《工伤复发确认申请表》原件1份（申请人自备）<a href="/files/gsffqrsqb.docx">【空白表格下载】</a></p><p>2.工伤职工居民身份证复印件1份（申请人自备）</p>';
    const o = outcomeOf(guide({}, html), E);
    expect(o.status).toBe('fail');
    expect(o.missing).toEqual(['《工伤复发确认申请表》']);
  });

  it('a 样表下载 link outside the materials block (in the 审批结果 row) does not count', () => {
    const o = sample([['个体工商户登记申请书', DOC, '']], { 审批结果: '个体工商户营业执照 <a href="/f/yyzz.pdf">样表下载</a>' });
    expect(o.status).toBe('fail');
    expect(o.missing).toEqual(['个体工商户登记申请书']);
  });

  it('no material list', () => {
    expect(outcomeOf(guide({}), E).status).toBe('fail');
  });
});

describe('E4-2 样表下载: na', () => {
  it('no material is a form to fill in', () => {
    const o = sample([['居民身份证', '', ''], ['营业执照', '', '']]);
    expect(o.status).toBe('na');
    expect(o.message).toContain('不适用');
  });
});

describe('E4-2 样表下载: garbage input', () => {
  it.each(['=HYPERLINK("http://x","y")', '&lt;img src=x onerror=alert(1)&gt;', '——', '详见窗口公告'])(
    'a 示例样表 cell with the text "%s" and no link is not a sample',
    (text) => {
      const o = forms(text);
      expect(o.status).toBe('partial');
      expect(o.missing).toEqual(['个体工商户登记申请书']);
      expect(o.message).toContain('未写明示例样表下载');
    },
  );
});
