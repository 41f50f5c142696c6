import { lang, t, type MessageKey } from '@/lib/i18n';
import { INDICATORS, INDICATOR_IDS, type IndicatorId } from '@/lib/indicators';
import { STATUS_TEXT, type Status } from '@/lib/outcome';
import type { Change, ItemHistory } from '@/lib/store/history';
import type { ItemRow } from '@/lib/store/query';
import { ConfirmButton } from './Confirm';

/** One page of the items table; a row opens to show each indicator and the item's audits. */

const CHANGE_KEY: Record<Change, MessageKey> = {
  new: 'dashChangeNew', fixed: 'dashChangeFixed', regressed: 'dashChangeRegressed', changed: 'dashChangeChanged', unchanged: 'dashChangeUnchanged',
};
/** What changed against the item's previous audit, in the UI language (the CSV keeps lib/store/history's words). */
export const changeWord = (c: Change) => t(CHANGE_KEY[c]);

const time = (ms: number) => new Date(ms).toLocaleString(lang() === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
/** Only web addresses become links: a stored URL is page data, never a script to run. */
const safeHref = (url: string) => (/^https?:\/\//i.test(url) ? url : undefined);

function StatusPill({ s }: { s: Status | undefined }) {
  if (!s) return <span class="st">—</span>;
  return <span class={`st ${s}`}>{STATUS_TEXT[s].mark} {STATUS_TEXT[s][lang()]}</span>;
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
  const l = lang();
  return (
    <table class="items" data-testid="items">
      <thead>
        <tr>
          <th><input type="checkbox" aria-label={t('dashSelectPage')} checked={allOn} onChange={(e) => p.onSelectPage(e.currentTarget.checked)} /></th>
          <th>{t('dashItem')}</th>
          <th>{t('dashDepartment')}</th>
          <th>{t('dashAudited')}</th>
          <th>{t('dashAuditCount')}</th>
          {ind ? <th>{ind} {INDICATORS[ind][l]}</th> : <th>{t('dashResults')}</th>}
          <th>{t('dashChange')}</th>
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
              <td><input type="checkbox" aria-label={t('dashSelectItem', r.name)} checked={p.selected.has(r.key)} onChange={(e) => p.onSelect(r.key, e.currentTarget.checked)} /></td>
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
                  {(['fail', 'partial', 'review', 'pass'] as const).map((s) => (r.counts[s] ? <span key={s} class={`pill ${s}`}>{STATUS_TEXT[s][l]} {r.counts[s]}</span> : null))}
                  {r.reviewed > 0 && <span class="pill" title={t('dashReviewedTitle')}>{t('dashReviewedPill', r.reviewed)}</span>}
                </td>
              )}
              <td data-testid="item-change">
                {summary.length ? summary.map(([c, n]) => <span key={c} class={`chg ${c}`}>{changeWord(c)}{ind ? '' : ` ${n}`}</span>) : changeWord('unchanged')}
                {r.acrossRules && <span class="chg rules" title={t('dashAcrossRulesTitle')}>{t('dashAcrossRules')}</span>}
              </td>
              <td>
                <ConfirmButton label={t('dashDeleteItem')} question={t('dashDeleteItemAsk', r.name, r.audits)} onConfirm={() => p.onDeleteItem(r.key)} testId="delete-item" />
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
  const l = lang();
  return (
    <div data-testid="item-detail">
      <p>
        {href ? <a href={href} target="_blank" rel="noopener noreferrer">{row.url}</a> : row.url} · {t('dashRules', row.engine)}
      </p>
      <table class="indicators">
        <thead><tr><th>{t('dashIndicator')}</th><th>{t('dashStatus')}</th><th>{t('dashAuto')}</th><th>{t('dashChange')}</th></tr></thead>
        <tbody>
          {INDICATOR_IDS.filter((id) => row.statuses[id]).map((id) => (
            <tr key={id} data-testid="indicator-row" data-indicator={id}>
              <th scope="row">{id} {INDICATORS[id][l]}</th>
              <td><StatusPill s={row.statuses[id]} /></td>
              <td><StatusPill s={history?.latest.statuses[id]} /></td>
              <td class={`chg ${row.changes[id] ?? ''}`} data-testid="indicator-change">{row.changes[id] ? changeWord(row.changes[id]!) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>{t('dashAudits')}</h4>
      <ul class="audits">
        {[...(history?.audits ?? [])].reverse().map((a) => (
          <li key={a.id}>
            {time(a.auditedAt)} · {a.engine}
            {a.source === 'reaudit' ? ` · ${t('dashSourceReaudit')}` : a.source === 'import' ? ` · ${t('dashSourceImport')}` : ''} ·{' '}
            <ConfirmButton label={t('dashDeleteAudit')} question={t('dashDeleteAuditAsk')} onConfirm={() => onDeleteAudit(a.id)} testId="delete-audit" />
          </li>
        ))}
      </ul>
    </div>
  );
}
