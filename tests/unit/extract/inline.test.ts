import { describe, expect, it } from 'vitest';
import { findInline } from '@/lib/extract/inline';
import type { RawHit } from '@/lib/extract/hit';
import { read } from './dom';

const inline = (body: string) => {
  const { w } = read(body);
  const hits: RawHit[] = [];
  findInline(w, hits);
  return hits.map((h) => [h.key, h.label, h.value]);
};

describe('extract/inline: 标签：值 runs in text', () => {
  it('reads several labelled values on one line', () => {
    expect(inline('<p>法定时限：20个工作日 承诺时限：5个工作日</p>')).toEqual([
      ['legalLimit', '法定时限', '20个工作日'],
      ['promisedLimit', '承诺时限', '5个工作日'],
    ]);
  });

  it('keeps a bracketed unit with the label and trims trailing punctuation', () => {
    expect(inline('<div>咨询电话(工作日)：0455-7771234；</div>')).toEqual([['enquiry', '咨询电话(工作日)', '0455-7771234']]);
  });

  it('reads each line of a block on its own', () => {
    expect(inline('<p>办理地点：民主街2号<br>办理时间：周一至周五</p>')).toEqual([
      ['address', '办理地点', '民主街2号'],
      ['hours', '办理时间', '周一至周五'],
    ]);
  });

  it('needs the label at a word boundary and a colon', () => {
    expect(inline('<p>本事项的法定时限为20个工作日</p>')).toEqual([]);
  });
});

describe('extract/inline: bilingual labels', () => {
  it('the English words before the colon belong to the label', () => {
    expect(inline('<p>咨询方式 Enquiries：021-68581122</p>')).toEqual([['enquiry', '咨询方式 Enquiries', '021-68581122']]);
  });
});
