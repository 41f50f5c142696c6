import type { AuditResult } from './audit';
import { INDICATORS, partText, type IndicatorId } from './indicators';
import { STATUS_TEXT } from './outcome';
import { plainText } from './plain-text';

/** A page the command line or the extension reports on: audited, or failed to load. */
export type PageReport = AuditResult | { url: string; title: string; isGuide: false; item: { name: null; code: null }; outcomes: []; error: string };

// Spreadsheets run a cell that starts with = + - @ (or a tab/CR/LF, or their full-width forms)
// as a formula. Page text is untrusted, so such a cell gets a leading apostrophe (OWASP).
const TRIGGER = /^[=+\-@\t\r\n\0＝＋－＠]/;
const LEADING_SPACE = /^[\s\u00A0\u3000\uFEFF]+/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  // Page text: no escape sequences, control or bidi characters in a cell (lib/plain-text.ts).
  const text = plainText(value);
  const safe = TRIGGER.test(text.replace(LEADING_SPACE, '')) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export const CSV_HEADER = [
  '网址 URL', '页面标题 Title', '是否办事指南 Is guide', '事项名称 Item', '事项编码 Code', '指标 Indicator',
  '指标名称 Name', '结果 Status', '判定值 Value', '缺少 Missing', '说明 Finding', '整改建议 Fix', '证据位置 Evidence',
  '依据标签 Label', '审核时间 Audited at',
];

/** Today's columns for one page: one row per indicator; a page that is not a guide or failed to load gets one row. */
export function pageRows(p: PageReport): (string | null)[][] {
  const rows: (string | null)[][] = [];
  const head = [p.url, p.title, p.isGuide ? '是' : '否', p.item.name, p.item.code];
  const at = 'auditedAt' in p ? new Date(p.auditedAt).toISOString() : '';
  if ('error' in p) return [[...head, '', '', '无法加载 error', '', '', p.error, '', '', '', at]];
  if (!p.isGuide) return [[...head, '', '', '不适用 n/a', '', '', p.reason, '', '', '', at]];
  for (const o of p.outcomes) {
    rows.push([
      ...head, o.indicator, INDICATORS[o.indicator as IndicatorId]?.zh ?? '', `${STATUS_TEXT[o.status].zh} ${o.status}`,
      o.value, o.missing.map(partText).join('；'), o.message, o.hint, o.evidence.selector ?? '', o.evidence.label ?? '', at,
    ]);
  }
  return rows;
}

/** One CSV line (RFC 4180 quoting, CRLF). */
export function csvRow(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** UTF-8 BOM so Excel and WPS read the Chinese right. */
export const CSV_BOM = '\uFEFF';

/** One row per page × indicator; a page that is not a guide or failed to load gets one row. */
export function toCsv(pages: PageReport[]): string {
  return CSV_BOM + [CSV_HEADER, ...pages.flatMap(pageRows)].map(csvRow).join('');
}
