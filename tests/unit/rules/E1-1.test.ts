import { describe, expect, it } from 'vitest';
import { guide, outcomeOf } from '../../helpers';

const E = 'E1-1';
const legal = (value: string, extra = '') => outcomeOf(guide({ 法定办结时限: value }, extra), E);
const withoutRow = (extra: string, rows: Record<string, string> = {}) => outcomeOf(guide({ 法定办结时限: '__omit__', ...rows }, extra), E);

describe('E1-1 法定办结时限: pass', () => {
  it.each([
    ['20个工作日', 20, '工作日'],
    ['15工作日', 15, '工作日'],
    ['5(工作日)', 5, '工作日'],
    ['30个自然日', 30, '自然日'],
    ['二十个工作日', 20, '工作日'],
  ])('%s passes and records the number and unit', (value, days, unit) => {
    const o = legal(value);
    expect(o.status).toBe('pass');
    expect(o.missing).toEqual([]);
    expect(o.data).toMatchObject({ days, unit });
    expect(o.value).toBe(value);
    expect(o.message).toBe(`法定办结时限为${days}个${unit}`);
  });

  it('a unit in the label 法定办结时限(工作日) counts as stated for a bare 20', () => {
    const o = withoutRow('', { '法定办结时限(工作日)': '20' });
    expect(o.status).toBe('pass');
    expect(o.data).toMatchObject({ days: 20, unit: '工作日' });
  });

  it('a full-width bracket in the label 法定办结时限（工作日） works the same', () => {
    const o = withoutRow('', { '法定办结时限（工作日）': '20' });
    expect(o.status).toBe('pass');
    expect(o.data).toMatchObject({ days: 20, unit: '工作日' });
  });

  it('records where it was found: the matched label', () => {
    expect(legal('20个工作日').evidence.label).toBe('法定办结时限');
  });
});

describe('E1-1 法定办结时限: partial', () => {
  it.each([
    ['20日', 20, '日'],
    ['20天', 20, '天'],
    ['1个月', 1, '月'],
  ])('%s has a number but no 工作日/自然日, so the unit is missing', (value, days, unit) => {
    const o = legal(value);
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['unit']);
    expect(o.data).toMatchObject({ days, unit });
    expect(o.message).toContain('未注明“工作日”或“自然日”');
  });

  it('0天 is neither a number > 0 nor a stated unit', () => {
    const o = legal('0天');
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['number', 'unit']);
    expect(o.data).toMatchObject({ days: 0 });
    expect(o.message).toContain('时限为0');
  });

  it('0个工作日 has the unit but no number > 0', () => {
    const o = legal('0个工作日');
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['number']);
  });

  it('prose with a Chinese numeral and 日 is read as 20 days of an unstated unit', () => {
    const o = legal('自受理之日起二十日内做出行政许可决定');
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['unit']);
    expect(o.data).toMatchObject({ days: 20, unit: '日' });
  });

  it('即办 is not a legal time limit (only the promised limit may be 即办)', () => {
    const o = legal('即办');
    expect(o.status).toBe('partial');
    expect(o.missing).toContain('number');
  });
});

describe('E1-1 法定办结时限: fail', () => {
  it('no legal limit on the page', () => {
    const o = withoutRow('');
    expect(o.status).toBe('fail');
    expect(o.message).toBe('未找到法定办结时限');
    expect(o.hint).not.toBe('');
  });

  it('a label with an empty cell', () => {
    const o = legal('');
    expect(o.status).toBe('fail');
    expect(o.message).toContain('标签下没有内容');
  });
});

describe('E1-1 法定办结时限: the ambiguous bare 办理时限', () => {
  it('is used when no legal limit exists, and the message says so', () => {
    const o = outcomeOf(guide({ 法定办结时限: '__omit__', 承诺办结时限: '__omit__', 办理时限: '20个工作日' }), E);
    expect(o.status).toBe('pass');
    expect(o.data).toMatchObject({ days: 20 });
    expect(o.message).toContain('页面未区分法定/承诺时限');
    expect(o.evidence.label).toBe('办理时限');
  });

  it('is ignored when a 法定办结时限 is present', () => {
    const o = outcomeOf(guide({ 法定办结时限: '20个工作日', 办理时限: '5个工作日' }), E);
    expect(o.data).toMatchObject({ days: 20 });
    expect(o.message).not.toContain('未区分');
  });
});

describe('E1-1 法定办结时限: layouts', () => {
  it.each([
    ['dl/dt/dd', '<dl><dt>法定办结时限</dt><dd>20个工作日</dd></dl>'],
    ['<p>标签：值</p>', '<p>法定办结时限：20个工作日</p>'],
    ['span.label + value', '<div><span class="label">法定办结时限：</span><span>20个工作日</span></div>'],
  ])('is found in a %s layout', (_layout, html) => {
    const o = withoutRow(html);
    expect(o.status).toBe('pass');
    expect(o.data).toMatchObject({ days: 20, unit: '工作日' });
  });
});

describe('E1-1 法定办结时限: written as none', () => {
  it.each(['无', '无法定时限', '法律法规未作规定'])('%s states no legal limit: fail, with what the page says', (value) => {
    const o = legal(value);
    expect(o.status).toBe('fail');
    expect(o.message).toBe(`法定办结时限写为“${value}”，未给出时限`);
  });

  it('无 inside prose is not a statement of none', () => {
    expect(legal('无需等待，20日内办结').status).toBe('partial');
  });
});

describe('E1-1 法定办结时限: garbage input', () => {
  it.each(['=HYPERLINK("http://x","y")', '&lt;img src=x onerror=alert(1)&gt;', '——', '详见窗口公告'])(
    '%s is a partial with no number, never a pass',
    (value) => {
      const o = legal(value);
      expect(o.status).toBe('partial');
      expect(o.missing).toEqual(['number', 'unit']);
      expect(o.message).toContain('未写明具体天数');
    },
  );

  it('escaped markup stays text in the recorded value', () => {
    expect(legal('&lt;img src=x onerror=alert(1)&gt;').value).toBe('<img src=x onerror=alert(1)>');
  });
});
