import { describe, expect, it } from 'vitest';
import { findHeading } from '@/lib/extract/headings';
import { read } from './dom';

const field = (value: string, within?: 'list') => ({ itemName: [{ label: '事项名称', value, path: '', how: 'pair' as const, ...(within ? { within } : {}) }] });

describe('extract/headings: the item name', () => {
  it('prefers this item’s 事项名称 over a listed other item’s', () => {
    const { doc, w } = read('<h1>首页</h1>');
    expect(findHeading(doc, w, field('个体工商户设立登记'))).toBe('个体工商户设立登记');
    expect(findHeading(doc, w, field('其他事项', 'list'))).toBe(undefined); // 首页 is too short for a name
  });

  it('then the outermost title element, then an h1, then the page title', () => {
    const titled = read('<h1>安达市政务服务网办事指南</h1><div class="matter-name"><h2 class="title-name">建设工程消防验收</h2><p>行政许可</p></div>');
    expect(findHeading(titled.doc, titled.w, {})).toBe('建设工程消防验收');
    const h1 = read('<h1>食品经营许可证核发</h1>');
    expect(findHeading(h1.doc, h1.w, {})).toBe('食品经营许可证核发');
    const t = read('<p>x</p>');
    t.doc.title = '食品经营许可证核发 - 安达市政务服务网';
    expect(findHeading(t.doc, t.w, {})).toBe('食品经营许可证核发');
  });
});
