import { describe, expect, it } from 'vitest';
import { addLinks, linkOf } from '@/lib/extract/links';
import type { Material } from '@/lib/snapshot';
import { read } from './dom';

const material = (): Material => ({ name: '申请表', text: '', blank: [], sample: [], path: '' });

describe('extract/links: links and what they download', () => {
  it('a link is usable with an href, a handler, a download attribute or a data-url', () => {
    const { doc, w } = read('<a id="a" href="f.doc">下载</a><a id="b" href="javascript:void(0)">下载</a><a id="c" href="#" onclick="dl(1)">下载</a><span id="d" data-url="/f.pdf">下载</span>');
    expect(['a', 'b', 'c', 'd'].map((id) => linkOf(doc.getElementById(id)!, w).usable)).toEqual([true, false, true, true]);
  });

  it('sorts links into blank and sample forms by text, title or column; flow charts are neither', () => {
    const { doc, w } = read('<a href="1">空白表格</a><a href="2" title="示例样表">查看</a><a href="3">下载</a><a href="4">流程图下载</a><a href="5">附件</a>');
    const m = material();
    addLinks(m, Array.from(doc.querySelectorAll('a')), w, (a) => (a.getAttribute('href') === '5' ? 'sample' : undefined));
    expect(m.blank.map((l) => l.href)).toEqual(['1', '3']);
    expect(m.sample.map((l) => l.href)).toEqual(['2', '5']);
  });
});
