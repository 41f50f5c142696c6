import type { PageReport } from './csv';
import { INDICATORS, outcomeWord, partText, type IndicatorId } from './indicators';
import { STATUSES, STATUS_TEXT } from './outcome';
import { lineText, plainValue } from './plain-text';

/**
 * What the command line reports per target: the page report, and when the guide was found in a
 * frame other than the top page, that frame (`url` stays the target's URL).
 */
export type CliReport = PageReport & { frame?: { url: string } };

/** Page text on a terminal is text: no control characters, escape sequences or bidi overrides. */
export const terminalText = lineText;

/** The scorecard as plain text for a terminal, Chinese first. */
export function toTable(pages: CliReport[]): string {
  const out: string[] = [];
  pages.forEach((p, i) => {
    out.push('');
    out.push(`[${i + 1}/${pages.length}] ${terminalText(p.item.name ?? p.title ?? '')}  ${terminalText(p.url)}`);
    if (p.frame) out.push(`  指南位于框架 / guide found in frame: ${terminalText(p.frame.url)}`);
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
      // Each indicator names its own outcomes where the generic words mislead (A4-4 非即办 is a result, not a gap).
      const st = `${STATUS_TEXT[o.status].mark} ${outcomeWord(o)}`;
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

/**
 * The documented JSON shape: [{url,title,isGuide,item:{name,code},outcomes:[…]}], fields may be
 * added (`error`, `frame`). Strings carry no escape sequences, control or bidi characters.
 */
export function toJson(pages: CliReport[]): string {
  return `${JSON.stringify(plainValue(pages), null, 2)}\n`;
}
