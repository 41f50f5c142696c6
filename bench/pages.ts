/**
 * Generated pages for the Chromium benchmark (./chromium.bench.ts), at a given element count:
 * - `shell`: one guide (fields, 40 materials with form links, a process table) inside a portal
 *   shell that grows with the page — menus, related-item sidebars, news lists, footers — as
 *   evaluators meet them on heavy provincial portals;
 * - `repeated`: a catalogue-like page that repeats guide sections (one per item, each with its
 *   own fields, materials and process), the shape that used to grow super-linearly.
 */

/** One guide section of about `GUIDE_ELEMENTS` elements; `i` makes each copy's texts distinct. */
export function guideSection(i: number, materials = 40): string {
  const rows = Array.from({ length: materials }, (_, m) =>
    `<tr><td>${m + 1}</td><td>材料${m + 1}：第${i}项申请表（营业执照副本）</td><td>${m % 3 ? '申请人自备' : '政府部门核发'}</td><td>原件${1 + (m % 2)}份</td>` +
    `<td><a href="/files/${i}-${m}.docx">空白表格下载</a></td><td><a href="/files/${i}-${m}-sample.pdf">示例样表</a></td></tr>`,
  ).join('');
  const steps = ['受理', '审查', '决定', '送达']
    .map((s, k) => `<tr><td>${s}</td><td>窗口工作人员</td><td>${k + 1}个工作日</td><td>材料齐全、符合法定形式</td></tr>`)
    .join('');
  return `<div class="guide-section" id="guide-${i}">
<h2 class="item-name">第${i}项 食品经营许可（新办）</h2>
<table class="base-info"><tbody>
<tr><th>事项名称</th><td>食品经营许可（新办）${i}</td><th>实施编码</th><td>11440100MB2C9${String(i).padStart(5, '0')}2000001000</td></tr>
<tr><th>法定办结时限</th><td>20个工作日</td><th>承诺办结时限</th><td>5个工作日</td></tr>
<tr><th>办理地点</th><td>广州市天河区天河北路${i}号政务服务中心二楼B区${i}号窗口</td><th>办理时间</th><td>周一至周五 上午9:00-12:00，下午13:00-17:00（法定节假日除外）</td></tr>
<tr><th>咨询电话</th><td>020-8888${String(i).padStart(4, '0')}</td><th>监督电话</th><td>12345</td></tr>
<tr><th>到办事现场次数</th><td>0次</td><th>办件类型</th><td>承诺件</td></tr>
<tr><th>事项类型</th><td>行政许可</td><th>实施主体</th><td>广州市市场监督管理局</td></tr>
<tr><th>网上办理深度</th><td>全程网办</td><th>是否收费</th><td>不收费</td></tr>
</tbody></table>
<h3>申请材料</h3>
<table class="materials"><thead><tr><th>序号</th><th>材料名称</th><th>来源渠道</th><th>份数</th><th>空白表格</th><th>示例样表</th></tr></thead><tbody>${rows}</tbody></table>
<h3>办理流程</h3>
<table class="process"><thead><tr><th>环节</th><th>办理人</th><th>办理时限</th><th>审查标准</th></tr></thead><tbody>${steps}</tbody></table>
<p><a class="btn" href="/apply/${i}">在线办理</a></p>
</div>`;
}

/** A block of portal chrome (a menu, a related-items sidebar, a news list, a footer), ~60 elements. */
function shellBlock(k: number): string {
  switch (k % 4) {
    case 0:
      return `<nav class="menu"><ul>${Array.from({ length: 14 }, (_, j) => `<li><a href="/nav/${k}/${j}">栏目${j}</a></li>`).join('')}</ul></nav>`;
    case 1:
      // A related-items sidebar lists other items with their own time limits and links.
      return `<aside class="related"><h4>相关事项</h4><ul>${Array.from({ length: 6 }, (_, j) =>
        `<li><a href="/item/${k}-${j}">相关事项${k}-${j}</a><span>承诺时限：${j + 1}个工作日</span><span>到现场次数：${j % 2}次</span></li>`).join('')}</ul></aside>`;
    case 2:
      return `<div class="news"><h4>政务动态</h4><ul>${Array.from({ length: 12 }, (_, j) =>
        `<li><a href="/news/${k}/${j}">关于做好第${k}批政务服务事项标准化工作的通知${j}</a><span class="date">2026-0${1 + (j % 9)}-1${j % 10}</span></li>`).join('')}</ul></div>`;
    default:
      return `<div class="footer-links">${Array.from({ length: 20 }, (_, j) => `<a href="https://site${j}.gov.cn/">友情链接${k}-${j}</a>`).join('')}<p class="copyright">主办单位：某省人民政府办公厅 技术支持：某某科技 联系电话：020-1234567${k % 10}</p></div>`;
  }
}

const page = (body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>食品经营许可（新办） - 某省政务服务网</title></head><body>${body}</body></html>`;

/** Elements in a page's body, counted the way the benchmark reports them. */
export const elementsIn = (html: string) => (html.match(/<[a-z][a-z0-9]*[\s>]/gi) ?? []).length;

/** One guide in a portal shell grown to about `n` elements. */
export function shellPage(n: number): string {
  const guide = `<main>${guideSection(1)}</main>`;
  const blocks: string[] = [];
  let count = elementsIn(guide);
  for (let k = 0; count < n; k++) {
    const b = shellBlock(k);
    blocks.push(b);
    count += elementsIn(b);
  }
  // Chrome before and after the guide, as portals lay it out.
  const half = Math.floor(blocks.length / 2);
  return page(`<header>${blocks.slice(0, half).join('')}</header>${guide}<footer>${blocks.slice(half).join('')}</footer>`);
}

/** A page of repeated guide sections, about `n` elements. */
export function repeatedPage(n: number): string {
  const sections: string[] = [];
  let count = 0;
  for (let i = 1; count < n; i++) {
    const s = guideSection(i);
    sections.push(s);
    count += elementsIn(s);
  }
  return page(`<div class="catalogue">${sections.join('')}</div>`);
}
