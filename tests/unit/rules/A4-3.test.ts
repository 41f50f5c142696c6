import { describe, expect, it } from 'vitest';
import { guide, outcomeOf } from '../../helpers';

const E = 'A4-3';
const zeroVisits = (value: string) => outcomeOf(guide({ 到办事现场次数: value }), E);

describe('A4-3 减跑动: pass (0 visits)', () => {
  it.each(['0次', '零次', '零跑动', '不见面'])('%s is zero visits', (value) => {
    const o = zeroVisits(value);
    expect(o.status).toBe('pass');
    expect(o.data.visits).toBe(0);
    expect(o.message).toBe('零跑动（到现场0次）');
  });

  it('the Epoint label 到现场大厅次数 is read as well', () => {
    expect(outcomeOf(guide({ 到现场大厅次数: '0次' }), E).status).toBe('pass');
  });
});

describe('A4-3 减跑动: fail (visits > 0)', () => {
  it.each([
    ['1次', 1],
    ['最多跑一次', 1],
    ['两次', 2],
  ])('%s is not zero visits', (value, n) => {
    const o = zeroVisits(value);
    expect(o.status).toBe('fail');
    expect(o.data.visits).toBe(n);
    expect(o.message).toBe(`需到现场${n}次`);
    expect(o.hint).not.toBe('');
  });

  it('a <p>标签：值</p> layout', () => {
    const o = outcomeOf(guide({}, '<p>到办事现场次数：1次</p>'), E);
    expect(o.status).toBe('fail');
    expect(o.data.visits).toBe(1);
  });
});

describe('A4-3 减跑动: review (unknown)', () => {
  it('no visit count on the page', () => {
    const o = outcomeOf(guide({}), E);
    expect(o.status).toBe('review');
    expect(o.message).toBe('到办事现场次数未知，无法判断是否零跑动');
  });

  it('a label with an empty cell', () => {
    expect(zeroVisits('').status).toBe('review');
  });
});

describe('A4-3 减跑动: garbage input', () => {
  it.each(['=HYPERLINK("http://x","y")', '&lt;img src=x onerror=alert(1)&gt;', '——', '详见窗口公告'])(
    '%s is an unknown count',
    (value) => {
      const o = zeroVisits(value);
      expect(o.status).toBe('review');
      expect(o.message).toContain('到办事现场次数未知');
    },
  );
});
