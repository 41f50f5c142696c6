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

describe('extract/pairs: notes beside a label, and forms beside the guide', () => {
  it('an English gloss in its own element is part of the label, never the value', () => {
    expect(pairs('<table><tr><th>承诺办结时限<span class="en">Promised time limit</span></th><td>5个工作日</td></tr></table>')).toEqual([['promisedLimit', '5个工作日', 'pair']]);
    expect(pairs('<div class="row"><span>咨询方式</span><span class="en">Enquiries</span>：021-68581122</div>')).toEqual([['enquiry', '021-68581122', 'pair']]);
  });

  it('a unit note under the label stays with the label', () => {
    const { doc, w } = read('<div class="van-cell"><div class="van-cell__title"><span>法定办结时限</span><div class="van-cell__label">单位：工作日</div></div><div class="van-cell__value"><span>20</span></div></div>');
    const [hit] = findPairs(doc, w, () => false);
    expect([hit!.key, hit!.value, hit!.label]).toEqual(['legalLimit', '20', '法定办结时限\n单位：工作日']);
  });

  it('labelled but empty inputs of a form are not values', () => {
    expect(pairs('<form><div class="item"><label>联系电话</label><div><input type="text" placeholder="请输入手机号码"></div></div>' +
      '<div class="item"><label>办理地点</label><div class="select"><span>请选择办理地点</span></div></div><div><button>提交预约</button></div></form>')).toEqual([]);
  });

  it('label variants come from the synonym data: 唯一码（事项编码）, 去现场次数, 法 定 期 限', () => {
    expect(pairs('<table><tr><td>唯一码（事项编码）</td><td>X</td><td>去现场次数</td><td>1次</td><td>法 定 期 限</td><td>20个工作日</td></tr></table>').map((h) => h[0])).toEqual(['taskCode', 'visits', 'legalLimit']);
  });
});
