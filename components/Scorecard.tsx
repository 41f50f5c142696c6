import type { AuditResult } from '@/lib/audit';
import { INDICATORS, partText, type IndicatorId } from '@/lib/indicators';
import { STATUS_TEXT, STATUSES, type Outcome } from '@/lib/outcome';

/** English second: the status and the missing parts, from the same outcome. */
export function englishSummary(o: Outcome): string {
  const parts = o.missing.length ? `; missing: ${o.missing.slice(0, 8).join(', ')}${o.missing.length > 8 ? ', …' : ''}` : '';
  return `${STATUS_TEXT[o.status].en}${parts}`;
}

/** The current page's scorecard. Page text is rendered as text only (JSX escapes it). */
export function Scorecard({ result }: { result: AuditResult }) {
  if (!result.isGuide) {
    return (
      <section class="notice" data-testid="not-guide">
        <p>此页面不是办事指南，未进行审核。</p>
        <p class="en">This page is not a service guide; nothing was audited.</p>
        <p class="reason">{result.reason}</p>
      </section>
    );
  }
  const counts = STATUSES.map((s) => [s, result.outcomes.filter((o) => o.status === s).length] as const);
  return (
    <section data-testid="scorecard">
      <header class="item">
        <h1 data-testid="item-name">{result.item.name ?? result.title}</h1>
        {result.item.code && <p class="code">事项编码 {result.item.code}</p>}
        <p class="counts" data-testid="counts">
          {counts.map(([s, n]) => (
            <span class={`pill ${s}`} key={s}>
              {STATUS_TEXT[s].zh} {n}
            </span>
          ))}
        </p>
      </header>
      <table class="outcomes">
        <thead>
          <tr>
            <th>指标 Indicator</th>
            <th>结果 Status</th>
            <th>说明 Finding</th>
          </tr>
        </thead>
        <tbody>
          {result.outcomes.map((o) => {
            const meta = INDICATORS[o.indicator as IndicatorId];
            return (
              <tr key={o.indicator} data-indicator={o.indicator} class={o.status}>
                <td class="ind">
                  <b>{o.indicator}</b> {meta?.zh}
                  <div class="en">{meta?.en}</div>
                </td>
                <td class={`st ${o.status}`} data-testid="status">
                  {STATUS_TEXT[o.status].mark} {STATUS_TEXT[o.status].zh}
                </td>
                <td class="msg">
                  <div>{o.message}</div>
                  <div class="en">{englishSummary(o)}</div>
                  {o.missing.length > 0 && <div class="missing">缺少：{o.missing.map(partText).join('、')}</div>}
                  {o.value && <div class="value" title={o.evidence.selector}>“{o.value}”</div>}
                  {o.hint && <div class="hint">建议：{o.hint}</div>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
