import { audit, type AuditResult } from '@/lib/audit';
import { extractGuide } from '@/lib/extract/guide';
import type { Outcome } from '@/lib/outcome';
import type { GuideSnapshot } from '@/lib/snapshot';

/** Parse an HTML page in a fresh document (the vitest happy-dom environment). */
export function pageOf(html: string, url = 'http://127.0.0.1/guide.html'): Document {
  const doc = document.implementation.createHTMLDocument('');
  doc.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/i, '').replace(/<\/html>[\s\S]*$/i, '');
  Object.defineProperty(doc, 'location', { value: new URL(url) });
  return doc;
}

export function snapshotOf(html: string): GuideSnapshot {
  return extractGuide(pageOf(html), 'http://127.0.0.1/guide.html');
}

export function auditHtml(html: string): AuditResult {
  return audit(snapshotOf(html));
}

/** The outcome of one indicator for a page body given as HTML. */
export function outcomeOf(html: string, indicator: string): Outcome {
  const o = audit(snapshotOf(html)).outcomes.find((x) => x.indicator === indicator);
  if (!o) throw new Error(`no ${indicator} outcome: the page was not judged a guide`);
  return o;
}

/**
 * A minimal but real guide: enough elements to be judged a guide, each of them valid, so a test
 * can replace one row and watch one indicator change.
 */
export function guide(rows: Record<string, string>, extra = ''): string {
  const base: Record<string, string> = {
    事项名称: '个体工商户设立登记',
    事项类型: '行政许可',
    实施主体: '安达市市场监督管理局',
    实施编码: '11231281MB193827494000117001000',
    设定依据: '《促进个体工商户发展条例》第八条',
    法定办结时限: '15个工作日',
    承诺办结时限: '3个工作日',
    ...rows,
  };
  const trs = Object.entries(base)
    .filter(([, v]) => v !== '__omit__')
    .map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`)
    .join('');
  return `<html><head><title>${base['事项名称'] ?? '办事指南'}</title></head><body><table class="info">${trs}</table>${extra}</body></html>`;
}

/** A materials table (材料名称 / 来源渠道 / 份数 / 空白表格 / 示例样表) with a row per [name, blank cell, sample cell]. */
export function materialsTable(rows: [name: string, blank: string, sample: string][]): string {
  const body = rows
    .map(([name, blank, sample], i) => `<tr><td>${i + 1}</td><td>${name}</td><td>申请人自备</td><td>1</td><td>${blank}</td><td>${sample}</td></tr>`)
    .join('');
  return `<h3>申请材料</h3><table class="materials"><tr><th>序号</th><th>材料名称</th><th>来源渠道</th><th>份数</th><th>空白表格</th><th>示例样表</th></tr>${body}</table>`;
}

/** The background's session storage (browser.storage.session) in memory, for handler tests. */
export function memoryStore() {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (k: string) => data.get(k),
    set: async (k: string, v: unknown) => void data.set(k, v),
    remove: async (k: string | string[]) => void (Array.isArray(k) ? k.forEach((x) => data.delete(x)) : data.delete(k)),
    all: async () => Object.fromEntries(data),
  };
}
