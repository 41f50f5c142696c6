import { describe, expect, it } from 'vitest';
import type { RawHit } from '@/lib/extract/hit';
import { arrowSegments, extractSteps, numberedSegments } from '@/lib/extract/steps';
import { classifyTables } from '@/lib/extract/tables';
import { read } from './dom';

const fromSection = (body: string) => {
  const { doc, w } = read(body);
  const el = doc.getElementById('s')!;
  const hit: RawHit = { key: 'process', label: '办理流程', labelNode: el, nodes: [el], value: w.textOf(el), how: 'pair' };
  return extractSteps(w, classifyTables(w), [hit]).map((s) => [s.name, s.limit, s.handler, s.standard, s.from]);
};

describe('extract/steps: the 办理流程', () => {
  it('reads a step table by column', () => {
    const { w } = read('<table><tr><th>环节</th><th>办理人</th><th>办理时限</th><th>审查标准</th></tr><tr><td>1.受理</td><td>窗口人员</td><td>1个工作日</td><td>材料齐全</td></tr></table>');
    expect(extractSteps(w, classifyTables(w), []).map((s) => [s.name, s.limit, s.handler, s.standard, s.from])).toEqual([['受理', '1个工作日', '窗口人员', '材料齐全', 'table']]);
  });

  it('reads step cards that carry their own details', () => {
    expect(fromSection('<div id="s"><div class="step"><h4>受理</h4><p>办理人：窗口人员</p><p>时限：即办</p></div>' +
      '<div class="step"><h4>审查</h4><p>办理人：科长</p><p>时限：2日</p><p>审核要点：符合条件</p></div></div>')).toEqual([
      ['受理', '即办', '窗口人员', '', 'table'],
      ['审查', '2日', '科长', '符合条件', 'table'],
    ]);
  });

  it('reads list items and numbered prose', () => {
    expect(fromSection('<div id="s"><ol><li>申请：提交材料</li><li>受理：当场</li></ol></div>').map((s) => s[0])).toEqual(['申请', '受理']);
    expect(fromSection('<p id="s">1.申请。2.受理(2个工作日)。3.审查。</p>').map((s) => s[0])).toEqual(['申请', '受理', '审查']);
  });

  it('reads a process written as a chain of step names (受理 —— 审查 —— 决定)', () => {
    expect(fromSection('<div id="s"><p>受理 —— 审查 —— 决定</p></div>')).toEqual([['受理', undefined, undefined, undefined, 'prose'], ['审查', undefined, undefined, undefined, 'prose'], ['决定', undefined, undefined, undefined, 'prose']]);
    expect(arrowSegments('申请→受理→审查→决定（20个工作日）')).toEqual(['申请', '受理', '审查', '决定（20个工作日）']);
    expect(arrowSegments('受理-->审核->发证')).toEqual(['受理', '审核', '发证']);
  });

  it('does not take prose with an arrow, several lines or one dash for a chain of steps', () => {
    expect(arrowSegments('第一步：登录系统\n第二步→提交')).toEqual([]);
    expect(arrowSegments('申请人向窗口提交材料，窗口工作人员当场审查材料是否齐全、是否符合法定形式 → 受理')).toEqual([]);
    expect(arrowSegments('《行政许可法》—第三十条')).toEqual([]);
    expect(arrowSegments('申请人——即企业法定代表人——向窗口提交材料')).toEqual([]);
    expect(arrowSegments('面积>500平方米的需现场勘验')).toEqual([]);
    expect(arrowSegments('网上申请→窗口受理→部门审核→办结')).toEqual(['网上申请', '窗口受理', '部门审核', '办结']);
  });

  it('splits numbered text at top-level numbers in order only', () => {
    expect(numberedSegments('1.申请 3.受理 2.审查')).toEqual(['申请 3.受理', '审查']);
    expect(numberedSegments('1.申请 2.受理（1.收件 2.登记）')).toEqual(['申请', '受理（1.收件 2.登记）']);
    expect(numberedSegments('1.申请 2.受理 3.决定')).toEqual(['申请', '受理', '决定']);
    expect(numberedSegments('只有1.一项')).toEqual([]);
  });
});
