import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { INDICATORS, INDICATOR_IDS } from '@/lib/indicators';
import { STATUSES, STATUS_TEXT, type Status } from '@/lib/outcome';
import { importBackup } from '@/lib/export/backup';
import { downloadBlob, exportFileName } from '@/lib/export/download';
import { FORMAT_TEXT, exportFile, type ExportFormat } from '@/lib/export/index';
import type { RuleContext } from '@/lib/rules/types';
import { deleteAudits, deleteEverything, deleteItem, listAudits } from '@/lib/store/audits';
import type { StoreDb } from '@/lib/store/db';
import { CHANGES, CHANGE_TEXT, histories, verdictMap, type Change } from '@/lib/store/history';
import { departments, filterRows, itemRows, sortRows, type Filter, type Sort, type SortKey } from '@/lib/store/query';
import { reauditStored } from '@/lib/store/reaudit';
import { listVerdicts } from '@/lib/store/records';
import type { AuditRecord, VerdictRecord } from '@/lib/store/schema';
import { TARGETS, departmentStats, type JourneyFigures } from '@/lib/store/stats';
import { DEFAULT_JOURNEY_SETTINGS, type JourneySettings } from '@/lib/journey/settings';
import { decided, itemJourney, storedJourneyViews, type JourneyView } from '@/lib/journey/view';
import { PassRates, TargetsTable } from './Charts';
import { ConfirmButton } from './Confirm';
import { ItemsTable } from './ItemsTable';

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
      setError(String((e as Error).message ?? e));
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
      setError(String((e as Error).message ?? e));
    } finally {
      setBusy(false);
      await load();
    }
  };
  const scopeKeys = () => (scope === 'selected' ? [...selected] : scope === 'filtered' ? shown.map((r) => r.key) : undefined);

  const doExport = (format: ExportFormat) =>
    run(async () => {
      const keys = scopeKeys();
      if (keys && !keys.length) throw new Error('没有选中的事项 / nothing selected');
      const blob = await exportFile(db, format, { itemKeys: keys, allAudits, journeySettings });
      downloadBlob(blob, exportFileName(FORMAT_TEXT[format], format === 'backup' ? 'json' : 'csv'));
      return `已导出${FORMAT_TEXT[format]}（${Math.round(blob.size / 1024)} KB）/ exported`;
    });
  const doImport = (file: File) =>
    run(async () => {
      const s = await importBackup(db, await file.text());
      return `已导入 imported：审核 ${s.audits.added} 条新增、${s.audits.skipped} 条已存在（合并 merged）；复核 ${s.verdicts.added}；旅程 ${s.journeys.added}；截图 ${s.screenshots.added}`;
    });
  const doReaudit = () =>
    run(async () => {
      const s = await reauditStored(db, { itemKeys: scopeKeys(), ctx });
      return `已用今天的规则重新审核 ${s.items} 个事项：${s.changed} 个结果有变化（新增一次审核），${s.unchanged} 个不变${s.noSnapshot ? `，${s.noSnapshot} 个没有保存页面快照` : ''}。 Re-audited with today's rules.`;
    });

  if (!data) return <p>{error ? <span role="alert" class="error">{error}</span> : '正在读取审核记录… Loading…'}</p>;

  return (
    <>
      <section class="summary" aria-label="汇总 Summary">
        <p data-testid="totals">
          共 {rows.length} 个事项、{data.audits.length} 次审核 · {rows.length} items, {data.audits.length} audits
          {shown.length !== rows.length && ` · 筛选后 ${shown.length} 个 filtered`}
        </p>
        <TargetsTable groups={stats} targets={{ ...TARGETS, cut: ctx.cutTarget }} clickBudget={journeySettings.clickBudget} />
        {stats[0] && (
          <details class="rates">
            <summary>各指标通过率 Pass rate per indicator（{filter.department !== undefined && stats[1] ? stats[1].department : '全部 All'}）</summary>
            <PassRates group={filter.department !== undefined && stats[1] ? stats[1] : stats[0]} />
          </details>
        )}
      </section>

      <section class="filters" aria-label="筛选 Filter">
        <label>部门 Department
          <select data-testid="filter-department" value={filter.department ?? '*'} onChange={(e) => set({ department: e.currentTarget.value === '*' ? undefined : e.currentTarget.value })}>
            <option value="*">全部 All</option>
            {depts.map((d) => <option key={d} value={d}>{d || '（未注明部门）'}</option>)}
          </select>
        </label>
        <label>指标 Indicator
          <select data-testid="filter-indicator" value={filter.indicator ?? '*'} onChange={(e) => set({ indicator: e.currentTarget.value === '*' ? undefined : e.currentTarget.value })}>
            <option value="*">任一 Any</option>
            {INDICATOR_IDS.map((id) => <option key={id} value={id}>{id} {INDICATORS[id].zh}</option>)}
          </select>
        </label>
        <label>结果 Status
          <select data-testid="filter-status" value={filter.status ?? '*'} onChange={(e) => set({ status: e.currentTarget.value === '*' ? undefined : (e.currentTarget.value as Status) })}>
            <option value="*">任一 Any</option>
            {STATUSES.map((s) => <option key={s} value={s}>{STATUS_TEXT[s].zh} {s}</option>)}
          </select>
        </label>
        <label>变化 Change
          <select data-testid="filter-change" value={filter.change ?? '*'} onChange={(e) => set({ change: e.currentTarget.value === '*' ? undefined : (e.currentTarget.value as Change) })}>
            <option value="*">任一 Any</option>
            {CHANGES.map((c) => <option key={c} value={c}>{CHANGE_TEXT[c]}</option>)}
          </select>
        </label>
        <label>从 From <input type="date" value={dates.from} onChange={(e) => { setDates({ ...dates, from: e.currentTarget.value }); setPage(0); }} /></label>
        <label>到 To <input type="date" value={dates.to} onChange={(e) => { setDates({ ...dates, to: e.currentTarget.value }); setPage(0); }} /></label>
        <label>搜索 Search <input type="search" data-testid="filter-text" value={filter.text ?? ''} onInput={(e) => set({ text: e.currentTarget.value })} /></label>
        <label>排序 Sort
          <select data-testid="sort" value={`${sort.key}:${sort.desc ? 'desc' : 'asc'}`} onChange={(e) => { const [key, dir] = e.currentTarget.value.split(':'); setSort({ key: key as SortKey, desc: dir === 'desc' }); }}>
            <option value="date:desc">审核时间（新→旧）date, newest first</option>
            <option value="date:asc">审核时间（旧→新）date, oldest first</option>
            <option value="department:asc">部门 department</option>
            <option value="name:asc">事项名称 name</option>
            <option value="problems:desc">问题最多 most problems</option>
            <option value="status:asc">按所选指标结果 status of the indicator</option>
          </select>
        </label>
      </section>

      <section class="actions" aria-label="导出与数据 Export and data">
        <fieldset>
          <legend>导出范围 Scope</legend>
          <label><input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} /> 全部 All ({rows.length})</label>
          <label><input type="radio" name="scope" checked={scope === 'filtered'} onChange={() => setScope('filtered')} /> 筛选结果 Filtered ({shown.length})</label>
          <label><input type="radio" name="scope" data-testid="scope-selected" checked={scope === 'selected'} onChange={() => setScope('selected')} /> 选中 Selected ({selected.size})</label>
          <label><input type="checkbox" checked={allAudits} onChange={(e) => setAllAudits(e.currentTarget.checked)} /> 长表包含全部历史审核 every stored audit in the long form</label>
        </fieldset>
        <button type="button" disabled={busy} data-testid="export-long" onClick={() => void doExport('long')}>导出长表 CSV (long)</button>
        <button type="button" disabled={busy} data-testid="export-wide" onClick={() => void doExport('wide')}>导出宽表 CSV (wide)</button>
        <button type="button" disabled={busy} data-testid="export-journeys" onClick={() => void doExport('journeys')}>导出旅程 CSV (journeys)</button>
        <button type="button" disabled={busy} data-testid="export-backup" onClick={() => void doExport('backup')}>备份 JSON (backup)</button>
        <label class="file">导入备份 Import backup <input type="file" accept=".json,application/json" data-testid="import" disabled={busy} onChange={(e) => { const f = e.currentTarget.files?.[0]; e.currentTarget.value = ''; if (f) void doImport(f); }} /></label>
        <button type="button" disabled={busy} data-testid="reaudit" onClick={() => void doReaudit()}>用今天的规则重新审核 Re-audit stored pages</button>
        {selected.size > 0 && (
          <ConfirmButton label={`删除选中的 ${selected.size} 个事项`} question={`删除选中的 ${selected.size} 个事项及其全部审核、复核和截图？`} testId="delete-selected"
            onConfirm={() => run(async () => { for (const k of selected) await deleteItem(db, k); const n = selected.size; setSelected(new Set()); return `已删除 ${n} 个事项 / deleted`; })} />
        )}
        <ConfirmButton label="删除全部数据" question="删除全部审核、复核、旅程和截图？此操作不能撤销（可先备份）。" testId="delete-all"
          onConfirm={() => run(async () => { await deleteEverything(db); setSelected(new Set()); return '已删除全部数据 / everything deleted'; })} />
        <p aria-live="polite" class="message" data-testid="message">{busy ? '处理中… Working…' : message}</p>
        {error && <p role="alert" class="error" data-testid="error">{error}</p>}
      </section>

      {rows.length === 0 ? (
        <p data-testid="empty">还没有审核记录：浏览门户网站的办事指南页面，审核结果会自动保存在这里。 No audits yet: browse guide pages and they are kept here.</p>
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
            onDeleteItem={(k) => void run(async () => `已删除 ${await deleteItem(db, k)} 次审核 / deleted`)}
            onDeleteAudit={(id) => void run(async () => { await deleteAudits(db, [id]); return '已删除这次审核 / audit deleted'; })}
          />
          <nav class="pager" aria-label="分页 Pages">
            <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>上一页 Prev</button>
            <span data-testid="page">第 {current + 1} / {pages} 页</span>
            <button type="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>下一页 Next</button>
          </nav>
        </>
      )}
    </>
  );
}
