import { describe, expect, it } from 'vitest';
import { guide, outcomeOf } from '../../helpers';

const E = 'A4-1';
const cut = (legal: string, promised: string, rows: Record<string, string> = {}) =>
  outcomeOf(guide({ 法定办结时限: legal, 承诺办结时限: promised, ...rows }), E);

describe('A4-1 减时间: pass (cut ≥ 70 %)', () => {
  it('20个工作日 → 5个工作日 is a 75 % cut', () => {
    const o = cut('20个工作日', '5个工作日');
    expect(o.status).toBe('pass');
    expect(o.data).toMatchObject({ cut: 0.75, converted: false });
    expect(o.value).toBe('法定20工作日 / 承诺5工作日');
    expect(o.message).toBe('减时间75%，达到70%');
  });

  it('exactly 70 % reaches the target (20 → 6)', () => {
    const o = cut('20个工作日', '6个工作日');
    expect(o.status).toBe('pass');
    expect(o.data.cut).toBe(0.7);
  });

  it('即办 counts as 0 promised days: a 100 % cut', () => {
    const o = cut('二十个工作日', '即办');
    expect(o.status).toBe('pass');
    expect(o.data).toMatchObject({ cut: 1, promisedDays: 0 });
    expect(o.value).toBe('法定20工作日 / 承诺即办');
  });

  it('5(工作日) against 1个工作日', () => {
    expect(cut('5(工作日)', '1个工作日').data.cut).toBe(0.8);
  });

  it('the unit in the label 法定办结时限(工作日) with the value 20', () => {
    const o = outcomeOf(guide({ 法定办结时限: '__omit__', '法定办结时限(工作日)': '20', 承诺办结时限: '5(工作日)' }), E);
    expect(o.status).toBe('pass');
    expect(o.data.cut).toBe(0.75);
  });

  it('20日 → 5日 compares the same unit', () => {
    const o = cut('20日', '5日');
    expect(o.status).toBe('pass');
    expect(o.data).toMatchObject({ cut: 0.75, converted: false });
  });
});

describe('A4-1 减时间: partial (0 < cut < 70 %)', () => {
  it('20个工作日 → 10个工作日 is a 50 % cut', () => {
    const o = cut('20个工作日', '10个工作日');
    expect(o.status).toBe('partial');
    expect(o.data.cut).toBe(0.5);
    expect(o.message).toBe('减时间50%，未达到70%');
  });

  it('工作日 and 自然日 are converted at 5/7 and marked as converted', () => {
    const o = cut('30个自然日', '10个工作日');
    expect(o.status).toBe('partial');
    expect(o.data).toMatchObject({ converted: true, promisedDays: 14, cut: 0.5333 });
    expect(o.message).toContain('工作日与自然日按5/7换算');
  });

  it('the conversion works the other way round too', () => {
    const o = cut('20个工作日', '14个自然日');
    expect(o.data).toMatchObject({ converted: true, cut: 0.5 });
  });
});

describe('A4-1 减时间: fail (cut ≤ 0)', () => {
  it('promised equal to legal', () => {
    const o = cut('15个工作日', '15个工作日');
    expect(o.status).toBe('fail');
    expect(o.data.cut).toBe(0);
    expect(o.message).toContain('承诺时限不短于法定时限');
  });

  it('promised longer than legal', () => {
    const o = cut('15个工作日', '20个工作日');
    expect(o.status).toBe('fail');
    expect(o.data.cut).toBeLessThan(0);
  });
});

describe('A4-1 减时间: na', () => {
  it('no legal limit', () => {
    const o = cut('__omit__', '5个工作日');
    expect(o.status).toBe('na');
    expect(o.message).toBe('没有法定办结时限，不计算减时间');
  });

  it('a legal limit of 0', () => {
    const o = cut('0天', '即办');
    expect(o.status).toBe('na');
    expect(o.message).toBe('法定办结时限为0，不计算减时间');
  });

  it('an empty legal-limit cell', () => {
    expect(cut('', '5个工作日').status).toBe('na');
  });
});

describe('A4-1 减时间: review', () => {
  it('日 against 工作日 cannot be converted', () => {
    const o = cut('20日', '5个工作日');
    expect(o.status).toBe('review');
    expect(o.message).toContain('无法换算');
  });

  it('a promised 0天 without 即办', () => {
    const o = cut('20个工作日', '0天');
    expect(o.status).toBe('review');
    expect(o.message).toContain('未注明即办');
  });

  it('only a bare 办理时限: legal and promised cannot be told apart', () => {
    const o = outcomeOf(guide({ 法定办结时限: '__omit__', 承诺办结时限: '__omit__', 办理时限: '20个工作日' }), E);
    expect(o.status).toBe('review');
    expect(o.message).toContain('无法区分法定和承诺时限');
  });

  it('no promised limit', () => {
    const o = cut('20个工作日', '__omit__');
    expect(o.status).toBe('review');
    expect(o.message).toContain('没有承诺办结时限');
  });
});

describe('A4-1 减时间: garbage input', () => {
  const GARBAGE = ['=HYPERLINK("http://x","y")', '&lt;img src=x onerror=alert(1)&gt;', '——', '详见窗口公告'];

  it('a legal limit written as 无法定时限 is no legal limit: not applicable', () => {
    const o = cut('无法定时限', '5个工作日');
    expect(o.status).toBe('na');
    expect(o.message).toBe('法定办结时限写为“无法定时限”，不计算减时间');
  });

  it.each(GARBAGE)('a legal limit of "%s" does not parse', (value) => {
    const o = cut(value, '5个工作日');
    expect(o.status).toBe('review');
    expect(o.message).toBe('法定办结时限无法解析为天数');
  });

  it.each([...GARBAGE, ''])('a promised limit of "%s" does not parse', (value) => {
    const o = cut('20个工作日', value);
    expect(o.status).toBe('review');
    expect(o.message).toBe('承诺办结时限无法解析为天数');
  });
});
