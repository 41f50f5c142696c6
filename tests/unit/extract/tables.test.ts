import { describe, expect, it } from 'vitest';
import type { RawHit } from '@/lib/extract/hit';
import { classifyTables, dataRows, fieldTableHits, headerOf, settleAmbiguousTables } from '@/lib/extract/tables';
import { read } from './dom';

const kinds = (body: string) => classifyTables(read(body).w).map((t) => t.kind);

describe('extract/tables: tables classified by their header row', () => {
  it('tells materials, steps, special procedures and field tables apart', () => {
    expect(kinds('<table><tr><th>序号</th><th>材料名称</th><th>来源渠道</th><th>份数</th></tr><tr><td>1</td><td>身份证</td><td>申请人自备</td><td>1</td></tr></table>')).toEqual(['material']);
    expect(kinds('<table><tr><th>环节</th><th>办理人</th><th>办理时限</th><th>审查标准</th></tr><tr><td>受理</td><td>窗口</td><td>1个工作日</td><td>齐全</td></tr></table>')).toEqual(['step']);
    expect(kinds('<table><tr><th>特殊环节名称</th><th>时限</th><th>是否计算在法定办结时限内</th></tr><tr><td>专家评审</td><td>10个工作日</td><td>否</td></tr></table>')).toEqual(['special']);
    expect(kinds('<table><tr><th>办理地点</th><th>办理时间</th></tr><tr><td>民主街2号</td><td>周一至周五</td></tr></table>')).toEqual(['fields']);
    expect(kinds('<table><tr><th>事项类型</th><td>行政许可</td></tr><tr><th>实施主体</th><td>民政局</td></tr></table>')).toEqual([]);
  });

  it('leaves a bare 名称 + 时限 table to its section or its row names', () => {
    const body = '<div id="s"><h3>办理流程</h3><table id="t"><tr><th>环节名称</th><th>时限</th></tr><tr><td>专家评审</td><td>5日</td></tr></table></div>';
    const { doc, w } = read(body);
    const tables = classifyTables(w);
    expect(tables[0]!.kind).toBeUndefined();
    const section = { key: 'process', label: '办理流程', labelNode: doc.querySelector('h3')!, nodes: [doc.getElementById('s')!], value: '', how: 'pair' } satisfies RawHit;
    settleAmbiguousTables(tables, [section], w);
    expect(tables[0]!.kind).toBe('step');
    const other = read(body);
    const alone = classifyTables(other.w);
    settleAmbiguousTables(alone, [], other.w);
    expect(alone[0]!.kind).toBe('special'); // 专家评审 is a special procedure
  });

  it('expands rowspan and reads a two-row header', () => {
    const { w } = read('<table><tr><th rowspan="2">材料名称</th><th colspan="2">材料要求</th></tr><tr><th>原件</th><th>复印件</th></tr>' +
      '<tr><td>身份证</td><td>1</td><td>0</td></tr></table>');
    const [t] = classifyTables(w);
    expect(t!.kind).toBe('material');
    expect([...headerOf(t!).values()]).toEqual(['name', 'copies', 'copies']);
    const [row] = dataRows(t!, w);
    expect(row!.col('copies')).toBe('原件1；复印件0');
  });

  it('repeats a spanning cell down its rows and takes the unit from the header', () => {
    const { w } = read('<table><tr><th>环节</th><th>步骤</th><th>办理时限（工作日）</th><th>办理人</th></tr>' +
      '<tr><td rowspan="2">受理</td><td>收件</td><td>1</td><td>窗口</td></tr><tr><td>审核</td><td>2</td><td>科长</td></tr></table>');
    const [t] = classifyTables(w);
    expect(dataRows(t!, w).map((r) => [r.col('phase'), r.col('step'), r.col('limit')])).toEqual([
      ['受理', '收件', '1工作日'],
      ['受理', '审核', '2工作日'],
    ]);
  });

  it('reads each row of a field table as values under their labels', () => {
    const { w } = read('<table><tr><td>办理地点</td><td>办理时间</td></tr><tr><td>民主街2号</td><td>周一至周五</td></tr></table>');
    expect(fieldTableHits(classifyTables(w), w).map((h) => [h.key, h.value])).toEqual([['address', '民主街2号'], ['hours', '周一至周五']]);
  });
});

describe('extract/tables: kit habits', () => {
  it('vertical descriptions: each row of labels heads the row of values below it', () => {
    const { w } = read('<table><tr><th>事项名称</th><th>事项类型</th></tr><tr><td>节能审查</td><td>行政许可</td></tr>' +
      '<tr><th>法定办结时限</th><th>到办事现场次数</th></tr><tr><td>20个工作日</td><td>1次</td></tr><tr><th colspan="2">设定依据</th></tr><tr><td colspan="2">《节约能源法》第十五条</td></tr></table>');
    expect(fieldTableHits(classifyTables(w), w).map((h) => [h.key, h.value])).toEqual([
      ['itemName', '节能审查'], ['itemType', '行政许可'], ['legalLimit', '20个工作日'], ['visits', '1次'], ['basis', '《节约能源法》第十五条'],
    ]);
  });

  it('a group-title row spanning the table heads the rows below it, as their type', () => {
    const { w } = read('<table><tr><th>材料名称</th><th>来源渠道</th><th>份数</th></tr><tr><td colspan="3">申请表格类</td></tr><tr><td>申请表</td><td>申请人自备</td><td>1</td></tr></table>');
    const [t] = classifyTables(w);
    expect(dataRows(t!, w).map((r) => [r.col('name'), r.group])).toEqual([['申请表', '申请表格类']]);
  });

  it('a bare number takes its unit from a 时限单位 column', () => {
    const { w } = read('<table><tr><th>特殊环节名称</th><th>时限</th><th>时限单位</th></tr><tr><td>机构评审</td><td>15</td><td>工作日</td></tr></table>');
    const [t] = classifyTables(w);
    expect(dataRows(t!, w)[0]!.col('limit')).toBe('15工作日');
  });

  it('bilingual header cells are read by their Chinese label', () => {
    expect(kinds('<table><tr><th>材料名称<span class="en">Material</span></th><th>来源渠道<span class="en">Source</span></th><th>份数 Copies</th></tr><tr><td>护照</td><td>申请人自备</td><td>1</td></tr></table>')).toEqual(['material']);
  });
});
