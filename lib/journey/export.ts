import { csvCell } from '../csv';
import { STATUS_TEXT } from '../outcome';
import type { JourneyView } from '../background/journey';

/**
 * Journeys as CSV for Excel / WPS: one row per journey, or one per step. UTF-8 BOM, CRLF,
 * quoted, formula-safe cells (lib/csv.ts). Steps the reviewer excluded stay, with the reason.
 */

const iso = (ts: number) => new Date(ts).toISOString();

export const JOURNEY_CSV_HEADER = [
  '开始时间 Started', '事项名称 Item', '事项编码 Code', '办事指南网址 Guide URL', '指南写明的网办深度 Claimed depth', '状态 Status',
  '点击 Clicks', '页面 Pages', '其中登录页 Login pages', 'A3-2 结果 Status', 'A3-2 说明 Finding', 'B1 对照结果 B1 vs journey', 'B1 说明 Finding',
  '评审人排除的步骤 Excluded steps', '路径编号 Journey id',
];

export const STEP_CSV_HEADER = [
  '路径编号 Journey id', '事项名称 Item', '步骤 Step', '时间 Time', '类型 Kind', '网址 URL', '标题 Title', '点击了 Clicked',
  '计数 Counted', '说明 Why', '登录页 Login', '评审人排除原因 Excluded because', '累计点击 Clicks so far', '累计页面 Pages so far',
];

const rows = (r: (string | number | null | undefined)[][]) => `\uFEFF${r.map((x) => x.map((c) => csvCell(c ?? '')).join(',')).join('\r\n')}\r\n`;

export function journeysCsv(views: JourneyView[]): string {
  return rows([JOURNEY_CSV_HEADER, ...views.map((v) => {
    const a32 = v.outcomes.find((o) => o.indicator === 'A3-2');
    const b1 = v.outcomes.find((o) => o.indicator === 'B1');
    const excluded = (v.steps ?? []).filter((s) => s.excluded !== undefined).map((s) => `${s.clicked ?? s.url}：${s.excluded}`).join('；');
    return [
      iso(v.journey.startedAt), v.journey.guide.itemName ?? v.journey.guide.title, v.journey.guide.itemCode, v.journey.guide.url,
      v.journey.guide.depth ?? '', v.status, v.clicks, v.pages, v.loginPages,
      a32 ? `${STATUS_TEXT[a32.status].zh} ${a32.status}` : '', a32?.message, b1 ? `${STATUS_TEXT[b1.status].zh} ${b1.status}` : '', b1?.message,
      excluded, v.journey.journeyId,
    ];
  })]);
}

export function stepsCsv(views: JourneyView[]): string {
  return rows([STEP_CSV_HEADER, ...views.flatMap((v) => (v.steps ?? []).map((s, i) => [
    v.journey.journeyId, v.journey.guide.itemName ?? v.journey.guide.title, i + 1, iso(s.ts), s.kind, s.url, s.title, s.clicked ?? s.form ?? '',
    s.counted ? '是' : '否', s.why ?? '', s.login ? '是' : '否', s.excluded ?? '', s.clicks, s.pages,
  ]))]);
}
