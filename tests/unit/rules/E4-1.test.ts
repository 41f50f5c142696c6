import { describe, expect, it } from 'vitest';
import { guide, materialsTable as materials, outcomeOf } from '../../helpers';

const E = 'E4-1';
const DOC = '<a href="/files/sqb.docx">下载</a>';
const SAMPLE = '<a href="/files/sqb-example.pdf">下载</a>';

const blank = (rows: [string, string, string][], rowsOfGuide: Record<string, string> = {}) => outcomeOf(guide(rowsOfGuide, materials(rows)), E);

/** Two forms (申请书, 承诺书) and an ID card that is not a form; the first form's blank link varies. */
const forms = (firstBlank: string) =>
  blank([
    ['个体工商户登记申请书', firstBlank, SAMPLE],
    ['居民身份证', '', ''],
    ['经营者承诺书', DOC, SAMPLE],
  ]);

describe('E4-1 空表下载: pass', () => {
  it('every form material links its blank form; the ID card is not a form', () => {
    const o = forms(DOC);
    expect(o.status).toBe('pass');
    expect(o.found).toEqual(['个体工商户登记申请书', '经营者承诺书']);
    expect(o.message).toBe('2项表格类材料均提供空白表格下载');
  });

  it('a link with a download handler (onclick) leads somewhere', () => {
    expect(forms('<a href="javascript:;" onclick="downloadFile(\'a1b2\')">下载</a>').status).toBe('pass');
  });

  it('a Guangdong attachment link (data-attach) leads somewhere', () => {
    expect(forms('<a class="matters-detail-attach" data-attach=\'[{"FILEPATH":"x.docx"}]\'>下载</a>').status).toBe('pass');
  });

  it('a <ul><li> list whose form carries 【空白表格下载】', () => {
    const html =
      '<h3>申请材料</h3><ul><li>《个体工商户登记申请书》原件1份（申请人自备）<a href="/files/sqb.docx">【空白表格下载】</a></li>' +
      '<li>经营者居民身份证复印件1份（申请人自备）</li></ul>';
    const o = outcomeOf(guide({}, html), E);
    expect(o.status).toBe('pass');
    expect(o.found).toEqual(['《个体工商户登记申请书》']);
  });
});

describe('E4-1 空表下载: partial', () => {
  it('one of two forms has no blank-form link', () => {
    const o = forms('');
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['个体工商户登记申请书']);
    expect(o.message).toBe('1/2项材料未写明空白表格下载：个体工商户登记申请书');
  });

  it.each(['<a href="javascript:void(0)">下载</a>', '<a href="#">下载</a>', '<a>下载</a>'])(
    'a link that leads nowhere (%s) does not count',
    (link) => {
      const o = forms(link);
      expect(o.status).toBe('partial');
      expect(o.missing).toEqual(['个体工商户登记申请书']);
    },
  );
});

describe('E4-1 空表下载: fail', () => {
  it('no form has a blank-form link', () => {
    const o = blank([['个体工商户登记申请书', '', ''], ['经营者承诺书', '', '']]);
    expect(o.status).toBe('fail');
    expect(o.missing).toEqual(['个体工商户登记申请书', '经营者承诺书']);
  });

  it('a material of type 申请表格文书 is a form even when its name does not say so', () => {
    const html =
      '<h3>申请材料</h3><table><tr><th>材料名称</th><th>材料类型</th><th>来源渠道</th><th>份数</th><th>空白表格</th></tr>' +
      '<tr><td>节能报告</td><td>申请表格文书</td><td>申请人自备</td><td>1</td><td></td></tr>' +
      '<tr><td>项目核准文件</td><td>证件证书证明</td><td>发展改革局</td><td>1</td><td></td></tr></table>';
    const o = outcomeOf(guide({}, html), E);
    expect(o.status).toBe('fail');
    expect(o.missing).toEqual(['节能报告']);
  });

  it('no material list', () => {
    const o = outcomeOf(guide({}), E);
    expect(o.status).toBe('fail');
    expect(o.message).toBe('未找到申请材料清单');
  });
});

describe('E4-1 空表下载: na', () => {
  it('no material is a form to fill in', () => {
    const o = blank([['居民身份证', '', ''], ['营业执照', '', '']]);
    expect(o.status).toBe('na');
    expect(o.message).toContain('不适用');
  });
});

describe('E4-1 空表下载: garbage input', () => {
  it.each(['=HYPERLINK("http://x","y")', '&lt;img src=x onerror=alert(1)&gt;', '——', '详见窗口公告'])(
    'a 空白表格 cell with the text "%s" and no link is not a download',
    (text) => {
      const o = forms(text);
      expect(o.status).toBe('partial');
      expect(o.missing).toEqual(['个体工商户登记申请书']);
      expect(o.message).toContain('未写明空白表格下载');
    },
  );
});
