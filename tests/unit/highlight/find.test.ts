import { describe, expect, it } from 'vitest';
import { findTarget, hiddenPane, isHidden, tabFor, visibleAncestor } from '@/lib/highlight/find';

/** The test window's own document (a detached document has no window to compute styles). */
function page(body: string): Document {
  document.body.innerHTML = body;
  return document;
}

describe('finding the element an outcome points to', () => {
  it('resolves the evidence path; a label cell widens to its row, a missing column to the table', () => {
    const doc = page('<table id="t"><tr><th>办理地点</th><td>某地</td></tr><tr><td>1</td><td>申请书</td></tr></table><p class="x">说明</p>');
    expect(findTarget(doc, { selector: 'table#t > tbody > tr:nth-of-type(1) > th' })!.tagName).toBe('TR');
    expect(findTarget(doc, { selector: 'table#t > tbody > tr:nth-of-type(2)', widen: 'table' })!.id).toBe('t');
    expect(findTarget(doc, { selector: 'body > p' })!.className).toBe('x');
    // A path from another page, or one this DOM cannot parse: nothing, never a throw.
    expect(findTarget(doc, { selector: 'div#gone > span' })).toBeNull();
    expect(findTarget(doc, { selector: 'td:nth-of-type(' })).toBeNull();
  });

  it('crosses into an open shadow root with the walker’s path syntax', () => {
    const doc = page('<div id="host"></div>');
    const root = doc.getElementById('host')!.attachShadow({ mode: 'open' });
    root.appendChild(doc.createElement('section')).textContent = '申请材料';
    expect(findTarget(doc, { selector: 'div#host >>> section' })!.textContent).toBe('申请材料');
  });
});

describe('hidden tab panes and their tabs', () => {
  it('knows an element in a closed pane and the shown container around it', () => {
    const doc = page('<div id="wrap"><div id="p1" style="display:none"><table><tr><td id="cell">x</td></tr></table></div></div>');
    const cell = doc.getElementById('cell')!;
    expect(isHidden(cell)).toBe(true);
    expect(hiddenPane(cell)!.id).toBe('p1');
    expect(visibleAncestor(cell)!.id).toBe('wrap');
    expect(isHidden(doc.getElementById('wrap')!)).toBe(false);
  });

  it('finds the tab by id reference (href, data-tab, aria-controls)', () => {
    const doc = page(`
      <ul><li><a id="a1" href="#tab-basic">基本信息</a></li><li><span id="a2" data-tab="tab-material">申请材料</span></li><li><button id="a3" aria-controls="tab-flow">办理流程</button></li></ul>
      <div id="tab-basic"></div><div id="tab-material" style="display:none"></div><div id="tab-flow" style="display:none"></div>`);
    expect(tabFor(doc.getElementById('tab-basic')!)!.id).toBe('a1');
    expect(tabFor(doc.getElementById('tab-material')!)!.id).toBe('a2');
    expect(tabFor(doc.getElementById('tab-flow')!)!.id).toBe('a3');
  });

  it('finds the tab by position in the strip before the panes (Zhejiang layout), never a link that leaves the page', () => {
    const doc = page(`
      <ul class="tabs"><li class="active">基本信息</li><li>申请材料</li><li><a id="flow" href="javascript:;">办理流程</a></li><li id="faq"><a href="/faq.html">常见问题</a></li></ul>
      <div class="wrap"><div class="item"></div><div class="item" style="display:none"></div><div class="item" style="display:none"></div><div class="item" style="display:none"></div></div>`);
    const panes = doc.querySelectorAll('.item');
    expect(tabFor(panes[1]!)!.textContent).toBe('申请材料');
    expect(tabFor(panes[2]!)!.id).toBe('flow');
    expect(tabFor(panes[3]!)!.id).toBe('faq'); // the li, whose handler switches, not the /faq.html link
  });

  it('a folded details opens by its summary; a lone hidden block has no tab', () => {
    const doc = page('<details id="d"><summary>申请材料</summary><p>x</p></details><div id="lone" style="display:none"></div>');
    expect(tabFor(doc.getElementById('d')!)!.tagName).toBe('SUMMARY');
    expect(tabFor(doc.getElementById('lone')!)).toBeNull();
  });
});
