import { describe, expect, it } from 'vitest';
import { csvCell, toCsv, type PageReport } from '@/lib/csv';
import { auditHtml, guide } from '../helpers';

/** A small RFC 4180 reader, to check the file parses back to what was written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += ch;
  }
  return rows;
}

describe('CSV export', () => {
  it('neutralises cells a spreadsheet would run as a formula, even behind white space', () => {
    for (const v of ['=HYPERLINK("http://x","y")', '+1', '-1+1', '@SUM(1)', '\t=1', '\u3000=1+1', ' =cmd', '＝1+1']) {
      expect(csvCell(v).startsWith(`"'`) || csvCell(v).startsWith(`"${v.match(/^\s*/)![0]}'`) || csvCell(v).includes(`'`)).toBe(true);
      expect(csvCell(v)).toMatch(/^"'/);
    }
    expect(csvCell('灵山县江南路5号')).toBe('"灵山县江南路5号"');
    expect(csvCell('说 "无"，逗号,换行\n')).toBe('"说 ""无""，逗号,换行\n"');
    expect(csvCell(3)).toBe('3');
    expect(csvCell(null)).toBe('');
  });

  it('writes a BOM, CRLF rows, one row per indicator, and reads back unchanged', () => {
    const hostile = '=HYPERLINK("http://evil.example","点击")';
    const result = auditHtml(guide({ 办理地点: hostile, 事项名称: '&lt;img src=x onerror=alert(1)&gt;' }));
    const csv = toCsv([result]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(1 + 18);
    expect(rows[0]![5]).toBe('指标 Indicator');
    const e13 = rows.find((r) => r[5] === 'E1-3')!;
    expect(e13[8]).toBe(`'${hostile}`); // stored as text, with the apostrophe that stops Excel/WPS
    expect(rows[1]![3]).toBe('<img src=x onerror=alert(1)>');
  });

  it('gives a page that could not load, or is not a guide, one row saying so', () => {
    const dead: PageReport = { url: 'http://127.0.0.1:9/', title: '', isGuide: false, item: { name: null, code: null }, outcomes: [], error: '无法打开 (ERR_CONNECTION_REFUSED)' };
    const rows = parseCsv(toCsv([dead, auditHtml('<p>通知公告</p>')]).slice(1));
    expect(rows).toHaveLength(3);
    expect(rows[1]![7]).toBe('无法加载 error');
    expect(rows[1]![10]).toContain('ERR_CONNECTION_REFUSED');
    expect(rows[2]![2]).toBe('否');
  });
});
