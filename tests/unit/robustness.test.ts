import { describe, expect, it } from 'vitest';
import { audit } from '@/lib/audit';
import { extractGuide } from '@/lib/extract/guide';
import { walk } from '@/lib/extract/walk';
import { auditHtml, guide, outcomeOf, pageOf } from '../helpers';

// Layouts and inputs a review found the engine mishandling; each case is what a portal does.
describe('extraction on real-world markup', () => {
  it('reads a label cell with trailing markup: <td><span>标签</span>：</td> and a help icon', () => {
    const rows = ['法定办结时限', '承诺办结时限', '事项类型', '设定依据']
      .map((l, i) => `<tr><td><span>${l}</span>：</td><td>${['20个工作日', '5个工作日', '行政许可', '《行政许可法》第三十条'][i]}</td></tr>`)
      .join('');
    const r = auditHtml(`<h1>测试事项登记</h1><table>${rows}<tr><td>到办事现场次数<i class="icon-help"></i></td><td>0次</td></tr></table>`);
    expect(r.isGuide).toBe(true);
    expect(r.outcomes.find((o) => o.indicator === 'E1-1')!.status).toBe('pass');
    expect(r.outcomes.find((o) => o.indicator === 'E3-2')!.data.visits).toBe(0);
  });

  it('reads a header row of td cells over a row of values', () => {
    const r = auditHtml('<h1>测试事项登记</h1><table><tr><td>法定办结时限</td><td>承诺办结时限</td><td>到办事现场次数</td><td>事项类型</td></tr><tr><td>20个工作日</td><td>5个工作日</td><td>0次</td><td>行政许可</td></tr></table>');
    expect(r.isGuide).toBe(true);
    expect(r.outcomes.find((o) => o.indicator === 'A4-1')!.data.cut).toBeCloseTo(0.75);
  });

  it('does not take a row of label/value spans for a tab strip', () => {
    const html = '<h1>测试事项登记</h1><div class="row"><span>事项类型</span><span>行政许可</span><span>实施主体</span><span>安达市市场监督管理局</span></div>' +
      '<div class="row"><span>法定办结时限</span><span>20个工作日</span><span>承诺办结时限</span><span>5个工作日</span></div>';
    const s = extractGuide(pageOf(html));
    expect(s.fields.itemType![0]!.value).toBe('行政许可');
    expect(s.fields.department![0]!.value).toBe('安达市市场监督管理局');
  });

  it('reads minified cards whose spans run together', () => {
    const html = guide({}, '<h3>申请材料</h3><ul class="cl"><li><span class="name">户籍证明</span><span>来源渠道：政府部门核发</span><span>份数：原件1份</span></li>' +
      '<li><span class="name">居民身份证</span><span>来源渠道：申请人自备</span><span>份数：复印件1份</span></li></ul>');
    const s = extractGuide(pageOf(html));
    expect(s.materials!.map((m) => [m.name, m.source, m.copies])).toEqual([
      ['户籍证明', '政府部门核发', '原件1份'],
      ['居民身份证', '申请人自备', '复印件1份'],
    ]);
  });

  it('keeps a full address when a shorter field repeats part of it', () => {
    const o = outcomeOf(guide({ 办理地点: '安达市人民路5号政务服务中心201室3号窗口', 办理窗口: '3号窗口' }), 'E1-3');
    expect(o.status).toBe('pass');
  });

  it('survives an empty document, and walks a page nested 20,000 levels deep', () => {
    const empty = document.implementation.createHTMLDocument('');
    empty.documentElement.remove();
    expect(audit(extractGuide(empty)).isGuide).toBe(false);
    // The walk itself (happy-dom's own document.title lookup recurses, so the walk is tested alone).
    const root = document.createElement('div');
    let el: Element = root;
    for (let i = 0; i < 20_000; i++) el = el.appendChild(document.createElement('div'));
    el.textContent = '法定办结时限：20个工作日';
    const w = walk(root);
    expect(w.visited).toBe(20_001);
    expect(w.textOf(root).trim()).toBe('法定办结时限：20个工作日');
  }, 60_000); // building 20,000 nested nodes in happy-dom takes seconds on a busy machine
});

describe('guide or catalogue', () => {
  it('a guide whose process steps each state 办理时限 is still a guide', () => {
    const steps = ['受理|当场', '审查|3个工作日', '决定|2个工作日', '送达|1个工作日']
      .map((x) => x.split('|'))
      .map(([n, t]) => `<div class="step"><h4>${n}</h4><p>办理人：窗口工作人员</p><p>办理时限：${t}</p><p>审查标准：材料齐全、符合法定形式</p></div>`)
      .join('');
    const r = auditHtml(guide({}, `<h3>办理流程</h3><div class="steps">${steps}</div>`));
    expect(r.isGuide).toBe(true);
    expect(r.outcomes.find((o) => o.indicator === 'E3-1')!.status).toBe('pass');
  });

  it('a catalogue filtered to 即办 / 零跑动 items (all values equal) is not a guide', () => {
    const items = Array.from({ length: 8 }, (_, i) => `<li><a href="/g${i}">事项${i}</a><span>承诺时限：即办</span><span>到现场次数：0次</span><span>办理部门：安达市市场监督管理局</span></li>`).join('');
    expect(auditHtml(`<ul class="list">${items}</ul>`).isGuide).toBe(false);
  });

  it('a process step’s 办理时限 is never taken for the item’s legal limit', () => {
    const html = guide({ 法定办结时限: '__omit__' }, '<h3>办理流程</h3><div class="steps"><div class="step"><h4>受理</h4><p>办理人：窗口人员</p><p>办理时限：1个工作日</p></div><div class="step"><h4>决定</h4><p>办理人：局长</p><p>办理时限：2个工作日</p></div></div>');
    expect(outcomeOf(html, 'E1-1').status).toBe('fail');
  });

  it('the portal footer phone is not the department’s enquiry phone', () => {
    const html = guide({}, '<div class="footer">主办单位：安达市营商环境建设监督局　联系电话：0455-7371234</div>');
    expect(outcomeOf(html, 'E1-5').status).toBe('fail');
  });
});
