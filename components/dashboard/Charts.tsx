import { INDICATORS, INDICATOR_IDS, type IndicatorId } from '@/lib/indicators';
import type { GroupStats, Rate } from '@/lib/store/stats';

/** Results against targets as inline SVG bars (no chart library needed for bars and a line). */

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);

/** One horizontal bar 0–100 % with a target line; the number is also in text for screen readers. */
export function Bar({ value, target, label }: { value: number | null; target?: number; label: string }) {
  const w = 160;
  const v = value === null ? 0 : Math.max(0, Math.min(1, value));
  const met = target === undefined || (value !== null && value >= target);
  return (
    <svg width={w} height={14} role="img" aria-label={`${label} ${pct(value)}${target !== undefined ? `，目标 ${pct(target)}` : ''}`}>
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
          <th>部门 Department</th>
          <th>事项 Items</th>
          <th>平均减时间 Avg cut（目标 {pct(targets.cut)}）</th>
          <th>即办占比 即办 share（目标 {pct(targets.instant)}）</th>
          <th>零跑动占比 Zero visits（目标 {pct(targets.zeroVisits)}）</th>
          <th>办事路径平均点击 Avg journey clicks</th>
          <th>平均页面 Avg journey pages</th>
          <th>预算内到达 Within budget（{clickBudget} 次点击 clicks）</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.department} data-testid="target-row">
            <th scope="row">{g.department}</th>
            <td class="num">{g.items}</td>
            <td>
              <Bar value={g.cut.average} target={targets.cut} label="平均减时间" /> <span class="num">{pct(g.cut.average)}</span> <span class="of">({g.cut.of})</span>
            </td>
            {rateCell(g.instant, targets.instant, '即办占比')}
            {rateCell(g.zeroVisits, targets.zeroVisits, '零跑动占比')}
            <td class="num" data-testid="journey-clicks">{avg(g.journeys.clicks)} <span class="of">({g.journeys.reached})</span></td>
            <td class="num" data-testid="journey-pages">{avg(g.journeys.pages)} <span class="of">({g.journeys.reached})</span></td>
            {rateCell(g.journeys.withinBudget, undefined, '预算内到达')}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Pass rate per indicator for one group. */
export function PassRates({ group }: { group: GroupStats }) {
  return (
    <table class="pass-rates" data-testid="pass-rates">
      <caption>{group.department}：各指标通过率 pass rate per indicator</caption>
      <tbody>
        {INDICATOR_IDS.map((id: IndicatorId) => (
          <tr key={id}>
            <th scope="row">
              {id} {INDICATORS[id].zh}
            </th>
            {rateCell(group.passRate[id]!, undefined, `${id} 通过率`)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
