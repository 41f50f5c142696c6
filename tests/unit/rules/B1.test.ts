import { describe, expect, it } from 'vitest';
import { guide, outcomeOf } from '../../helpers';

const E = 'B1';
const ENTRY = '<p><a href="https://zwfw.example.gov.cn/apply?item=123">在线办理</a></p>';
const depth = (rows: Record<string, string>, extra = '') => outcomeOf(guide(rows, extra), E);

describe('B1 网办深度: pass', () => {
  it('全程网办（Ⅳ级） with 0 visits and an online entry', () => {
    const o = depth({ 网上办理深度: '全程网办（Ⅳ级）', 到办事现场次数: '0次' }, ENTRY);
    expect(o.status).toBe('pass');
    expect(o.data.level).toBe(4);
    expect(o.message).toBe('网上办理深度Ⅳ级');
  });

  it.each([
    ['四级', 4],
    ['IV级', 4],
    ['材料核验', 3],
    ['Ⅲ级', 3],
    ['Ⅱ级（材料预审）', 2],
    ['II级', 2],
  ])('%s with an online entry is level %i', (value, level) => {
    const o = depth({ 网上办理深度: value, 到办事现场次数: '0次' }, ENTRY);
    expect(o.status).toBe('pass');
    expect(o.data.level).toBe(level);
  });

  it.each(['信息发布', 'Ⅰ级', 'I级'])('%s is level 1 and needs no online entry', (value) => {
    const o = depth({ 网上办理深度: value });
    expect(o.status).toBe('pass');
    expect(o.data.level).toBe(1);
  });

  it.each([
    ['1,2', 1],
    ['1,2,3', 2],
    ['3,6', 2],
  ])('the national multi-code "%s" maps to level %i and the message says it was derived', (value, level) => {
    const o = depth({ 网上办理深度: value }, ENTRY);
    expect(o.status).toBe('pass');
    expect(o.data.level).toBe(level);
    expect(o.message).toContain('按国家网办深度代码推算');
  });

  it('a 网办地址 field with a URL counts as the online entry', () => {
    const o = depth({ 网上办理深度: '材料预审', 网办地址: 'https://zwfw.example.gov.cn/apply?item=123' });
    expect(o.status).toBe('pass');
  });

  it('the label 网办深度 with 零跑动', () => {
    const o = depth({ 网办深度: '全程网办', 到办事现场次数: '零跑动' }, ENTRY);
    expect(o.status).toBe('pass');
    expect(o.data.level).toBe(4);
  });

  it('a <p>标签：值</p> layout', () => {
    const o = depth({}, `<p>网上办理深度：Ⅱ级（材料预审）</p>${ENTRY}`);
    expect(o.status).toBe('pass');
    expect(o.data.level).toBe(2);
  });
});

describe('B1 网办深度: partial (stated but inconsistent)', () => {
  it('level 4 while the guide asks for 1 visit', () => {
    const o = depth({ 网上办理深度: 'Ⅳ级', 到办事现场次数: '1次' }, ENTRY);
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['zero-visits']);
    expect(o.data.level).toBe(4);
    expect(o.message).toBe('写明全程网办，但到办事现场次数为1次');
  });

  it('level 2 with no online entry link', () => {
    const o = depth({ 网上办理深度: '材料预审' });
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['online-entry']);
    expect(o.message).toBe('深度Ⅱ级，但页面没有网上办理入口');
  });

  it('both inconsistencies are named together', () => {
    expect(depth({ 网上办理深度: 'Ⅳ级', 到办事现场次数: '1次' }).missing).toEqual(['zero-visits', 'online-entry']);
  });

  it('an entry link that leads nowhere (javascript:void(0)) is no entry', () => {
    const o = depth({ 网上办理深度: '材料预审' }, '<p><a href="javascript:void(0)">在线办理</a></p>');
    expect(o.missing).toEqual(['online-entry']);
  });
});

describe('B1 网办深度: fail (not stated)', () => {
  it('no depth field', () => {
    const o = depth({});
    expect(o.status).toBe('fail');
    expect(o.missing).toEqual(['level']);
    expect(o.message).toBe('未写明网上办理深度');
  });

  it('a label with an empty cell', () => {
    const o = depth({ 网上办理深度: '' });
    expect(o.status).toBe('fail');
    expect(o.missing).toEqual(['level']);
    expect(o.message).toBe('网上办理深度标签下没有内容');
  });
});

describe('B1 网办深度: review', () => {
  it('the Guangxi multi-code "6,1" has no level in the mapping', () => {
    const o = depth({ 网上办理深度: '6,1' });
    expect(o.status).toBe('review');
    expect(o.message).toContain('无法识别网上办理深度');
  });
});

describe('B1 网办深度: garbage input', () => {
  it.each(['=HYPERLINK("http://x","y")', '&lt;img src=x onerror=alert(1)&gt;', '——', '详见窗口公告'])(
    '%s cannot be read as a level',
    (value) => {
      const o = depth({ 网上办理深度: value }, ENTRY);
      expect(o.status).toBe('review');
      expect(o.message).toContain('无法识别网上办理深度');
    },
  );
});
