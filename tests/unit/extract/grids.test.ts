import { describe, expect, it } from 'vitest';
import { gridSteps } from '@/lib/extract/grids';
import { runAtOnce } from '@/lib/extract/slices';
import { read } from './dom';

const texts = (body: string) => {
  const { w } = read(body);
  return runAtOnce(gridSteps(w)).map((g) => g.rows.map((r) => r.map((c) => w.textOf(c).trim())));
};

describe('extract/grids: a kit’s table parts read as one grid', () => {
  it('expands rowspan and colspan', () => {
    expect(texts('<table><tr><td rowspan="2">受理</td><td>收件</td></tr><tr><td>登记</td></tr></table>')).toEqual([[['受理', '收件'], ['受理', '登记']]]);
  });

  it('joins a header table to the body table after it (Element el-table), dropping the scrollbar gutter', () => {
    const body = '<div class="el-table"><div class="el-table__header-wrapper"><table class="el-table__header"><thead><tr><th class="el-table_1_column_1"><div class="cell">材料名称</div></th><th class="el-table_1_column_2"><div class="cell">份数</div></th><th class="gutter"></th></tr></thead></table></div>' +
      '<div class="el-table__body-wrapper"><table class="el-table__body"><tbody><tr><td class="el-table_1_column_1"><div class="cell">身份证</div></td><td class="el-table_1_column_2"><div class="cell">1</div></td></tr></tbody></table></div></div>';
    expect(texts(body)).toEqual([[['材料名称', '份数', ''], ['身份证', '1']]]);
    const { doc, w } = read(body);
    expect(runAtOnce(gridSteps(w))[0]!.el).toBe(doc.querySelector('.el-table'));
  });

  it('joins a header of td cells in a *header* wrapper (EasyUI) and aligns body cells by their field', () => {
    const body = '<div class="datagrid-view"><div class="datagrid-header"><table><tr><td field="name">材料名称</td><td field="copies">份数</td></tr></table></div>' +
      '<div class="datagrid-body"><table><tr><td field="copies">2</td><td field="name">申请书</td></tr></table></div></div>';
    expect(texts(body)).toEqual([[['材料名称', '份数'], ['申请书', '2']]]);
  });

  it('reads div rows under a header table (antd virtual table)', () => {
    const body = '<div class="ant-table-container"><div class="ant-table-header"><table><thead><tr><th>环节</th><th>办理人</th></tr></thead></table></div>' +
      '<div class="ant-table-body"><div class="holder"><div class="ant-table-row"><div class="ant-table-cell">受理</div><div class="ant-table-cell">窗口</div></div>' +
      '<div class="ant-table-row"><div class="ant-table-cell">审查</div><div class="ant-table-cell">科长</div></div></div></div></div>';
    expect(texts(body)).toEqual([[['环节', '办理人'], ['受理', '窗口'], ['审查', '科长']]]);
  });

  it('joins frozen columns split over two views (EasyUI datagrid-view1 + view2)', () => {
    const view = (n: number, cols: [string, string][], rows: string[][]) =>
      `<div class="datagrid-view${n}"><div class="datagrid-header"><table><tr>${cols.map(([f, t]) => `<td field="${f}">${t}</td>`).join('')}</tr></table></div>` +
      `<div class="datagrid-body"><table>${rows.map((r) => `<tr>${r.map((c, i) => `<td field="${cols[i]![0]}">${c}</td>`).join('')}</tr>`).join('')}</table></div></div>`;
    const body = `<div class="datagrid-view">${view(1, [['no', '序号'], ['name', '材料名称']], [['1', '申请书'], ['2', '身份证']])}${view(2, [['src', '来源渠道'], ['copies', '份数']], [['申请人自备', '1'], ['公安机关', '1']])}</div>`;
    expect(texts(body)).toEqual([[['序号', '材料名称', '来源渠道', '份数'], ['1', '申请书', '申请人自备', '1'], ['2', '身份证', '公安机关', '1']]]);
  });

  it('reads a frozen copy’s repeated columns once (layui fixed columns)', () => {
    const part = (cls: string, cols: string[]) =>
      `<div class="${cls}"><div class="layui-table-header"><table><thead><tr>${cols.map((f) => `<th data-field="${f}">${f === 'name' ? '材料名称' : '份数'}</th>`).join('')}</tr></thead></table></div>` +
      `<div class="layui-table-body"><table><tbody><tr>${cols.map((f) => `<td data-field="${f}">${f === 'name' ? '申请书' : '1'}</td>`).join('')}</tr></tbody></table></div></div>`;
    const body = `<div class="layui-table-box">${part('main', ['name', 'copies'])}${part('layui-table-fixed layui-table-fixed-l', ['name'])}</div>`;
    expect(texts(body)).toEqual([[['材料名称', '份数'], ['申请书', '1']]]);
  });

  it('joins a frozen copy whose header is wider than its body rows (Element: the header’s scrollbar gutter) without failing', () => {
    // The main table's header has the gutter cell its body rows do not have: a column the rows lack reads as empty.
    const part = (cls: string, gutter: boolean) =>
      `<div class="${cls}"><div class="el-table__header-wrapper"><table class="el-table__header"><thead><tr><th>材料名称</th><th>份数</th>${gutter ? '<th class="gutter"></th>' : ''}</tr></thead></table></div>` +
      `<div class="el-table__body-wrapper"><table class="el-table__body"><tbody><tr><td>申请书</td><td>1</td></tr><tr><td>身份证</td><td>2</td></tr></tbody></table></div></div>`;
    const body = `<div class="el-table">${part('main', true)}${part('el-table__fixed', false)}</div>`;
    expect(texts(body)).toEqual([[['材料名称', '份数'], ['申请书', '1'], ['身份证', '2']]]);
  });

  it('leaves unrelated tables apart', () => {
    expect(texts('<table><tr><th>事项名称</th></tr></table><p>说明文字</p><div><table><tr><td>x</td></tr></table></div>').length).toBe(2);
  });
});
