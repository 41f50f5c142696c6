import { describe, expect, it } from 'vitest';
import { toCsv } from '@/lib/csv';
import { terminalText, toJson, toTable } from '@/lib/report';
import { auditHtml, guide } from '../helpers';

describe('terminal and JSON reports', () => {
  it('prints a Chinese scorecard with each indicator, its status and what is missing', () => {
    const text = toTable([auditHtml(guide({ 办理地点: '灵山县三海街道江南路5号县政务服务中心' }))]);
    expect(text).toContain('[1/1] 个体工商户设立登记');
    expect(text).toMatch(/E1-3\s+办理地点\s+◐ 不完整\s+办理地点缺少房间号、窗口号/);
    expect(text).toContain('通过 ');
  });

  it('names results as results: 非即办 and 需到现场N次, not 缺失', () => {
    const text = toTable([auditHtml(guide({ 办件类型: '承诺件', 到办事现场次数: '2次' }))]);
    expect(text).toMatch(/A4-4\s+即办\s+✘ 非即办/);
    expect(text).toMatch(/A4-3\s+减跑动\s+✘ 需到现场2次/);
  });

  it('never lets page text drive the terminal: escape sequences go, control characters become spaces', () => {
    expect(terminalText('办理地点\u001b[2J\u001b]0;owned\u0007\r\n窗口\u0000号')).toBe('办理地点 窗口 号');
    expect(terminalText('\u202e1202\u202c 号\u2066')).toBe('1202 号');
    const text = toTable([auditHtml(guide({ 事项名称: '登记\u001b[31m红字\u001b[0m' }))]);
    expect(text).not.toContain('\u001b');
  });

  it('JSON and CSV cells carry no escape sequences, control or bidi characters from the page', () => {
    const hostile = '登记\u001b[31m红字\u001b[0m\u202e回\u0007\u009b2J';
    const result = auditHtml(guide({ 事项名称: hostile, 办理地点: `江南路5号\u202e101室\u001b]8;;http://x\u0007` }));
    const json = JSON.parse(toJson([result])) as { item: { name: string }; outcomes: { indicator: string; value: string }[] }[];
    const strings = JSON.stringify(json);
    expect(strings).not.toMatch(/\\u00(1b|07|9b)|\u202e/i);
    expect(json[0]!.item.name).toBe('登记红字回 ');
    const csv = toCsv([result]);
    // eslint-disable-next-line no-control-regex
    expect(csv).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(csv).toContain('"登记红字回 "');
  });

  it('says which frame the guide came from, in JSON and in the table', () => {
    const page = { ...auditHtml(guide({})), frame: { url: 'https://zwfw.example.gov.cn/guide/frame.html' } };
    expect(JSON.parse(toJson([page]))[0].frame).toEqual({ url: 'https://zwfw.example.gov.cn/guide/frame.html' });
    expect(toTable([page])).toContain('指南位于框架 / guide found in frame: https://zwfw.example.gov.cn/guide/frame.html');
    expect(JSON.parse(toJson([auditHtml(guide({}))]))[0]).not.toHaveProperty('frame');
  });

  it('JSON keeps the documented field names', () => {
    const [page] = JSON.parse(toJson([auditHtml(guide({}))])) as Record<string, unknown>[];
    expect(Object.keys(page!)).toEqual(expect.arrayContaining(['url', 'title', 'isGuide', 'item', 'outcomes']));
  });
});
