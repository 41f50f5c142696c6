import { z } from 'zod';
import { csvCell, type PageReport } from '../csv';
import { STATUS_TEXT, type Outcome } from '../outcome';
import { terminalText, toTable } from '../report';
import type { Step } from './derive';

/**
 * Chrome DevTools Recorder flows (its JSON export, `@puppeteer/replay` Schema.ts) and what the
 * command line reports for each replayed flow. Pure: the replay itself is cli/flow.ts.
 */

/** One selector alternative: CSS, `aria/…`, `text/…`, `xpath/…`, `pierce/…`; an array walks into shadow roots. */
export const Selector = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const common = {
  target: z.string().optional(),
  frame: z.array(z.number().int().min(0)).optional(),
  timeout: z.number().positive().optional(),
  assertedEvents: z.array(z.object({ type: z.string(), url: z.string().optional(), title: z.string().optional() }).loose()).optional(),
};
const withSelectors = { ...common, selectors: z.array(Selector).min(1) };
const clickish = { ...withSelectors, offsetX: z.number().optional(), offsetY: z.number().optional(), button: z.enum(['primary', 'auxiliary', 'secondary', 'back', 'forward']).optional(), duration: z.number().optional() };

export const FlowStep = z.discriminatedUnion('type', [
  z.object({ type: z.literal('setViewport'), width: z.number().int().positive(), height: z.number().int().positive(), ...common }).loose(),
  z.object({ type: z.literal('navigate'), url: z.string().min(1), ...common }).loose(),
  z.object({ type: z.literal('click'), ...clickish }).loose(),
  z.object({ type: z.literal('doubleClick'), ...clickish }).loose(),
  z.object({ type: z.literal('hover'), ...withSelectors }).loose(),
  z.object({ type: z.literal('change'), value: z.string(), ...withSelectors }).loose(),
  z.object({ type: z.literal('keyDown'), key: z.string().min(1), ...common }).loose(),
  z.object({ type: z.literal('keyUp'), key: z.string().min(1), ...common }).loose(),
  z.object({ type: z.literal('scroll'), x: z.number().optional(), y: z.number().optional(), selectors: z.array(Selector).optional(), ...common }).loose(),
  z.object({ type: z.literal('waitForElement'), operator: z.enum(['>=', '==', '<=']).optional(), count: z.number().int().min(0).optional(), visible: z.boolean().optional(), ...withSelectors }).loose(),
  z.object({ type: z.literal('waitForExpression'), expression: z.string().min(1), ...common }).loose(),
  z.object({ type: z.literal('close'), ...common }).loose(),
  z.object({ type: z.literal('emulateNetworkConditions'), ...common }).loose(),
  /** `customStep` named `back` / `forward`: the browser's Back / Forward buttons (the Recorder does not record them). */
  z.object({ type: z.literal('customStep'), name: z.string(), parameters: z.unknown().optional(), ...common }).loose(),
]);
export type FlowStep = z.infer<typeof FlowStep>;

export const UserFlow = z.object({
  title: z.string().max(500),
  timeout: z.number().positive().optional(),
  selectorAttribute: z.string().optional(),
  steps: z.array(FlowStep).min(1).max(2000),
}).loose();
export type UserFlow = z.infer<typeof UserFlow>;

/** Parses a Recorder export; the error names the step and field that do not fit. */
export function parseFlow(text: string): { flow?: UserFlow; error?: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { error: `不是 JSON / not JSON: ${(e as Error).message}` };
  }
  const p = UserFlow.safeParse(raw);
  if (p.success) return { flow: p.data };
  const issue = p.error.issues[0]!;
  const at = issue.path[0] === 'steps' && typeof issue.path[1] === 'number' ? `步骤 ${issue.path[1] + 1} / step ${issue.path[1] + 1}` : issue.path.join('.') || '(根 root)';
  return { error: `不是 Chrome 录制器导出的流程 / not a Recorder flow: ${at}: ${issue.message}` };
}

/** A step as the error message names it: `步骤 3（click #login-button）`. */
export function stepName(step: FlowStep, index: number): string {
  const selectors = 'selectors' in step ? (step.selectors as z.infer<typeof Selector>[] | undefined) : undefined;
  const first = selectors?.[0];
  const what = step.type === 'navigate' ? step.url : first ? (Array.isArray(first) ? first.join(' >>> ') : first) : 'key' in step ? String(step.key) : '';
  return `步骤 ${index + 1}（${step.type}${what ? ` ${what}` : ''}）/ step ${index + 1}`;
}

export interface FlowJourney {
  clicks: number;
  pages: number;
  loginPages: number;
  reached: boolean;
  status: string;
  steps: { url: string; title: string; kind: Step['kind']; counted: boolean; login: boolean; clicked?: string; why?: string; ts: number }[];
  outcomes: Outcome[];
}

export interface FlowReport {
  flow: string;
  file: string;
  journey: FlowJourney | null;
  audits: PageReport[];
  error?: string;
}

export function journeyJson(v: { clicks: number; pages: number; loginPages: number; reached: boolean; status: string; steps?: Step[]; outcomes: Outcome[] }): FlowJourney {
  return {
    clicks: v.clicks, pages: v.pages, loginPages: v.loginPages, reached: v.reached, status: v.status,
    steps: (v.steps ?? []).map((s) => ({ url: s.url, title: s.title, kind: s.kind, counted: s.counted, login: !!s.login, ts: s.ts, ...(s.clicked !== undefined ? { clicked: s.clicked } : {}), ...(s.why ? { why: s.why } : {}) })),
    outcomes: v.outcomes,
  };
}

export function flowsToJson(reports: FlowReport[]): string {
  return `${JSON.stringify(reports, null, 2)}\n`;
}

/** The journey per flow, then its guide pages' scorecards. */
export function flowsToTable(reports: FlowReport[]): string {
  const out: string[] = [];
  for (const r of reports) {
    out.push('', `流程 Flow: ${terminalText(r.flow)}  (${terminalText(r.file)})`);
    if (r.error) out.push(`  ✘ ${terminalText(r.error)}`);
    const j = r.journey;
    if (!j) out.push('  没有记录到办事路径（流程没有点击办事指南的网上办理入口）/ no journey recorded');
    else {
      out.push(`  点击 ${j.clicks} · 页面 ${j.pages} · 其中登录页 ${j.loginPages} · ${j.reached ? '已到达提交页 reached' : `未到达 ${j.status}`}`);
      for (const o of j.outcomes) out.push(`  ${o.indicator.padEnd(5)} ${STATUS_TEXT[o.status].mark} ${STATUS_TEXT[o.status].zh}  ${terminalText(o.message)}`);
      j.steps.forEach((s, i) => out.push(`   ${String(i + 1).padStart(2)}. ${s.counted ? '✔' : '·'} ${s.kind.padEnd(8)} ${terminalText(s.clicked ?? s.title)}  ${terminalText(s.url)}${s.login ? '  [登录页]' : ''}`));
    }
    if (r.audits.length) out.push(toTable(r.audits).trimEnd());
  }
  return `${out.join('\n')}\n`;
}

export const FLOW_CSV_HEADER = [
  '流程 Flow', '状态 Status', '点击 Clicks', '页面 Pages', '登录页 Login pages', '到达 Reached', 'A3-2', 'A3-2 说明 Finding',
  '步骤 Step', '类型 Kind', '网址 URL', '标题 Title', '点击了 Clicked', '计数 Counted', '登录页 Login', '错误 Error',
];

/** One row per journey step (the journey's figures repeated), UTF-8 BOM, CRLF, formula-safe cells. */
export function flowsToCsv(reports: FlowReport[]): string {
  const rows: (string | number | boolean | null)[][] = [FLOW_CSV_HEADER];
  for (const r of reports) {
    const j = r.journey;
    const a32 = j?.outcomes.find((o) => o.indicator === 'A3-2');
    const head = [r.flow, j?.status ?? '', j?.clicks ?? '', j?.pages ?? '', j?.loginPages ?? '', j ? (j.reached ? '是' : '否') : '', a32 ? `${STATUS_TEXT[a32.status].zh} ${a32.status}` : '', a32?.message ?? ''];
    if (!j?.steps.length) rows.push([...head, '', '', '', '', '', '', '', r.error ?? '']);
    j?.steps.forEach((s, i) => rows.push([...head, i + 1, s.kind, s.url, s.title, s.clicked ?? '', s.counted ? '是' : '否', s.login ? '是' : '否', i === 0 ? (r.error ?? '') : '']));
  }
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
