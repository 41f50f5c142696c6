import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { AuditResult } from '@/lib/audit';
import { lang, t } from '@/lib/i18n';
import { SERIES } from '@/lib/indicators';
import { STATUS_TEXT, STATUSES, type Status } from '@/lib/outcome';
import type { VerdictRecord } from '@/lib/store';
import { review, type Reviewed } from '@/lib/verdict';
import { IndicatorRow, type RowActions } from './IndicatorRow';

/** Problems first, worst first: what the reviewer must look at sits at the top. */
const PROBLEMS: Status[] = ['fail', 'partial', 'review'];
type Filter = 'all' | Status;

export interface WorkbenchProps {
  result: AuditResult;
  department?: string | null;
  verdicts: VerdictRecord[];
  actions: RowActions;
  /** The item's journey (A3-2, and B1 against it), shown with the indicators of the scorecard. */
  journey?: ComponentChildren;
}

/**
 * The side panel's scorecard for one audited guide: the item, counts per status, a status
 * filter, then the problems grouped by series (E1 基本信息 … D) and the passes folded below.
 * Every row comes from the real audit; page text is rendered as text (JSX escapes it).
 */
export function Workbench({ result, department, verdicts, actions, journey }: WorkbenchProps) {
  const [filter, setFilter] = useState<Filter>('all');
  const l = lang();
  if (!result.isGuide) {
    return (
      <section class="notice" data-testid="not-guide">
        <p>{t('notGuide')}</p>
        <p class="reason">{result.reason}</p>
      </section>
    );
  }
  const rows = review(result.outcomes, verdicts);
  const counts = STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length] as const);
  const shown = filter === 'all' ? rows : rows.filter((r) => r.status === filter);
  const problems = shown.filter((r) => PROBLEMS.includes(r.status));
  const others = shown.filter((r) => !PROBLEMS.includes(r.status));
  const reviewed = rows.filter((r) => r.verdict).length;
  const changed = rows.filter((r) => r.autoChanged).length;

  return (
    <section data-testid="scorecard" class="workbench">
      <header class="item">
        <h1 data-testid="item-name">{result.item.name ?? result.title}</h1>
        <dl class="item-facts">
          {result.item.code && (
            <div>
              <dt>{t('itemCode')}</dt>
              <dd data-testid="item-code">{result.item.code}</dd>
            </div>
          )}
          {department && (
            <div>
              <dt>{t('department')}</dt>
              <dd data-testid="department">{department}</dd>
            </div>
          )}
        </dl>
        <ul class="counts" data-testid="counts" aria-label={t('countsLabel')}>
          {counts.map(([s, n]) => (
            <li class={`pill ${s}`} key={s} data-status={s}>
              {STATUS_TEXT[s][l]} <b>{n}</b>
            </li>
          ))}
        </ul>
        {(reviewed > 0 || changed > 0) && (
          <p class="review-summary" data-testid="review-summary">
            {t('reviewedCount', reviewed)}
            {changed > 0 && <span class="changed">{` · ${t('changedCount', changed)}`}</span>}
          </p>
        )}
        <div class="filter">
          <label for="status-filter">{t('filterLabel')}</label>
          <select id="status-filter" value={filter} onChange={(e) => setFilter((e.currentTarget as HTMLSelectElement).value as Filter)}>
            <option value="all">{t('filterAll', rows.length)}</option>
            {counts.map(([s, n]) => (
              <option value={s} key={s}>
                {`${STATUS_TEXT[s][l]} (${n})`}
              </option>
            ))}
          </select>
        </div>
      </header>

      <h2 class="section-title" data-testid="problems-title">
        {t('problemsTitle', problems.length)}
      </h2>
      {problems.length ? <Grouped rows={sortWorstFirst(problems)} actions={actions} /> : <p class="empty">{t('noProblems')}</p>}
      {journey}

      {others.length > 0 && (
        <details class="passes" open={filter !== 'all'} data-testid="passes">
          <summary>
            <h2 class="section-title inline">{t('passesTitle', others.length)}</h2>
          </summary>
          <Grouped rows={others} actions={actions} />
        </details>
      )}
    </section>
  );
}

function sortWorstFirst(rows: Reviewed[]): Reviewed[] {
  return [...rows].sort((a, b) => PROBLEMS.indexOf(a.status) - PROBLEMS.indexOf(b.status));
}

/** Rows under their series headings, series in report order, rows in the order given. */
function Grouped({ rows, actions }: { rows: Reviewed[]; actions: RowActions }) {
  const l = lang();
  return (
    <>
      {SERIES.map((s) => {
        const mine = rows.filter((r) => (s.indicators as readonly string[]).includes(r.outcome.indicator));
        if (!mine.length) return null;
        return (
          <section class="series" key={s.id} data-series={s.id}>
            <h3>
              {s.id} {s[l]}
            </h3>
            <ul class="rows">
              {mine.map((r) => (
                <IndicatorRow r={r} actions={actions} key={r.outcome.indicator} />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
