import { describe, expect, it } from 'vitest';
import { guide, outcomeOf } from '../../helpers';

const E = 'E3-2';
const visits = (value: string, rows: Record<string, string> = {}) => outcomeOf(guide({ 到办事现场次数: value, ...rows }), E);

describe('E3-2 到办事现场次数: pass', () => {
  it.each([
    ['0次', 0],
    ['零次', 0],
    ['零跑动', 0],
    ['不见面', 0],
    ['1次', 1],
    ['两次', 2],
    ['最多跑一次', 1],
  ])('%s is a count of %i', (value, n) => {
    const o = visits(value);
    expect(o.status).toBe('pass');
    expect(o.data.visits).toBe(n);
    expect(o.message).toContain(`到办事现场次数${n}次`);
  });

  it('a count > 0 without a reason keeps the pass and says the reason is missing', () => {
    const o = visits('1次');
    expect(o.status).toBe('pass');
    expect(o.message).toBe('到办事现场次数1次；未说明必须到现场办理的原因');
  });

  it('a count > 0 with 必须现场办理原因说明 says nothing more', () => {
    const o = visits('1次', { 必须现场办理原因说明: '需现场核验居民身份证原件' });
    expect(o.status).toBe('pass');
    expect(o.message).toBe('到办事现场次数1次');
  });

  it('0次 needs no reason', () => {
    expect(visits('0次').message).toBe('到办事现场次数0次');
  });

  it.each([
    ['到现场大厅次数', '0次', 0],
    ['最多跑几次', '最多跑一次', 1],
    ['跑动次数', '0次', 0],
  ])('the label %s is read as the visit count', (label, value, n) => {
    const o = outcomeOf(guide({ [label]: value }), E);
    expect(o.status).toBe('pass');
    expect(o.data.visits).toBe(n);
    expect(o.evidence.label).toBe(label);
  });

  it('<p>标签：值</p> lines with the reason on the next line', () => {
    const o = outcomeOf(guide({}, '<p>到办事现场次数：1次</p><p>必须现场办理原因说明：需现场核验工伤职工居民身份证及病历原件。</p>'), E);
    expect(o.status).toBe('pass');
    expect(o.data.visits).toBe(1);
    expect(o.message).not.toContain('未说明');
  });
});

describe('E3-2 到办事现场次数: partial', () => {
  it('the label is there with no count', () => {
    const o = visits('详见窗口公告');
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['count']);
    expect(o.message).toBe('到办事现场次数未写明具体次数');
  });

  it('the label is there with an empty cell', () => {
    const o = visits('');
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['count']);
    expect(o.message).toBe('到办事现场次数标签下没有内容');
  });
});

describe('E3-2 到办事现场次数: fail', () => {
  it('no visit count on the page', () => {
    const o = outcomeOf(guide({}), E);
    expect(o.status).toBe('fail');
    expect(o.message).toBe('未找到到办事现场次数');
  });
});

describe('E3-2 到办事现场次数: garbage input', () => {
  it.each(['=HYPERLINK("http://x","y")', '&lt;img src=x onerror=alert(1)&gt;', '——'])('%s has no count', (value) => {
    const o = visits(value);
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['count']);
    expect(o.message).toContain('未写明具体次数');
  });
});
