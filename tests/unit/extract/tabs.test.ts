import { describe, expect, it } from 'vitest';
import { findPairs } from '@/lib/extract/pairs';
import { tabPaneByIndex, tabTarget } from '@/lib/extract/tabs';
import { read } from './dom';

describe('extract/tabs: tabs and the panes they switch', () => {
  it('follows href="#id", aria-controls and data-* to the pane', () => {
    const { doc } = read('<a id="a" href="#p1">申请材料</a><li id="b" aria-controls="p2">办理流程</li><span id="c" data-pane="p3">设定依据</span>' +
      '<div id="p1">身份证</div><div id="p2">受理</div><div id="p3">《条例》</div>');
    expect(tabTarget(doc, doc.getElementById('a')!)?.id).toBe('p1');
    expect(tabTarget(doc, doc.getElementById('b')!)?.id).toBe('p2');
    expect(tabTarget(doc, doc.getElementById('c')!)?.id).toBe('p3');
  });

  it('switches panes by index when the tabs name none', () => {
    const { doc, w } = read('<ul class="tabs"><li>申请材料</li><li id="t2">办理流程</li></ul><div class="panes"><div>身份证</div><div>1.受理 2.审查</div></div>');
    const pane = tabPaneByIndex(doc.getElementById('t2')!, new Set(), w);
    expect(pane?.textContent).toBe('1.受理 2.审查');
  });

  it('a tab label takes its pane as the value', () => {
    const { doc, w } = read('<ul class="tabs"><li><a href="#m">申请材料</a></li><li><a href="#p">办理流程</a></li></ul><div id="m">居民身份证</div><div id="p">受理、审查</div>');
    expect(findPairs(doc, w, () => false).map((h) => [h.key, h.value, h.how])).toEqual([
      ['materials', '居民身份证', 'tab'],
      ['process', '受理、审查', 'tab'],
    ]);
  });

  it('a row of label/value spans is not a tab strip', () => {
    const { doc, w } = read('<div class="row"><span id="l">事项类型</span><span>行政许可</span><span>实施主体</span><span>安达市民政局</span></div><div><div>x</div><div>y</div><div>z</div><div>w</div></div>');
    expect(tabPaneByIndex(doc.getElementById('l')!, new Set(), w)).toBeNull();
  });
});
