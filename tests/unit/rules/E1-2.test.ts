import { describe, expect, it } from 'vitest';
import { guide, outcomeOf } from '../../helpers';

const E = 'E1-2';
const promised = (value: string, extra = '') => outcomeOf(guide({ 承诺办结时限: value }, extra), E);

describe('E1-2 承诺办结时限: pass', () => {
  it.each([
    ['3个工作日', 3, '工作日'],
    ['5(工作日)', 5, '工作日'],
    ['二十个工作日', 20, '工作日'],
    ['10个自然日', 10, '自然日'],
  ])('%s passes and records the number and unit', (value, days, unit) => {
    const o = promised(value);
    expect(o.status).toBe('pass');
    expect(o.data).toMatchObject({ days, unit, instant: false });
  });

  it.each(['即办', '当场办结', '当场办理', '即时办结'])('%s passes as handled on the spot', (value) => {
    const o = promised(value);
    expect(o.status).toBe('pass');
    expect(o.data).toMatchObject({ instant: true });
    expect(o.message).toContain('即办');
  });

  it('a 0 that says 即办 is a pass: the book only objects to 0 without 即办', () => {
    const o = promised('即办（0个工作日）');
    expect(o.status).toBe('pass');
    expect(o.data.instant).toBe(true);
  });

  it('a unit in the label 承诺办结时限(工作日) counts as stated', () => {
    const o = outcomeOf(guide({ 承诺办结时限: '__omit__', '承诺办结时限(工作日)': '3' }), E);
    expect(o.status).toBe('pass');
    expect(o.data).toMatchObject({ days: 3, unit: '工作日' });
  });

  it('the label synonym 服务承诺 is read as the promised limit', () => {
    const o = outcomeOf(guide({ 承诺办结时限: '__omit__', 服务承诺: '5个工作日' }), E);
    expect(o.status).toBe('pass');
    expect(o.evidence.label).toBe('服务承诺');
  });

  it('is found in a <p>标签：值</p> layout', () => {
    const o = outcomeOf(guide({ 承诺办结时限: '__omit__' }, '<p>承诺办结时限：即办</p>'), E);
    expect(o.status).toBe('pass');
    expect(o.data.instant).toBe(true);
  });

  it('is found in a dl/dt/dd layout', () => {
    const o = outcomeOf(guide({ 承诺办结时限: '__omit__' }, '<dl><dt>承诺办结时限</dt><dd>5(工作日)</dd></dl>'), E);
    expect(o.status).toBe('pass');
    expect(o.data).toMatchObject({ days: 5, unit: '工作日' });
  });
});

describe('E1-2 承诺办结时限: partial', () => {
  it('20日 lacks the 工作日/自然日 unit', () => {
    const o = promised('20日');
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['unit']);
    expect(o.data).toMatchObject({ days: 20, unit: '日' });
  });

  it('0天 without 即办 is flagged: no number > 0 and no unit', () => {
    const o = promised('0天');
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['number', 'unit']);
    expect(o.message).toContain('时限为0且未注明即办');
  });
});

describe('E1-2 承诺办结时限: fail', () => {
  it('no promised limit on the page', () => {
    const o = promised('__omit__');
    expect(o.status).toBe('fail');
    expect(o.message).toBe('未找到承诺办结时限');
  });

  it('a label with an empty cell', () => {
    const o = promised('');
    expect(o.status).toBe('fail');
    expect(o.message).toContain('标签下没有内容');
  });
});

describe('E1-2 承诺办结时限: garbage input', () => {
  it.each(['=HYPERLINK("http://x","y")', '&lt;img src=x onerror=alert(1)&gt;', '——', '详见窗口公告'])(
    '%s is a partial, never a pass',
    (value) => {
      const o = promised(value);
      expect(o.status).toBe('partial');
      expect(o.missing).toContain('number');
      expect(o.message).toContain('未写明具体天数');
    },
  );
});
