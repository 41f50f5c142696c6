import type { AuditResult } from '../audit';
import { CSV_HEADER, pageRows } from '../csv';
import { INDICATORS, INDICATOR_IDS } from '../indicators';
import { STATUS_TEXT, type Status } from '../outcome';
import { listAudits } from '../store/audits';
import type { StoreDb } from '../store/db';
import { changeText, comparisons, histories, verdictKey, verdictMap, type Comparison, type ItemHistory, type VerdictMap } from '../store/history';
import { listVerdicts } from '../store/records';
import { VERDICT_REASONS, type AuditDetail, type AuditRecord } from '../store/schema';
import { DEFAULT_JOURNEY_SETTINGS, type JourneySettings } from '../journey/settings';
import { JOURNEY_STATUS_TEXT, itemJourney, storedJourneyViews, type JourneyView } from '../journey/view';
import { CsvWriter, pause } from './writer';

type StoredJourney = Awaited<ReturnType<typeof storedJourneyViews>>[number];

/**
 * The dashboard's and the command line's CSV exports from the store: long (item × indicator,
 * today's columns plus review and history), wide (one row per item) and journeys.
 */

export const LONG_EXTRA = ['自动判定 Auto status', '复核理由 Verdict reason', '备注 Note', '复核人 Reviewer', '变化 Change', '部门 Department', '规则版本 Rules'] as const;
export const LONG_HEADER = [...CSV_HEADER, ...LONG_EXTRA];

export const WIDE_HEADER = [
  '事项名称 Item', '事项编码 Code', '部门 Department', '网址 URL', '审核时间 Audited at', '规则版本 Rules', '审核次数 Audits',
  ...INDICATOR_IDS.map((id) => `${id} ${INDICATORS[id].zh}`),
  '法定时限 Legal limit', '承诺时限 Promised limit', '减时间 Cut %', '到现场次数 Visits', '网办深度 Depth',
  '旅程数 Journeys', '点击数 Clicks', '页面数 Pages',
  // Added after the first release (columns are added, never renamed): the item's journey in full.
  '登录页数 Login pages', '到达申报页 Reached', 'A3-2 引导便捷度',
];

export const JOURNEY_HEADER = [
  '旅程 Journey', '事项名称 Item', '事项编码 Code', '起始网址 Start URL', '开始时间 Started at', '结束时间 Ended at', '状态 Status',
  '点击数 Clicks', '页面数 Pages', '登录页数 Login pages', '到达申报页 Reached', '结论 Outcome',
  'A3-2 说明 Finding', 'B1 对照结果 B1 vs journey', 'B1 说明 B1 finding',
];

export type CsvFormat = 'long' | 'wide' | 'journeys';

export interface ExportOptions {
  /** Only these items (the dashboard's selection); all when absent. */
  itemKeys?: string[];
  /** Long form: every stored audit, not only each item's latest. */
  allAudits?: boolean;
  onProgress?: (rows: number) => void;
  /** The reviewer's journey settings (click budget, submission URLs …) the A3-2 outcome follows. */
  journeySettings?: JourneySettings;
}

const statusText = (s: Status | undefined) => (s ? `${STATUS_TEXT[s].zh} ${s}` : '');
const STATUS_COL = CSV_HEADER.indexOf('结果 Status');
const BATCH = 200;

export function resultOf(a: AuditRecord, d: AuditDetail | undefined): AuditResult {
  return { url: a.url, title: a.title, isGuide: a.isGuide, reason: a.reason, item: { name: a.item.name, code: a.item.code }, outcomes: d?.outcomes ?? [], auditedAt: a.auditedAt, engine: a.engine };
}

const collator = new Intl.Collator('zh-CN');

/** Items in report order: by department, then name, then key. */
function orderedItems(all: Map<string, ItemHistory>, keys?: string[]): ItemHistory[] {
  const wanted = keys ? new Set(keys) : undefined;
  return [...all.values()]
    .filter((h) => !wanted || wanted.has(h.key))
    .sort((a, b) =>
      collator.compare(a.latest.item.department ?? '', b.latest.item.department ?? '') ||
      collator.compare(a.latest.item.name ?? '', b.latest.item.name ?? '') || (a.key < b.key ? -1 : 1));
}

/** Details of a batch of audits, in one short read-only transaction. */
async function detailsOf(db: StoreDb, ids: string[]): Promise<Map<string, AuditDetail>> {
  const tx = db.transaction('auditDetails');
  const got = await Promise.all(ids.map((id) => tx.store.get(id)));
  return new Map(got.flatMap((d) => (d ? [[d.auditId, d] as const] : [])));
}

function longRows(w: CsvWriter, a: AuditRecord, d: AuditDetail | undefined, c: Comparison, verdicts: VerdictMap | null) {
  const rows = pageRows(resultOf(a, d));
  const outcomes = d?.outcomes ?? [];
  rows.forEach((cells, i) => {
    const o = outcomes[i];
    const v = o && verdicts ? verdicts.get(verdictKey(a.itemKey, o.indicator)) : undefined;
    if (v) cells[STATUS_COL] = statusText(v.status);
    w.row([
      ...cells,
      o ? statusText(o.status) : '',
      v ? VERDICT_REASONS[v.reason] : '',
      v?.note ?? '',
      v?.reviewer ?? '',
      o ? changeText(c, o.indicator) : '',
      a.item.department,
      a.engine,
    ]);
  });
}

async function writeLong(db: StoreDb, items: ItemHistory[], o: ExportOptions, verdicts: VerdictMap): Promise<Blob> {
  const w = new CsvWriter(LONG_HEADER);
  // Verdicts are the reviewer's word on the item as it stands: they go with its latest audit.
  const jobs = items.flatMap((h) =>
    (o.allAudits ? comparisons(h) : [{ audit: h.latest, comparison: h.comparison }]).map((j) => ({ ...j, latest: j.audit === h.latest })),
  );
  for (let i = 0; i < jobs.length; i += BATCH) {
    const batch = jobs.slice(i, i + BATCH);
    const details = await detailsOf(db, batch.map((j) => j.audit.id));
    for (const j of batch) longRows(w, j.audit, details.get(j.audit.id), j.comparison, j.latest ? verdicts : null);
    o.onProgress?.(w.rows);
    await pause();
  }
  return w.finish();
}

const limitText = (days: number | null, unit: string | null) => (unit === '即办' ? '即办' : days === null ? '' : `${days}${unit ?? ''}`);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

const yesNo = (b: boolean | undefined) => (b === undefined ? null : b ? '是' : '否');

function writeWide(items: ItemHistory[], verdicts: VerdictMap, journeys: StoredJourney[]): Blob {
  const w = new CsvWriter(WIDE_HEADER);
  const byItem = new Map<string, JourneyView[]>();
  for (const { record, view } of journeys) if (record.itemKey) (byItem.get(record.itemKey) ?? byItem.set(record.itemKey, []).get(record.itemKey)!).push(view);
  for (const h of items) {
    const a = h.latest;
    const v = a.values;
    const js = byItem.get(h.key) ?? [];
    const j = itemJourney(js);
    w.row([
      a.item.name, a.item.code, a.item.department, a.url, new Date(a.auditedAt).toISOString(), a.engine, h.audits.length,
      ...INDICATOR_IDS.map((id) => {
        const verdict = verdicts.get(verdictKey(a.itemKey, id));
        return verdict ? `${statusText(verdict.status)}（复核 reviewed）` : statusText(a.statuses[id] as Status | undefined);
      }),
      limitText(v.legalDays, v.legalUnit), limitText(v.promisedDays, v.promisedUnit),
      v.cut === null ? null : Math.round(v.cut * 1000) / 10, v.visits, v.depth,
      js.length || null, j?.clicks ?? null, j?.pages ?? null, j?.loginPages ?? null, yesNo(j?.reached), statusText(j?.outcomes[0]?.status),
    ]);
  }
  return w.finish();
}

/**
 * One row per journey: counts, status and outcomes derived from its stored events
 * (lib/journey/view.ts), the item's name from its latest audit, else from the guide it started on.
 */
export function journeyRow({ record, view }: StoredJourney, items: Map<string, ItemHistory>): (string | number | null)[] {
  const item = record.itemKey ? items.get(record.itemKey)?.latest.item : undefined;
  const guide = view.journey.guide;
  const a32 = view.outcomes.find((o) => o.indicator === 'A3-2');
  const b1 = view.outcomes.find((o) => o.indicator === 'B1');
  return [
    record.id, item?.name ?? guide.itemName ?? (guide.title || null), item?.code ?? guide.itemCode, guide.url || null,
    new Date(record.startedAt).toISOString(), view.endedAt === undefined ? null : new Date(view.endedAt).toISOString(), JOURNEY_STATUS_TEXT[view.status],
    view.clicks, view.pages, view.loginPages, yesNo(view.reached), statusText(a32?.status),
    a32?.message ?? null, statusText(b1?.status), b1?.message ?? null,
  ];
}

/** Writes one CSV export of the store as a Blob (UTF-8 with BOM). */
export async function exportCsv(db: StoreDb, format: CsvFormat, o: ExportOptions = {}): Promise<Blob> {
  const [audits, verdictList] = await Promise.all([listAudits(db), listVerdicts(db)]);
  const all = histories(audits);
  const items = orderedItems(all, o.itemKeys);
  const verdicts = verdictMap(verdictList);
  if (format === 'long') return writeLong(db, items, o, verdicts);
  const journeys = await storedJourneyViews(db, o.journeySettings ?? DEFAULT_JOURNEY_SETTINGS, o.itemKeys);
  if (format === 'wide') return writeWide(items, verdicts, journeys);
  const w = new CsvWriter(JOURNEY_HEADER);
  for (const j of journeys) w.row(journeyRow(j, all));
  return w.finish();
}
