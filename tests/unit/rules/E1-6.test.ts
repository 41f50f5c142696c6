import { describe, expect, it } from 'vitest';
import { guide, outcomeOf } from '../../helpers';

const E = 'E1-6';
const special = (value: string, extra = '') => outcomeOf(guide({ 特殊环节: value }, extra), E);

/** The Epoint 特殊环节 table (榆林 skeleton): 环节名称 所需时限 法定依据 是否计算在法定办结时限内. */
function specialTable(rows: [string, string][]): string {
  const body = rows
    .map(([name, limit]) => `<tr><td>${name}</td><td>${limit}</td><td>《固定资产投资项目节能审查办法》第八条</td><td>否</td></tr>`)
    .join('');
  return `<h3>特殊环节</h3><table><tr><th>环节名称</th><th>所需时限</th><th>法定依据</th><th>是否计算在法定办结时限内</th></tr>${body}</table>`;
}

const PROCESS_WITH_SURVEY =
  '<h3>办理流程</h3><p>1.申请。申请人提交材料。</p><p>2.受理(2个工作日)。窗口工作人员对材料进行审查。</p>' +
  '<p>3.现场勘查(5个工作日)。审查人员到项目现场进行勘查。</p><p>4.决定(2个工作日)。</p>';

describe('E1-6 特殊环节: pass', () => {
  it('a process that checks a 检测（评价）报告 names a document, not a 检测 procedure', () => {
    const process = '<h3>办理流程</h3><p>1.受理（1个工作日）。</p><p>2.审查（2个工作日）。核对卫生检测（评价）报告结论合格，依据评审意见提出审查意见。</p>';
    expect(special('无', process).status).toBe('pass');
  });

  it('a procedure named again in its note is one procedure', () => {
    const o = outcomeOf(guide({}, '<h3>特殊环节</h3><div><p><b>特殊环节名称</b>现场勘查</p><p><b>特殊环节时限</b>—</p><p><b>说明</b>由管理科组织现场勘查，勘查时间不计入办结时限。</p></div>'), E);
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['现场勘查:time-limit']);
  });

  it.each(['无', '不涉及'])('a section that says %s', (value) => {
    const o = special(value);
    expect(o.status).toBe('pass');
    expect(o.message).toBe('特殊环节/中介服务：无');
  });

  it('a 中介服务 field that says 无', () => {
    expect(outcomeOf(guide({ 中介服务: '无' }), E).status).toBe('pass');
  });

  it('a heading 特殊环节 followed by a paragraph 无', () => {
    expect(outcomeOf(guide({}, '<div><h3>特殊环节</h3><p>无</p></div>'), E).status).toBe('pass');
  });

  it('专家评审 listed with its time limit', () => {
    const o = special('专家评审（15个工作日）');
    expect(o.status).toBe('pass');
    expect(o.found).toEqual(['专家评审']);
    expect(o.message).toBe('特殊环节专家评审均写明时限');
  });

  it('the Guangxi wording 机构评审：15个工作日', () => {
    expect(special('机构评审：15个工作日').status).toBe('pass');
  });

  it('a 特别程序 paragraph with a Chinese-numeral limit', () => {
    const o = outcomeOf(guide({}, '<p>特别程序：专家评审，时限二十个工作日</p>'), E);
    expect(o.status).toBe('pass');
  });

  it('a 特殊环节 table whose row gives the limit', () => {
    const o = outcomeOf(guide({}, specialTable([['专家评审', '15个工作日']])), E);
    expect(o.status).toBe('pass');
    expect(o.found).toEqual(['专家评审']);
  });

  // Engine bug (reported): a 特殊环节 table whose only row says 无 is sent to review,
  // because the section's text is read with the column headers. The book: "pass: the section
  // states there are none (无)".
  it('a 特殊环节 table whose only row says 无', () => {
    const html = '<h3>特殊环节</h3><table><tr><th>环节名称</th><th>所需时限</th></tr><tr><td>无</td><td></td></tr></table>';
    expect(outcomeOf(guide({}, html), E).status).toBe('pass');
  });
});

describe('E1-6 特殊环节: partial', () => {
  it('专家评审 listed without a time limit', () => {
    const o = special('专家评审');
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['专家评审:time-limit']);
    expect(o.message).toBe('特殊环节专家评审未写明时限');
  });

  it('a table row with an empty 所需时限 cell', () => {
    const o = outcomeOf(guide({}, specialTable([['专家评审', '15个工作日'], ['现场勘查', '']])), E);
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['现场勘查:time-limit']);
    expect(o.found).toEqual(['专家评审', '现场勘查']);
  });

  it('"不计算在法定办结时限内" is not a time limit', () => {
    const html = '<h3>特殊环节</h3><table><tr><th>环节名称</th><th>所需时限</th></tr><tr><td>专家评审</td><td>不计算在法定办结时限内</td></tr></table>';
    const o = outcomeOf(guide({}, html), E);
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['专家评审:time-limit']);
  });

  it('numbered procedures: the one without a number of days is named', () => {
    const o = outcomeOf(
      guide({}, '<div><h3>特殊环节</h3><p>1.劳动能力鉴定：时限60个自然日，不计算在办结时限内。</p><p>2.医疗机构复查：所需时间不计算在办结时限内。</p></div>'),
      E,
    );
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['医疗机构复查:time-limit']);
  });

  it('two procedures in one line, one with and one without a limit', () => {
    const o = special('现场勘查，时限5个工作日；听证');
    expect(o.missing).toEqual(['听证:time-limit']);
  });
});

describe('E1-6 特殊环节: fail', () => {
  it('no section at all', () => {
    const o = outcomeOf(guide({}), E);
    expect(o.status).toBe('fail');
    expect(o.message).toBe('未找到特殊环节/中介服务栏目');
  });

  it('the process mentions 现场勘查 but there is no 特殊环节 section', () => {
    const o = outcomeOf(guide({}, PROCESS_WITH_SURVEY), E);
    expect(o.status).toBe('fail');
    expect(o.message).toContain('特殊环节未单列');
    expect(o.message).toContain('现场勘查');
    expect(o.value).toContain('现场勘查');
  });

  it('a section label with an empty cell', () => {
    const o = special('');
    expect(o.status).toBe('fail');
    expect(o.message).toBe('特殊环节栏目没有内容');
  });
});

describe('E1-6 特殊环节: review', () => {
  it('the section says 无 but the process mentions 现场勘查: a person must decide', () => {
    const o = special('无', PROCESS_WITH_SURVEY);
    expect(o.status).toBe('review');
    expect(o.message).toContain('现场勘查');
  });
});

describe('E1-6 特殊环节: garbage input', () => {
  it.each(['=HYPERLINK("http://x","y")', '&lt;img src=x onerror=alert(1)&gt;', '——', '详见窗口公告'])(
    '%s in the section cannot be read and goes to a person',
    (value) => {
      const o = special(value);
      expect(o.status).toBe('review');
      expect(o.message).toContain('无法识别其中的环节');
    },
  );
});
