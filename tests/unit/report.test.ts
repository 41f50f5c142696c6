import { describe, expect, it } from 'vitest';
import { terminalText, toJson, toTable } from '@/lib/report';
import { auditHtml, guide } from '../helpers';

describe('terminal and JSON reports', () => {
  it('prints a Chinese scorecard with each indicator, its status and what is missing', () => {
    const text = toTable([auditHtml(guide({ 办理地点: '灵山县三海街道江南路5号县政务服务中心' }))]);
    expect(text).toContain('[1/1] 个体工商户设立登记');
    expect(text).toMatch(/E1-3\s+办理地点\s+◐ 不完整\s+办理地点缺少房间号、窗口号/);
    expect(text).toContain('通过 ');
  });

  it('never lets page text drive the terminal: escape sequences and control characters become spaces', () => {
    expect(terminalText('办理地点\u001b[2J\u001b]0;owned\u0007\r\n')).toBe('办理地点 [2J ]0;owned ');
    const text = toTable([auditHtml(guide({ 事项名称: '登记\u001b[31m红字\u001b[0m' }))]);
    expect(text).not.toContain('\u001b');
  });

  it('JSON keeps the documented field names', () => {
    const [page] = JSON.parse(toJson([auditHtml(guide({}))])) as Record<string, unknown>[];
    expect(Object.keys(page!)).toEqual(expect.arrayContaining(['url', 'title', 'isGuide', 'item', 'outcomes']));
  });
});
