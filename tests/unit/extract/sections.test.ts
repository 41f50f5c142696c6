import { describe, expect, it } from 'vitest';
import type { RawHit } from '@/lib/extract/hit';
import { findPairs } from '@/lib/extract/pairs';
import { distinctSections, listEntries, mostSpecific, sectionOf } from '@/lib/extract/sections';
import { read } from './dom';

const hitsOf = (body: string) => {
  const { doc, w } = read(body);
  return { doc, w, hits: findPairs(doc, w, () => false) };
};

describe('extract/sections: where a label stands', () => {
  it('a step’s 办理时限 stands in the process; the footer’s phone in the footer', () => {
    const { doc, w, hits } = hitsOf('<div><h3>办理流程</h3><div>1.受理 <span>办理时限：</span>1个工作日</div></div><div class="footer"><span>联系电话：</span>12345</div>');
    const within = sectionOf(w, hits, []);
    const limit = hits.find((h) => h.key === 'anyLimit')!;
    const phone = hits.find((h) => h.key === 'enquiry')!;
    expect(within(limit.labelNode)).toBe('process');
    expect(within(phone.labelNode)).toBe('footer');
    expect(within(doc.querySelector('h3')!)).toBe(undefined);
  });

  it('marks alike entries that each link to their own guide as a list of other items', () => {
    const entry = (n: number) => `<li><a href="/item/${n}">事项${n}</a><span>承诺时限：</span>${n}个工作日</li>`;
    const { w, hits } = hitsOf(`<ul>${entry(1)}${entry(2)}${entry(3)}</ul>`);
    const listing = listEntries(hits, w);
    expect(listing.entries).toBe(3);
    expect(hits.filter((h) => listing.hits.has(h.labelNode)).length).toBe(3);
  });

  it('a pane holding its own pairs of the field is the container, not the value', () => {
    const { hits } = hitsOf('<ul class="tabs"><li><a href="#a">办理地点</a></li><li><a href="#t">办理时间</a></li></ul><div id="a"><p><span>具体地址：</span>民主街2号</p></div><div id="t">周一至周五</div>');
    expect(hits.filter((h) => h.key === 'address').length).toBe(2);
    expect(mostSpecific(hits).filter((h) => h.key === 'address').map((h) => h.value)).toEqual(['民主街2号']);
  });

  it('a nav link, its heading and its section are read once', () => {
    const { doc } = read('<div id="a"><div id="b">x</div></div><div id="c">y</div>');
    const hit = (id: string): RawHit => ({ key: 'materials', label: '申请材料', labelNode: doc.getElementById(id)!, nodes: [doc.getElementById(id)!], value: '', how: 'pair' });
    expect(distinctSections([hit('a'), hit('b'), hit('c')]).map((h) => (h.labelNode as Element).id)).toEqual(['a', 'c']);
  });
});
