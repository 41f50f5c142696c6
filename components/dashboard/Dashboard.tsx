import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { lang, t, type MessageKey } from '@/lib/i18n';
import { INDICATORS, INDICATOR_IDS } from '@/lib/indicators';
import { STATUSES, STATUS_TEXT, type Status } from '@/lib/outcome';
import { importBackup } from '@/lib/export/backup';
import { downloadBlob, exportFileName } from '@/lib/export/download';
import { FORMAT_TEXT, exportFile, type ExportFormat } from '@/lib/export/index';
import type { RuleContext } from '@/lib/rules/types';
import { deleteAudits, deleteEverything, deleteItem, listAudits } from '@/lib/store/audits';
import { StoreError, type StoreDb } from '@/lib/store/db';
import { CHANGES, histories, verdictMap, type Change } from '@/lib/store/history';
import { departments, filterRows, itemRows, sortRows, type Filter, type Sort, type SortKey } from '@/lib/store/query';
import { reauditStored } from '@/lib/store/reaudit';
import { listVerdicts } from '@/lib/store/records';
import type { AuditRecord, VerdictRecord } from '@/lib/store/schema';
import { TARGETS, departmentStats, type JourneyFigures } from '@/lib/store/stats';
import { DEFAULT_JOURNEY_SETTINGS, type JourneySettings } from '@/lib/journey/settings';
import { decided, itemJourney, storedJourneyViews, type JourneyView } from '@/lib/journey/view';
import { PassRates, TargetsTable, groupName } from './Charts';
import { ConfirmButton } from './Confirm';
import { ItemsTable, changeWord } from './ItemsTable';
import { storeErrorText } from './StoreNotice';

/** The dashboard: every audited item, filters, department figures against targets, exports. */

export const PAGE_SIZE = 50;

export interface DashboardProps {
  db: StoreDb;
  ctx: RuleContext;
  /** The reviewer's journey settings: the A3-2 figures and the journey exports follow them. */
  journeySettings?: JourneySettings;
  /** Re-read when the background saved something (a signal from the page shell). */
  changed?: number;
  onReady?: () => void;
}

type Scope = 'selected' | 'filtered' | 'all';

/** The export's name in messages; its file name keeps lib/export's Chinese words (the CSVs are bilingual). */
const FORMAT_KEY: Record<ExportFormat, MessageKey> = { long: 'dashFormatLong', wide: 'dashFormatWide', journeys: 'dashFormatJourneys', backup: 'dashFormatBackup' };

/** Each item's decided journey (lib/journey/view.ts derives it from the stored events). */
async function journeyFigures(db: StoreDb, s: JourneySettings): Promise<Map<string, JourneyFigures>> {
  const byItem = new Map<string, JourneyView[]>();
  for (const { record, view } of await storedJourneyViews(db, s)) if (record.itemKey) (byItem.get(record.itemKey) ?? byItem.set(record.itemKey, []).get(record.itemKey)!).push(view);
  const out = new Map<string, JourneyFigures>();
  for (const [key, views] of byItem) {
    const j = itemJourney(views);
    if (j && decided(j)) out.set(key, { clicks: j.clicks, pages: j.pages, reached: j.reached, a32: j.outcomes[0]!.status });
  }
  return out;
}

const dayStart = (s: string) => (s ? new Date(`${s}T00:00:00`).getTime() : undefined);
const dayEnd = (s: string) => (s ? new Date(`${s}T23:59:59.999`).getTime() : undefined);

/** An error as the reviewer reads it: the store's own failures (full disk, blocked upgrade…) in the UI language. */
const errorText = (e: unknown) =>
  e instanceof StoreError ? storeErrorText(e.kind, e.message) : String((e as Error)?.message ?? e);

export function Dashboard({ db, ctx, journeySettings = DEFAULT_JOURNEY_SETTINGS, changed = 0, onReady }: DashboardProps) {
  const [data, setData] = useState<{ audits: AuditRecord[]; verdicts: VerdictRecord[]; journeys: Map<string, JourneyFigures> } | null>(null);
  const [error, setError] = useState<string>('');
  const [message, setMessage] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [filter, setFilter] = useState<Filter>({});
  const [dates, setDates] = useState({ from: '', to: '' });
  const [sort, setSort] = useState<Sort>({ key: 'date', desc: true });
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<string | null>(null);
  const [scope, setScope] = useState<Scope>('all');
  const [allAudits, setAllAudits] = useState(false);

  const load = useCallback(async () => {
    try {
      const [audits, verdicts, journeys] = await Promise.all([listAudits(db), listVerdicts(db), journeyFigures(db, journeySettings)]);
      setData({ audits, verdicts, journeys });
    } catch (e) {
      setError(errorText(e));
    }
  }, [db, journeySettings]);
  useEffect(() => void load(), [load, changed]);

  const all = useMemo(() => histories(data?.audits ?? []), [data]);
  const vmap = useMemo(() => verdictMap(data?.verdicts ?? []), [data]);
  const rows = useMemo(() => itemRows(all.values(), vmap), [all, vmap]);
  const fullFilter = useMemo(() => ({ ...filter, from: dayStart(dates.from), to: dayEnd(dates.to) }), [filter, dates]);
  const shown = useMemo(() => sortRows(filterRows(rows, fullFilter), sort, filter.indicator), [rows, fullFilter, sort, filter.indicator]);
  const stats = useMemo(() => departmentStats(shown.map((r) => ({ ...r, journey: data?.journeys.get(r.key) }))), [shown, data]);
  const depts = useMemo(() => departments(rows), [rows]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const pageRows = shown.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);

  useEffect(() => {
    if (data) onReady?.();
  }, [data]);

  const set = (f: Partial<Filter>) => {
    setFilter((old) => ({ ...old, ...f }));
    setPage(0);
  };
  const run = async (what: () => Promise<string>) => {
    setBusy(true);
    setMessage('');
    setError('');
    try {
      setMessage(await what());
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
      await load();
    }
  };
  const scopeKeys = () => (scope === 'selected' ? [...selected] : scope === 'filtered' ? shown.map((r) => r.key) : undefined);

  const doExport = (format: ExportFormat) =>
    run(async () => {
      const keys = scopeKeys();
      if (keys && !keys.length) throw new Error(t('dashNothingSelected'));
      const blob = await exportFile(db, format, { itemKeys: keys, allAudits, journeySettings });
      downloadBlob(blob, exportFileName(FORMAT_TEXT[format], format === 'backup' ? 'json' : 'csv'));
      return t('dashExported', t(FORMAT_KEY[format]), Math.round(blob.size / 1024));
    });
  const doImport = (file: File) =>
    run(async () => {
      const s = await importBackup(db, await file.text());
      return t('dashImported', s.audits.added, s.audits.skipped, s.verdicts.added, s.journeys.added, s.screenshots.added);
    });
  const doReaudit = () =>
    run(async () => {
      const s = await reauditStored(db, { itemKeys: scopeKeys(), ctx });
      return s.noSnapshot ? t('dashReauditedNoSnapshot', s.items, s.changed, s.unchanged, s.noSnapshot) : t('dashReaudited', s.items, s.changed, s.unchanged);
    });

  if (!data) return <p>{error ? <span role="alert" class="error">{error}</span> : t('dashLoading')}</p>;

  const l = lang();
  const one = filter.department !== undefined && stats[1];
  return (
    <>
      <section class="summary" aria-label={t('dashSummary')}>
        <p data-testid="totals">
          {t('dashTotals', rows.length, data.audits.length)}
          {shown.length !== rows.length && ` · ${t('dashFiltered', shown.length)}`}
        </p>
        <TargetsTable groups={stats} targets={{ ...TARGETS, cut: ctx.cutTarget }} clickBudget={journeySettings.clickBudget} />
        {stats[0] && (
          <details class="rates">
            <summary>{t('dashPassRates', groupName((one || stats[0]).department))}</summary>
            <PassRates group={one || stats[0]} />
          </details>
        )}
      </section>

      <section class="filters" aria-label={t('dashFilters')}>
        <label>{t('dashDepartment')}
          <select data-testid="filter-department" value={filter.department ?? '*'} onChange={(e) => set({ department: e.currentTarget.value === '*' ? undefined : e.currentTarget.value })}>
            <option value="*">{t('dashAll')}</option>
            {depts.map((d) => <option key={d} value={d}>{d || t('dashNoDepartment')}</option>)}
          </select>
        </label>
        <label>{t('dashIndicator')}
          <select data-testid="filter-indicator" value={filter.indicator ?? '*'} onChange={(e) => set({ indicator: e.currentTarget.value === '*' ? undefined : e.currentTarget.value })}>
            <option value="*">{t('dashAny')}</option>
            {INDICATOR_IDS.map((id) => <option key={id} value={id}>{id} {INDICATORS[id][l]}</option>)}
          </select>
        </label>
        <label>{t('dashStatus')}
          <select data-testid="filter-status" value={filter.status ?? '*'} onChange={(e) => set({ status: e.currentTarget.value === '*' ? undefined : (e.currentTarget.value as Status) })}>
            <option value="*">{t('dashAny')}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{STATUS_TEXT[s][l]}</option>)}
          </select>
        </label>
        <label>{t('dashChange')}
          <select data-testid="filter-change" value={filter.change ?? '*'} onChange={(e) => set({ change: e.currentTarget.value === '*' ? undefined : (e.currentTarget.value as Change) })}>
            <option value="*">{t('dashAny')}</option>
            {CHANGES.map((c) => <option key={c} value={c}>{changeWord(c)}</option>)}
          </select>
        </label>
        <label>{t('dashFrom')} <input type="date" value={dates.from} onChange={(e) => { setDates({ ...dates, from: e.currentTarget.value }); setPage(0); }} /></label>
        <label>{t('dashTo')} <input type="date" value={dates.to} onChange={(e) => { setDates({ ...dates, to: e.currentTarget.value }); setPage(0); }} /></label>
        <label>{t('dashSearch')} <input type="search" data-testid="filter-text" value={filter.text ?? ''} onInput={(e) => set({ text: e.currentTarget.value })} /></label>
        <label>{t('dashSort')}
          <select data-testid="sort" value={`${sort.key}:${sort.desc ? 'desc' : 'asc'}`} onChange={(e) => { const [key, dir] = e.currentTarget.value.split(':'); setSort({ key: key as SortKey, desc: dir === 'desc' }); }}>
            <option value="date:desc">{t('dashSortDateDesc')}</option>
            <option value="date:asc">{t('dashSortDateAsc')}</option>
            <option value="department:asc">{t('dashSortDepartment')}</option>
            <option value="name:asc">{t('dashSortName')}</option>
            <option value="problems:desc">{t('dashSortProblems')}</option>
            <option value="status:asc">{t('dashSortStatus')}</option>
          </select>
        </label>
      </section>

      <section class="actions" aria-label={t('dashActions')}>
        <fieldset>
          <legend>{t('dashScope')}</legend>
          <label><input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} /> {t('dashScopeAll', rows.length)}</label>
          <label><input type="radio" name="scope" checked={scope === 'filtered'} onChange={() => setScope('filtered')} /> {t('dashScopeFiltered', shown.length)}</label>
          <label><input type="radio" name="scope" data-testid="scope-selected" checked={scope === 'selected'} onChange={() => setScope('selected')} /> {t('dashScopeSelected', selected.size)}</label>
          <label><input type="checkbox" checked={allAudits} onChange={(e) => setAllAudits(e.currentTarget.checked)} /> {t('dashAllAudits')}</label>
        </fieldset>
        <button type="button" disabled={busy} data-testid="export-long" onClick={() => void doExport('long')}>{t('dashExportLong')}</button>
        <button type="button" disabled={busy} data-testid="export-wide" onClick={() => void doExport('wide')}>{t('dashExportWide')}</button>
        <button type="button" disabled={busy} data-testid="export-journeys" onClick={() => void doExport('journeys')}>{t('dashExportJourneys')}</button>
        <button type="button" disabled={busy} data-testid="export-backup" onClick={() => void doExport('backup')}>{t('dashBackup')}</button>
        <label class="file">{t('dashImport')} <input type="file" accept=".json,application/json" data-testid="import" disabled={busy} onChange={(e) => { const f = e.currentTarget.files?.[0]; e.currentTarget.value = ''; if (f) void doImport(f); }} /></label>
        <button type="button" disabled={busy} data-testid="reaudit" onClick={() => void doReaudit()}>{t('dashReaudit')}</button>
        {selected.size > 0 && (
          <ConfirmButton label={t('dashDeleteSelected', selected.size)} question={t('dashDeleteSelectedAsk', selected.size)} testId="delete-selected"
            onConfirm={() => run(async () => { for (const k of selected) await deleteItem(db, k); const n = selected.size; setSelected(new Set()); return t('dashDeletedItems', n); })} />
        )}
        <ConfirmButton label={t('dashDeleteAll')} question={t('dashDeleteAllAsk')} testId="delete-all"
          onConfirm={() => run(async () => { await deleteEverything(db); setSelected(new Set()); return t('dashDeletedAll'); })} />
        <p aria-live="polite" class="message" data-testid="message">{busy ? t('dashWorking') : message}</p>
        {error && <p role="alert" class="error" data-testid="error">{error}</p>}
      </section>

      {rows.length === 0 ? (
        <p data-testid="empty">{t('dashEmpty')}</p>
      ) : (
        <>
          <ItemsTable
            rows={pageRows}
            indicator={filter.indicator}
            selected={selected}
            open={open}
            history={(k) => all.get(k)}
            onSelect={(k, on) => setSelected((s) => { const n = new Set(s); if (on) n.add(k); else n.delete(k); return n; })}
            onSelectPage={(on) => setSelected((s) => { const n = new Set(s); for (const r of pageRows) if (on) n.add(r.key); else n.delete(r.key); return n; })}
            onOpen={setOpen}
            onDeleteItem={(k) => void run(async () => t('dashDeletedAudits', await deleteItem(db, k)))}
            onDeleteAudit={(id) => void run(async () => { await deleteAudits(db, [id]); return t('dashDeletedAudit'); })}
          />
          <nav class="pager" aria-label={t('dashPages')}>
            <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>{t('dashPrev')}</button>
            <span data-testid="page">{t('dashPage', current + 1, pages)}</span>
            <button type="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>{t('dashNext')}</button>
          </nav>
        </>
      )}
    </>
  );
}
