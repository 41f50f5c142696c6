import type { PageReport } from './csv';
import { INDICATORS, partText, type IndicatorId } from './indicators';
import { STATUSES, STATUS_TEXT } from './outcome';

/** Page text on a terminal is text: no control characters or escape sequences get through. */
export function terminalText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ');
}

/** The scorecard as plain text for a terminal, Chinese first. */
export function toTable(pages: PageReport[]): string {
  const out: string[] = [];
  pages.forEach((p, i) => {
    out.push('');
    out.push(`[${i + 1}/${pages.length}] ${terminalText(p.item.name ?? p.title ?? '')}  ${terminalText(p.url)}`);
    if ('error' in p) {
      out.push(`  ✘ 无法加载 / could not load: ${terminalText(p.error)}`);
      return;
    }
    if (!p.isGuide) {
      out.push(`  – 不是办事指南，未审核 / not a guide: ${terminalText(p.reason)}`);
      return;
    }
    if (p.item.code) out.push(`  事项编码 ${terminalText(p.item.code)}`);
    out.push(`  ${STATUSES.map((s) => `${STATUS_TEXT[s].zh} ${p.outcomes.filter((o) => o.status === s).length}`).join(' · ')}`);
    for (const o of p.outcomes) {
      const name = INDICATORS[o.indicator as IndicatorId]?.zh ?? '';
      const st = `${STATUS_TEXT[o.status].mark} ${STATUS_TEXT[o.status].zh}`;
      const missing = o.missing.length ? ` 缺少：${o.missing.map(partText).join('、')}` : '';
      out.push(`  ${o.indicator.padEnd(5)} ${pad(name, 18)} ${pad(st, 12)} ${terminalText(o.message)}${terminalText(missing)}`);
    }
  });
  return `${out.join('\n')}\n`;
}

/** Pad by display width: a CJK character takes two columns. */
function pad(s: string, width: number): string {
  const w = [...s].reduce((n, ch) => n + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);
  return s + ' '.repeat(Math.max(1, width - w));
}

/** The documented JSON shape: [{url,title,isGuide,item:{name,code},outcomes:[…]}], fields may be added. */
export function toJson(pages: PageReport[]): string {
  return `${JSON.stringify(pages, null, 2)}\n`;
}
