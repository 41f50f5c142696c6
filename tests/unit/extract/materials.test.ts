import { describe, expect, it } from 'vitest';
import type { RawHit } from '@/lib/extract/hit';
import { extractMaterials } from '@/lib/extract/materials';
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
