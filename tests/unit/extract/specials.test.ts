import { describe, expect, it } from 'vitest';
import { extractSpecials } from '@/lib/extract/specials';
import { classifyTables } from '@/lib/extract/tables';
import { read } from './dom';

describe('extract/specials: special procedures listed in a table', () => {
  it('one procedure per row, with its limit; 无 rows list none', () => {
    const { w } = read('<table><tr><th>特殊环节名称</th><th>特殊环节时限</th></tr><tr><td>专家评审</td><td>10个工作日</td></tr><tr><td>无</td><td></td></tr></table>');
    expect(extractSpecials(w, classifyTables(w)).map((s) => [s.name, s.limit])).toEqual([['专家评审', '10个工作日']]);
  });
});
