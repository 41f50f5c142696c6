import { describe, expect, it } from 'vitest';
import { guide, outcomeOf } from '../../helpers';

const E = 'A4-4';
const instant = (rows: Record<string, string>, extra = '') => outcomeOf(guide(rows, extra), E);

describe('A4-4 即办: pass (the item is 即办)', () => {
  it.each(['即办', '当场办结', '当场办理', '即时办结'])('a promised limit of %s', (value) => {
    const o = instant({ 承诺办结时限: value });
    expect(o.status).toBe('pass');
    expect(o.data.instant).toBe(true);
    expect(o.message).toBe('即办事项');
  });

  it('办件类型 即办件 without a promised limit', () => {
    const o = instant({ 承诺办结时限: '__omit__', 办件类型: '即办件' });
    expect(o.status).toBe('pass');
    expect(o.data.instant).toBe(true);
    expect(o.evidence.label).toBe('办件类型');
  });

  it('即办 with 办件类型 承诺件 keeps the pass and notes the clash', () => {
    const o = instant({ 承诺办结时限: '即办', 办件类型: '承诺件' });
    expect(o.status).toBe('pass');
    expect(o.message).toContain('但办件类型写为承诺件');
  });

  it('即办件 with a promised 3个工作日 keeps the pass and notes the clash', () => {
    const o = instant({ 承诺办结时限: '3个工作日', 办件类型: '即办件' });
    expect(o.status).toBe('pass');
    expect(o.message).toContain('但承诺时限为3');
  });

  it('a <p>标签：值</p> layout', () => {
    expect(instant({ 承诺办结时限: '__omit__' }, '<p>承诺办结时限：当场办结</p>').status).toBe('pass');
  });
});

describe('A4-4 即办: fail (not 即办)', () => {
  it('a promised limit in working days', () => {
    const o = instant({ 承诺办结时限: '3个工作日' });
    expect(o.status).toBe('fail');
    expect(o.data.instant).toBe(false);
    expect(o.message).toBe('非即办');
  });

  it('办件类型 承诺件 is quoted in the message', () => {
    const o = instant({ 办件类型: '承诺件' });
    expect(o.status).toBe('fail');
    expect(o.message).toBe('非即办（办件类型：承诺件）');
  });

  it('0天 is not 即办', () => {
    expect(instant({ 承诺办结时限: '0天' }).data.instant).toBe(false);
  });

  it('no promised limit and no 办件类型', () => {
    expect(instant({ 承诺办结时限: '__omit__' }).status).toBe('fail');
  });
});

describe('A4-4 即办: garbage input', () => {
  it.each(['=HYPERLINK("http://x","y")', '&lt;img src=x onerror=alert(1)&gt;', '——', '详见窗口公告', ''])(
    'a promised limit of "%s" is not 即办',
    (value) => {
      const o = instant({ 承诺办结时限: value });
      expect(o.status).toBe('fail');
      expect(o.data.instant).toBe(false);
      expect(o.message).toContain('非即办');
    },
  );
});
