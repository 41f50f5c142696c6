import { describe, expect, it } from 'vitest';
import { fieldOfText, groupWithin, stripNumbering, tidy } from '@/lib/extract/hit';
import { read } from './dom';

describe('extract/hit: text helpers every part shares', () => {
  it('collapses spaces but keeps lines', () => {
    expect(tidy('  法定\u3000时限 \n\n  20个工作日  ')).toBe('法定 时限\n20个工作日');
  });

  it('knows a label with its colon, unit suffix or a numbered heading', () => {
    expect(fieldOfText('法定办结时限（工作日）：')).toBe('legalLimit');
    expect(fieldOfText('五特殊环节')).toBe('special');
    expect(fieldOfText('三、申请材料')).toBe('materials');
    expect(fieldOfText('办理时限说明：本事项自受理之日起二十个工作日内办结')).toBeUndefined();
  });

  it('strips list numbering, not numbers that are part of the name', () => {
    expect(stripNumbering('1、居民身份证')).toBe('居民身份证');
    expect(stripNumbering('（二）营业执照')).toBe('营业执照');
    expect(stripNumbering('(1)、建设工程规划许可证')).toBe('建设工程规划许可证');
    expect(stripNumbering('③ 申请书')).toBe('申请书');
    expect(stripNumbering('2024年度报告')).toBe('2024年度报告');
  });

  it('groups items under the nearest container', () => {
    const { doc } = read('<ul><li id="a"><b>x</b><i>y</i></li><li id="b"><b>z</b></li></ul>');
    const a = doc.getElementById('a')!;
    const b = doc.getElementById('b')!;
    const got = groupWithin(Array.from(doc.querySelectorAll('b,i')), (e) => e, [a, b]);
    expect(got.get(a)!.map((e) => e.textContent)).toEqual(['x', 'y']);
    expect(got.get(b)!.map((e) => e.textContent)).toEqual(['z']);
  });
});

describe('extract/hit: required marks', () => {
  it('a required mark before a material name is not part of it', () => {
    expect(stripNumbering('* 不动产权证书')).toBe('不动产权证书');
    expect(stripNumbering('※1、申请表')).toBe('申请表');
  });
});
