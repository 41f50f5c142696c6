import { describe, expect, it } from 'vitest';
import type { RawHit } from '@/lib/extract/hit';
import { attachFormLinks, extractMaterials } from '@/lib/extract/materials';
import { auditHtml } from '../../helpers';
import { classifyTables } from '@/lib/extract/tables';
import { read } from './dom';

const fromSection = (body: string) => {
  const { doc, w } = read(body);
  const el = doc.getElementById('s')!;
  const hit: RawHit = { key: 'materials', label: '申请材料', labelNode: el, nodes: [el], value: w.textOf(el), how: 'pair' };
  return extractMaterials(w, classifyTables(w), [hit]);
};

describe('extract/materials: the 申请材料 list', () => {
  it('reads a materials table by column, with its form links', () => {
    const { w } = read('<table><tr><th>材料名称</th><th>来源渠道</th><th>份数</th><th>空白表格</th></tr>' +
      '<tr><td>1.申请书</td><td>申请人自备</td><td>1</td><td><a href="a.doc">下载</a></td></tr><tr><td>身份证</td><td>公安机关</td><td>1</td><td></td></tr></table>');
    const ms = extractMaterials(w, classifyTables(w), [])!;
    expect(ms.map((m) => [m.name, m.source, m.copies, m.blank.length])).toEqual([['申请书', '申请人自备', '1', 1], ['身份证', '公安机关', '1', 0]]);
  });

  it('a row that lacks a cell under a rowspan keeps its other cells under their headers; an empty row under rowspans is no material', () => {
    const { w } = read('<table><tr><th>序号</th><th>材料名称</th><th>份数</th><th>来源渠道</th></tr>' +
      '<tr><td>1</td><td>身份证</td><td>复印件1份</td><td rowspan="3">申请人自备</td></tr><tr><td>2</td><td>户口簿</td></tr><tr></tr></table>');
    const ms = extractMaterials(w, classifyTables(w), [])!;
    expect(ms.map((m) => [m.name, m.copies ?? '', m.source ?? ''])).toEqual([['身份证', '复印件1份', '申请人自备'], ['户口簿', '', '申请人自备']]);
  });

  it('an empty materials table is an empty list; no section at all is null', () => {
    const { w } = read('<table><tr><th>材料名称</th><th>来源渠道</th></tr></table>');
    expect(extractMaterials(w, classifyTables(w), [])).toEqual([]);
    const none = read('<p>x</p>').w;
    expect(extractMaterials(none, [], [])).toBeNull();
  });

  it('reads the numbered lines of a section, names without their notes', () => {
    const ms = fromSection('<div id="s">1、《开业登记申请书》（原件1份，申请人自备）<a href="f.doc">【表格下载】</a><br>2、居民身份证 复印件1份</div>')!;
    expect(ms.map((m) => [m.name, m.source, m.blank.length])).toEqual([['《开业登记申请书》', '申请人自备', 1], ['居民身份证', undefined, 0]]);
  });

  it('reads type headings over numbered lines, with each line’s note under it (Risesoft materialStr)', () => {
    const ms = fromSection('<div id="s">1.申请表格类<br>(1)、建筑工程施工许可申请表<br><div style="padding-left:40px">（说明：原件1份，加盖公章）</div>' +
      '2.证明文件类<br>(1)、建设工程规划许可证<br><div style="padding-left:40px">（说明：复印件1份，验原件）</div>(2)、中标通知书<br><div style="padding-left:40px">（说明：复印件，验原件）</div></div>')!;
    expect(ms.map((m) => [m.name, m.type, m.copies])).toEqual([
      ['建筑工程施工许可申请表', '申请表格类', '原件1份'],
      ['建设工程规划许可证', '证明文件类', '复印件1份'],
      ['中标通知书', '证明文件类', undefined],
    ]);
  });

  it('a numbered material over its numbered requirements is a material, not a group heading', () => {
    const ms = fromSection('<div id="s">1.《设立登记申请书》<br>(1)须法定代表人签字；<br>(2)加盖单位公章。<br>2.营业执照复印件1份</div>')!;
    expect(ms.map((m) => m.name)).toContain('《设立登记申请书》');
    expect(ms.map((m) => m.name)).toContain('营业执照');
    expect(ms.every((m) => m.type === undefined)).toBe(true);
  });

  it('a form offered in a 申请表格 row apart from the list is the blank form of the material it is named after', () => {
    const { doc, w } = read('<div id="s">1.建筑工程施工许可申请表（原件1份）<br>2.身份证（复印件1份）</div><div id="f"><a href="/f/1.html">建筑工程施工许可申请表.doc</a><a href="/f/2.html">操作手册.doc</a></div>');
    const s = doc.getElementById('s')!;
    const ms = extractMaterials(w, classifyTables(w), [{ key: 'materials', label: '申请材料', labelNode: s, nodes: [s], value: w.textOf(s), how: 'pair' }])!;
    const f = doc.getElementById('f')!;
    attachFormLinks(ms, [{ key: 'forms', label: '申请表格', labelNode: f, nodes: [f], value: w.textOf(f), how: 'pair' }], w);
    expect(ms.map((m) => [m.name, m.blank.map((l) => l.href)])).toEqual([['建筑工程施工许可申请表', ['/f/1.html']], ['身份证', []]]);
  });

  it('a form link matches its material exactly even when short, else the material sharing most of its name', () => {
    const { doc, w } = read('<div id="s">1.申请书（原件1份）<br>2.营业执照（复印件1份）<br>3.变更登记申请书（原件1份）</div><div id="f"><a href="/1">申请书.doc</a><a href="/2">营业执照变更登记申请书.doc</a></div>');
    const s = doc.getElementById('s')!;
    const ms = extractMaterials(w, classifyTables(w), [{ key: 'materials', label: '申请材料', labelNode: s, nodes: [s], value: w.textOf(s), how: 'pair' }])!;
    const f = doc.getElementById('f')!;
    attachFormLinks(ms, [{ key: 'forms', label: '申请表格', labelNode: f, nodes: [f], value: w.textOf(f), how: 'pair' }], w);
    expect(ms.map((m) => [m.name, m.blank.map((l) => l.href)])).toEqual([['申请书', ['/1']], ['营业执照', []], ['变更登记申请书', ['/2']]]);
  });

  it('through the whole audit: E4-1 passes when the 申请表格 row holds the form', () => {
    const row = (l: string, v: string) => `<tr><td>${l}</td><td>${v}</td></tr>`;
    const html = `<h1>建筑工程施工许可证核发</h1><table>${row('法定时限', '15个工作日')}${row('承诺时限', '5个工作日')}${row('办理地点', '某市某区某路1号政务服务中心2楼3号窗口')}` +
      `${row('申请材料', '1.建筑工程施工许可申请表（原件1份）<br>2.身份证（复印件1份）')}${row('申请表格', '<a href="/f/1.html">建筑工程施工许可申请表.doc</a>')}</table>`;
    expect(auditHtml(html).outcomes.find((o) => o.indicator === 'E4-1')!.status).toBe('pass');
  });

  it('reads 纸质材料 as the copies and keeps 材料必要性 apart (Vant cells of a 办理材料目录)', () => {
    const card = (name: string, copies: string) => `<div class="van-cell"><div class="van-cell__title"><span>${name}</span><div class="van-cell__label"><div class="field-wrap">` +
      `<span>来源渠道：</span><span>申请人自备</span><span>纸质材料：</span><span>${copies}</span><span>材料必要性：</span><span>必要</span></div></div></div></div>`;
    const ms = fromSection(`<div id="s">${card('取水许可申请书', '原件1份')}${card('身份证', '复印件1份')}</div>`)!;
    expect(ms.map((m) => [m.name, m.source, m.copies])).toEqual([['取水许可申请书', '申请人自备', '原件1份'], ['身份证', '申请人自备', '复印件1份']]);
  });

  it('reads cards with labelled details', () => {
    const ms = fromSection('<ul id="s"><li><b>户籍证明</b><span>来源渠道：派出所</span><span>份数：原件1份</span></li><li><b>身份证</b><span>来源渠道：申请人自备</span><span>份数：1份</span></li></ul>')!;
    expect(ms.map((m) => [m.name, m.source, m.copies])).toEqual([['户籍证明', '派出所', '原件1份'], ['身份证', '申请人自备', '1份']]);
  });
});

describe('extract/materials: notes under a material', () => {
  it('with no source or copies column, the note under the name gives them, and is not part of the name', () => {
    const { w } = read('<table><tr><th>序号</th><th>材料名称</th><th>材料形式</th></tr><tr><td colspan="3">一、审批文件类</td></tr>' +
      '<tr><td>1</td><td>节能审查意见<span class="help-block">（说明：由灵山县行政审批局出具，复印件3份）</span></td><td>纸质</td></tr>' +
      '<tr><td>2</td><td>特殊群体身份证明<span class="help-block">（说明：低保对象提供，由榆阳区民政局出具，原件1份）</span></td><td>纸质</td></tr>' +
      '<tr><td>3</td><td>用地预审意见<span class="help-block">（说明：复印件若干）</span></td><td>纸质</td></tr></table>');
    const ms = extractMaterials(w, classifyTables(w), [])!;
    expect(ms.map((m) => [m.name, m.source, m.copies, m.type])).toEqual([
      ['节能审查意见', '由灵山县行政审批局出具', '复印件3份', '纸质'],
      ['特殊群体身份证明', '由榆阳区民政局出具', '原件1份', '纸质'],
      ['用地预审意见', undefined, '复印件若干', '纸质'],
    ]);
  });
});

describe('extract/materials: expanded detail rows', () => {
  it('a spanning detail row under a material (el-table expand) gives that material its source and copies', () => {
    const { w } = read('<table><tr><th>材料名称</th><th>材料类型</th><th>表格下载</th></tr>' +
      '<tr><td>残疾人证申请表</td><td>申请表格文书</td><td></td></tr><tr><td colspan="3" class="el-table__expanded-cell"><form><div><label>来源渠道</label><div><span>申请人自备</span></div></div><div><label>份数</label><div><span>原件1份</span></div></div></form></td></tr>' +
      '<tr><td>残疾评定表</td><td>其他</td><td></td></tr><tr><td colspan="3"><form><div><label>来源渠道</label><div><span>残疾评定机构</span></div></div><div><label>份数</label><div><span>原件1份</span></div></div></form></td></tr></table>');
    expect(extractMaterials(w, classifyTables(w), [])!.map((m) => [m.name, m.source, m.copies])).toEqual([
      ['残疾人证申请表', '申请人自备', '原件1份'],
      ['残疾评定表', '残疾评定机构', '原件1份'],
    ]);
  });
});
