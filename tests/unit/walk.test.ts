import { describe, expect, it } from 'vitest';
import { audit } from '@/lib/audit';
import { extractGuide } from '@/lib/extract/guide';
import { cssPath, queryPath, walk } from '@/lib/extract/walk';
import { guide, materialsTable, pageOf } from '../helpers';

const body = (html: string) => html.replace(/^.*<body>|<\/body>.*$/g, '');

describe('walk', () => {
  it('gives each element its block-aware text from one buffer, the same at every depth', () => {
    const doc = pageOf('<div id="a">办理<b>地点</b><p>某市<br>某路1号</p><table><tr><td>甲</td><td>乙</td></tr></table>尾</div>');
    const w = walk(doc.body);
    const a = doc.getElementById('a')!;
    expect(w.textOf(a)).toBe('办理地点\n某市\n某路1号\n\n\n\n 甲  乙 \n\n\n尾');
    expect(w.textOf(doc.querySelector('p')!)).toBe('某市\n某路1号');
    expect(w.candidates.map((c) => c.text)).toContain('地点');
    expect(w.textOf(doc.createElement('div'))).toBe('');
  });

  it('reads a page thousands of levels deep without recursion, each level its own slice', () => {
    const doc = pageOf('');
    let el: Element = doc.body;
    for (let i = 0; i < 3000; i++) el = el.appendChild(doc.createElement('span'));
    el.append('最深处');
    const w = walk(doc.body);
    expect(w.visited).toBe(3001);
    expect(w.textOf(el)).toBe('最深处');
    expect(w.textOf(doc.body)).toBe('最深处');
  });
});

describe('open shadow roots are part of the page', () => {
  // A micro-frontend: the portal shell mounts the guide in a custom element's open shadow root.
  const mount = () => {
    const doc = pageOf('<header>某省政务服务网</header><guide-app></guide-app><footer>版权所有</footer>');
    const host = doc.querySelector('guide-app')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = `<section class="guide"><h1>个体工商户设立登记</h1>${body(guide({ 办理地点: '某市某区某路88号政务服务中心2楼201室5号窗口' }, materialsTable([['营业执照申请书', '<a href="/k.docx">空白表格</a>', '<a href="/y.docx">示例样表</a>']])))}</section>`;
    return { doc, host, shadow };
  };

  it('the walk descends into an open shadow root as if it were light DOM', () => {
    const { doc, shadow } = mount();
    const w = walk(doc.body);
    expect(w.tables).toContain(shadow.querySelector('table'));
    expect(w.textOf(doc.body)).toContain('个体工商户设立登记');
  });

  it('a guide inside a shadow root is audited, and its evidence paths lead back into the shadow root', () => {
    const { doc, shadow } = mount();
    const result = audit(extractGuide(doc));
    expect(result.isGuide).toBe(true);
    expect(result.item.name).toBe('个体工商户设立登记');
    const e13 = result.outcomes.find((o) => o.indicator === 'E1-3')!;
    expect(e13.status).toBe('pass');
    const target = queryPath(doc, e13.evidence.selector!);
    expect(target).not.toBeNull();
    expect(shadow.contains(target)).toBe(true);
    expect(target!.textContent).toContain('办理地点');
  });

  it('paths in the light DOM are unchanged; a closed shadow root stays unread', () => {
    const doc = pageOf('<div id="x"><p>一</p><p>二</p></div><closed-app></closed-app>');
    expect(cssPath(doc.querySelectorAll('p')[1]!)).toBe('div#x > p:nth-of-type(2)');
    expect(queryPath(doc, 'div#x > p:nth-of-type(2)')!.textContent).toBe('二');
    doc.querySelector('closed-app')!.attachShadow({ mode: 'closed' }).innerHTML = '<p>不可见</p>';
    expect(walk(doc.body).textOf(doc.body)).not.toContain('不可见');
  });
});
