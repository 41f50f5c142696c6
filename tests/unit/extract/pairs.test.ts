import { describe, expect, it } from 'vitest';
import { attributeHits, findPairs } from '@/lib/extract/pairs';
import { read } from './dom';

const pairs = (body: string) => {
  const { doc, w } = read(body);
  return findPairs(doc, w, () => false).map((h) => [h.key, h.value, h.how]);
};

describe('extract/pairs: a label and the value beside it', () => {
  it('reads th | td rows and td.label + td', () => {
    expect(pairs('<table><tr><th>法定办结时限</th><td>20个工作日</td><th>承诺办结时限</th><td>5个工作日</td></tr></table>')).toEqual([
      ['legalLimit', '20个工作日', 'pair'],
      ['promisedLimit', '5个工作日', 'pair'],
    ]);
  });

  it('reads dt / dd and a label span followed by text', () => {
    expect(pairs('<dl><dt>办理地点：</dt><dd>安达市民主街2号</dd></dl><p><span>办理时间：</span>周一至周五</p>')).toEqual([
      ['address', '安达市民主街2号', 'pair'],
      ['hours', '周一至周五', 'pair'],
    ]);
  });

  it('stops a value at the next label', () => {
    expect(pairs('<div><strong>咨询电话：</strong>0455-7771234 <strong>监督电话：</strong>12345</div>')).toEqual([
      ['enquiry', '0455-7771234', 'pair'],
      ['complaint', '12345', 'pair'],
    ]);
  });

  it('keeps an empty value slot (th | empty td) but not a bare label', () => {
    expect(pairs('<table><tr><th>办理时间</th><td></td></tr></table>')).toEqual([['hours', '', 'pair']]);
    expect(pairs('<p><span>办理时间</span>：</p>')).toEqual([]);
  });

  it('takes the figure above a tile caption', () => {
    expect(pairs('<div class="tile"><b>3</b><span>承诺时限(工作日)</span></div>')).toEqual([['promisedLimit', '3', 'pair']]);
  });

  it('skips labels inside tables read by column', () => {
    const { doc, w } = read('<table id="t"><tr><th>事项类型</th><td>行政许可</td></tr></table>');
    const t = doc.getElementById('t')!;
    expect(findPairs(doc, w, (n) => t.contains(n))).toEqual([]);
  });

  it('reads a label held in an attribute', () => {
    const { w } = read('<p title="办理地点"><i class="icon-addr"></i>安达市民主街2号</p>');
    expect(attributeHits(w).map((h) => [h.key, h.value])).toEqual([['address', '安达市民主街2号']]);
  });
});
