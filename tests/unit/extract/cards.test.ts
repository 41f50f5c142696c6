import { describe, expect, it } from 'vitest';
import { columnRuns, itemsOf, pairsIn } from '@/lib/extract/cards';
import type { RawHit } from '@/lib/extract/hit';
import { read } from './dom';

const section = (el: Element, value = ''): RawHit => ({ key: 'materials', label: '申请材料', labelNode: el, nodes: [el], value, how: 'pair' });

describe('extract/cards: the repeated items of a section', () => {
  it('picks the cards that carry details over the rows inside them', () => {
    const { doc, w } = read('<div id="s"><div class="card"><p>身份证</p><p>来源：申请人自备 份数：1份</p></div>' +
      '<div class="card active"><p>营业执照</p><p>来源：市场监管局 份数：1份</p></div></div>');
    const items = itemsOf(section(doc.getElementById('s')!), w, 'material');
    expect(items.map((i) => i.text.split('\n')[0])).toEqual(['身份证', '营业执照']);
  });

  it('falls back to numbered lines of one block', () => {
    const { doc, w } = read('<div id="s">1、身份证<br>2、营业执照</div>');
    const el = doc.getElementById('s')!;
    expect(itemsOf(section(el, w.textOf(el)), w, 'material').map((i) => i.text)).toEqual(['1、身份证', '2、营业执照']);
  });

  it('reads detail labels and text runs inside a card', () => {
    const { doc, w } = read('<li id="c"><span>户籍证明</span><em>来源渠道</em>：政府部门核发 <em>份数</em>：原件1份</li>');
    const card = doc.getElementById('c')!;
    expect(pairsIn(card, 'material', w, w.candidates.filter((x) => card.contains(x.node)))).toEqual({ source: '政府部门核发', copies: '原件1份' });
  });

  it('splits run-together spans at column labels, with the name before them', () => {
    expect(columnRuns('户籍证明来源渠道：政府部门核发份数：原件1份', 'material')).toEqual({
      lead: '户籍证明',
      runs: [{ col: 'source', value: '政府部门核发' }, { col: 'copies', value: '原件1份' }],
    });
  });
});
