import { INDICATORS, INDICATOR_IDS, type IndicatorId } from '@/lib/indicators';
import { STATUS_TEXT, type Status } from '@/lib/outcome';
import { CHANGE_TEXT, type ItemHistory } from '@/lib/store/history';
import type { ItemRow } from '@/lib/store/query';
import { ConfirmButton } from './Confirm';

/** One page of the items table; a row opens to show each indicator and the item's audits. */

const time = (ms: number) => new Date(ms).toLocaleString('zh-CN', { hour12: false });
/** Only web addresses become links: a stored URL is page data, never a script to run. */
const safeHref = (url: string) => (/^https?:\/\//i.test(url) ? url : undefined);

function StatusPill({ s }: { s: Status | undefined }) {
  if (!s) return <span class="st">—</span>;
  return <span class={`st ${s}`}>{STATUS_TEXT[s].mark} {STATUS_TEXT[s].zh}</span>;
}

export interface TableProps {
  rows: ItemRow[];
  indicator?: string;
  selected: Set<string>;
  open: string | null;
  history: (key: string) => ItemHistory | undefined;
  onSelect: (key: string, on: boolean) => void;
  onSelectPage: (on: boolean) => void;
  onOpen: (key: string | null) => void;
  onDeleteItem: (key: string) => void;
  onDeleteAudit: (id: string) => void;
}

export function ItemsTable(p: TableProps) {
  const allOn = p.rows.length > 0 && p.rows.every((r) => p.selected.has(r.key));
  const ind = p.indicator as IndicatorId | undefined;
  return (
    <table class="items" data-testid="items">
      <thead>
        <tr>
          <th><input type="checkbox" aria-label="选择本页 select this page" checked={allOn} onChange={(e) => p.onSelectPage(e.currentTarget.checked)} /></th>
          <th>事项 Item</th>
          <th>部门 Department</th>
          <th>审核时间 Audited</th>
          <th>次数 Audits</th>
          {ind ? <th>{ind} {INDICATORS[ind].zh}</th> : <th>结果 Results</th>}
          <th>变化 Change</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {p.rows.map((r) => {
          const changes = ind ? (r.changes[ind] ? [r.changes[ind]!] : []) : Object.values(r.changes);
          const summary = (['fixed', 'regressed', 'changed', 'new'] as const).map((c) => [c, changes.filter((x) => x === c).length] as const).filter(([, n]) => n);
          const isOpen = p.open === r.key;
          return [
            <tr key={r.key} data-testid="item-row" data-key={r.key} class={isOpen ? 'open' : ''}>
              <td><input type="checkbox" aria-label={`选择 ${r.name}`} checked={p.selected.has(r.key)} onChange={(e) => p.onSelect(r.key, e.currentTarget.checked)} /></td>
              <td>
                <button type="button" class="link" aria-expanded={isOpen} onClick={() => p.onOpen(isOpen ? null : r.key)} data-testid="item-name">{r.name}</button>
                {r.code && <div class="code">{r.code}</div>}
              </td>
              <td>{r.department ?? '—'}</td>
              <td class="nowrap">{time(r.auditedAt)}</td>
              <td class="num">{r.audits}</td>
              {ind ? (
                <td><StatusPill s={r.statuses[ind]} /></td>
              ) : (
                <td class="counts">
                  {(['fail', 'partial', 'review', 'pass'] as const).map((s) => (r.counts[s] ? <span key={s} class={`pill ${s}`}>{STATUS_TEXT[s].zh} {r.counts[s]}</span> : null))}
                </td>
              )}
              <td data-testid="item-change">
                {summary.length ? summary.map(([c, n]) => <span key={c} class={`chg ${c}`}>{CHANGE_TEXT[c]}{ind ? '' : ` ${n}`}</span>) : CHANGE_TEXT.unchanged}
                {r.acrossRules && <span class="chg rules" title="与上一次审核使用的规则版本不同">跨规则版本</span>}
              </td>
              <td>
                <ConfirmButton label="删除事项" question={`删除“${r.name}”的全部 ${r.audits} 次审核和复核意见？`} onConfirm={() => p.onDeleteItem(r.key)} testId="delete-item" />
              </td>
            </tr>,
            isOpen ? (
              <tr key={`${r.key}:detail`} class="detail">
                <td colSpan={8}>
                  <Detail row={r} history={p.history(r.key)} onDeleteAudit={p.onDeleteAudit} />
                </td>
              </tr>
            ) : null,
          ];
        })}
      </tbody>
    </table>
  );
}

function Detail({ row, history, onDeleteAudit }: { row: ItemRow; history?: ItemHistory; onDeleteAudit: (id: string) => void }) {
  const href = safeHref(row.url);
  return (
    <div data-testid="item-detail">
      <p>
        {href ? <a href={href} target="_blank" rel="noopener noreferrer">{row.url}</a> : row.url} · 规则版本 Rules {row.engine}
      </p>
      <table class="indicators">
        <thead><tr><th>指标</th><th>结果 Status</th><th>自动判定 Auto</th><th>变化 Change</th></tr></thead>
        <tbody>
          {INDICATOR_IDS.filter((id) => row.statuses[id]).map((id) => (
            <tr key={id} data-testid="indicator-row" data-indicator={id}>
              <th scope="row">{id} {INDICATORS[id].zh}</th>
              <td><StatusPill s={row.statuses[id]} /></td>
              <td><StatusPill s={history?.latest.statuses[id]} /></td>
              <td class={`chg ${row.changes[id] ?? ''}`} data-testid="indicator-change">{row.changes[id] ? CHANGE_TEXT[row.changes[id]!] : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>审核记录 Audits</h4>
      <ul class="audits">
        {[...(history?.audits ?? [])].reverse().map((a) => (
          <li key={a.id}>
            {time(a.auditedAt)} · {a.engine}
            {a.source === 'reaudit' ? ' · 重新审核 re-audit' : a.source === 'import' ? ' · 导入 import' : ''} ·{' '}
            <ConfirmButton label="删除此次审核" question="删除这一次审核？" onConfirm={() => onDeleteAudit(a.id)} testId="delete-audit" />
          </li>
        ))}
      </ul>
    </div>
  );
}
