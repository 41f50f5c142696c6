import { lang, t } from '@/lib/i18n';
import { INDICATORS, INDICATOR_IDS, type IndicatorId } from '@/lib/indicators';
import { ALL_DEPARTMENTS, NO_DEPARTMENT, type GroupStats, type Rate } from '@/lib/store/stats';

/** Results against targets as inline SVG bars (no chart library needed for bars and a line). */

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);

/** A group's name as shown: the overall group and items without a department in the UI language. */
export const groupName = (department: string) => (department === ALL_DEPARTMENTS ? t('dashAll') : department === NO_DEPARTMENT ? t('dashNoDepartment') : department);

/** One horizontal bar 0–100 % with a target line; the number is also in text for screen readers. */
export function Bar({ value, target, label }: { value: number | null; target?: number; label: string }) {
  const w = 160;
  const v = value === null ? 0 : Math.max(0, Math.min(1, value));
  const met = target === undefined || (value !== null && value >= target);
  return (
    <svg width={w} height={14} role="img" aria-label={target !== undefined ? t('dashBarTarget', label, pct(value), pct(target)) : `${label} ${pct(value)}`}>
      <rect x={0} y={2} width={w} height={10} fill="#eef1f5" />
      <rect x={0} y={2} width={w * v} height={10} fill={value === null ? '#ccc' : met ? '#2e7d32' : '#c62828'} />
      {target !== undefined && <line x1={w * target} x2={w * target} y1={0} y2={14} stroke="#1f2933" stroke-width={2} />}
    </svg>
  );
}

function rateCell(r: Rate, target?: number, label = '') {
  return (
    <td>
      <Bar value={r.rate} target={target} label={label} /> <span class="num">{pct(r.rate)}</span> <span class="of">({r.n}/{r.of})</span>
    </td>
  );
}

const avg = (v: number | null) => (v === null ? '—' : String(Math.round(v * 10) / 10));

/**
 * Per department: average cut vs 70 %, share of 即办 vs 40 %, share of 零跑动 vs 70 %, and the
 * journeys (A3-2): average clicks and pages to the submission page, share within the click budget.
 */
export function TargetsTable({ groups, targets, clickBudget }: { groups: GroupStats[]; targets: { cut: number; instant: number; zeroVisits: number }; clickBudget: number }) {
  return (
    <table class="targets" data-testid="targets">
      <thead>
        <tr>
          <th>{t('dashDepartment')}</th>
          <th>{t('dashItems')}</th>
          <th>{t('dashWithTarget', t('dashCut'), pct(targets.cut))}</th>
          <th>{t('dashWithTarget', t('dashInstant'), pct(targets.instant))}</th>
          <th>{t('dashWithTarget', t('dashZeroVisits'), pct(targets.zeroVisits))}</th>
          <th>{t('dashJourneyClicks')}</th>
          <th>{t('dashJourneyPages')}</th>
          <th>{t('dashWithinBudget', clickBudget)}</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.department} data-testid="target-row">
            <th scope="row">{groupName(g.department)}</th>
            <td class="num">{g.items}</td>
            <td>
              <Bar value={g.cut.average} target={targets.cut} label={t('dashCut')} /> <span class="num">{pct(g.cut.average)}</span> <span class="of">({g.cut.of})</span>
            </td>
            {rateCell(g.instant, targets.instant, t('dashInstant'))}
            {rateCell(g.zeroVisits, targets.zeroVisits, t('dashZeroVisits'))}
            <td class="num" data-testid="journey-clicks">{avg(g.journeys.clicks)} <span class="of">({g.journeys.reached})</span></td>
            <td class="num" data-testid="journey-pages">{avg(g.journeys.pages)} <span class="of">({g.journeys.reached})</span></td>
            {rateCell(g.journeys.withinBudget, undefined, t('dashWithinBudget', clickBudget))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Pass rate per indicator for one group. */
export function PassRates({ group }: { group: GroupStats }) {
  const l = lang();
  return (
    <table class="pass-rates" data-testid="pass-rates">
      <caption>{t('dashPassRatesOf', groupName(group.department))}</caption>
      <tbody>
        {INDICATOR_IDS.map((id: IndicatorId) => (
          <tr key={id}>
            <th scope="row">
              {id} {INDICATORS[id][l]}
            </th>
            {rateCell(group.passRate[id]!, undefined, t('dashPassRate', id))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
