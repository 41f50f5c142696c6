import { STATUS_TEXT, type Outcome, type Status } from './outcome';

/** The per-item indicators of the rule book, in the order reports list them. */
export const INDICATORS = {
  'E1-1': { zh: '法定办结时限', en: 'Legal time limit' },
  'E1-2': { zh: '承诺办结时限', en: 'Promised time limit' },
  'E1-3': { zh: '办理地点', en: 'Where to apply' },
  'E1-4': { zh: '办理时间', en: 'Opening hours' },
  'E1-5': { zh: '咨询方式', en: 'Enquiry phone' },
  'E1-6': { zh: '中介机构或特殊环节', en: 'Special procedures' },
  'E2-1': { zh: '材料来源/出具单位', en: 'Source of each material' },
  'E2-2': { zh: '材料数量要求', en: 'Copies of each material' },
  'E3-1': { zh: '流程内容详实性', en: 'Process detail' },
  'E3-2': { zh: '到办事现场次数', en: 'Visits in person' },
  'E4-1': { zh: '空表下载', en: 'Blank forms' },
  'E4-2': { zh: '样表下载', en: 'Sample forms' },
  'A4-1': { zh: '减时间', en: 'Time cut' },
  'A4-3': { zh: '减跑动', en: 'Zero visits' },
  'A4-4': { zh: '即办', en: 'Handled on the spot' },
  B1: { zh: '网办深度', en: 'Online handling depth' },
  'B3-1': { zh: '统一编码', en: 'Item code' },
  'D2-3': { zh: '要素规范统一', en: 'Basic elements' },
} as const;

export type IndicatorId = keyof typeof INDICATORS;
export const INDICATOR_IDS = Object.keys(INDICATORS) as IndicatorId[];

/** Names of the parts a `missing` entry may hold, for reports (Chinese first). */
export const PART_TEXT: Record<string, string> = {
  number: '数字时限',
  unit: '单位(工作日/自然日)',
  street: '街道/路名',
  house: '门牌号',
  room: '房间号',
  window: '窗口号',
  days: '办公日',
  times: '时间段',
  phone: '电话号码',
  'area-code': '区号',
  'department-phone': '部门电话',
  count: '次数',
  level: '深度等级',
  'zero-visits': '到现场次数应为0',
  'online-entry': '网办入口',
  code: '编码',
  format: '编码格式',
  'check-character': '校验位',
  'catalog-code': '基本编码一致',
  'item-name': '事项名称',
  'item-code': '事项编码',
  'item-type': '事项类型',
  'legal-basis': '设定依据',
  'implementing-body': '实施主体',
  'time-limit': '时限',
  handler: '办理人',
  standard: '审查标准',
};

/** The same parts in English words, for the English line (never the internal key). */
export const PART_TEXT_EN: Record<string, string> = {
  number: 'a number of days',
  unit: 'the unit (working or calendar days)',
  street: 'street',
  house: 'house number',
  room: 'room number',
  window: 'window number',
  days: 'office days',
  times: 'office hours',
  phone: 'a phone number',
  'area-code': 'area code',
  'department-phone': "the department's own phone",
  count: 'the number of visits',
  level: 'the depth level',
  'zero-visits': 'zero visits',
  'online-entry': 'an online entry link',
  code: 'the code',
  format: 'a well-formed code',
  'check-character': 'a valid check character',
  'catalog-code': 'a matching basic code',
  'item-name': 'item name',
  'item-code': 'item code',
  'item-type': 'item type',
  'legal-basis': 'legal basis',
  'implementing-body': 'implementing body',
  'time-limit': 'time limit',
  handler: 'handler',
  standard: 'review standard',
};

/** `受理:handler` → `受理:办理人`; material names pass through. */
export function partText(part: string): string {
  return partIn(part, PART_TEXT, ':');
}

/** `受理:handler` → `受理: handler`. */
export function partTextEn(part: string): string {
  return partIn(part, PART_TEXT_EN, ': ');
}

function partIn(part: string, table: Record<string, string>, sep: string): string {
  const i = part.lastIndexOf(':');
  if (i > 0) {
    const tail = part.slice(i + 1);
    if (tail in table) return `${part.slice(0, i)}${sep}${table[tail]}`;
  }
  return table[part] ?? part;
}

/** The series the reports group indicators in, in report order. */
export const SERIES = [
  { id: 'E1', zh: '基本信息', en: 'Basic information', indicators: ['E1-1', 'E1-2', 'E1-3', 'E1-4', 'E1-5', 'E1-6'] },
  { id: 'E2', zh: '申请材料', en: 'Application materials', indicators: ['E2-1', 'E2-2'] },
  { id: 'E3', zh: '办理流程', en: 'Process', indicators: ['E3-1', 'E3-2'] },
  { id: 'E4', zh: '表格下载', en: 'Form downloads', indicators: ['E4-1', 'E4-2'] },
  { id: 'A', zh: '减时间 · 减跑动 · 即办', en: 'Time, visits, on the spot', indicators: ['A4-1', 'A4-3', 'A4-4'] },
  { id: 'B', zh: '网办深度 · 统一编码', en: 'Online depth, item code', indicators: ['B1', 'B3-1'] },
  { id: 'D', zh: '要素规范', en: 'Basic elements', indicators: ['D2-3'] },
] as const satisfies readonly { id: string; zh: string; en: string; indicators: readonly IndicatorId[] }[];

type Word = { zh: string; en: string };
/**
 * Indicators whose results are not gaps: the generic 缺失 would mislead (A4-4 非即办 is an
 * outcome, nothing is missing). `{n}` is the visit count from the outcome's data.
 */
export const OUTCOME_WORDS: Partial<Record<IndicatorId, Partial<Record<'pass' | 'partial' | 'fail' | 'review', Word>>>> = {
  'A4-1': { pass: { zh: '达标', en: 'target met' }, partial: { zh: '未达标', en: 'below target' }, fail: { zh: '未减时间', en: 'no time cut' } },
  'A4-3': { pass: { zh: '零跑动', en: 'no visit' }, fail: { zh: '需到现场{n}次', en: '{n} visit(s) needed' } },
  'A4-4': { pass: { zh: '即办', en: 'on the spot' }, fail: { zh: '非即办', en: 'not on the spot' } },
  B1: { partial: { zh: '不一致', en: 'inconsistent' } },
};

/** Where `missing` holds material names rather than parts: the English line says what they lack. */
const MATERIAL_LACKS: Partial<Record<IndicatorId, string>> = {
  'E2-1': 'no source for',
  'E2-2': 'no number of copies for',
  'E4-1': 'no blank form for',
  'E4-2': 'no sample form for',
};

/** The word a reader sees for an outcome: the indicator's own where it has one, else the status's. */
export function outcomeWord(o: Pick<Outcome, 'indicator' | 'status' | 'data'>, status: Status = o.status, lang: 'zh' | 'en' = 'zh'): string {
  const own = status === 'na' ? undefined : OUTCOME_WORDS[o.indicator as IndicatorId]?.[status];
  const word = own?.[lang] ?? STATUS_TEXT[status][lang];
  const n = o.data.visits;
  return word.replace('{n}', typeof n === 'number' ? String(n) : '');
}

/** One English line per finding, in words: the outcome and the missing parts, named once. */
export function englishLine(o: Outcome): string {
  const name = INDICATORS[o.indicator as IndicatorId]?.en ?? o.indicator;
  const word = outcomeWord(o, o.status, 'en');
  if (!o.missing.length) return `${name}: ${word}`;
  const shown = o.missing.slice(0, 8).map(partTextEn);
  const more = o.missing.length > 8 ? `, and ${o.missing.length - 8} more` : '';
  const lead = MATERIAL_LACKS[o.indicator as IndicatorId] ?? 'missing';
  return `${name}: ${word}; ${lead} ${shown.join(', ')}${more}`;
}

/**
 * The page text to quote as evidence, or '' when it would only repeat the finding: for the
 * materials indicators the value is the list of every material, and the message already names
 * those that lack something. Long quotes are cut (the highlight shows the whole element).
 */
export function evidenceQuote(o: Pick<Outcome, 'indicator' | 'value'>, max = 160): string {
  if (o.indicator in MATERIAL_LACKS) return '';
  return o.value.length > max ? `${o.value.slice(0, max)}…` : o.value;
}

/**
 * The finding and the advice in an outcome's message. Where the rule book keeps a pass and adds
 * a note (E3-2 "未说明必须到现场办理的原因", E1-5 "咨询电话与监督投诉电话相同"), the rule appends
 * it after `；`: under a pass it is advice, not the finding.
 */
export function findingOf(o: Pick<Outcome, 'status' | 'message'>): { finding: string; advice: string[] } {
  if (o.status !== 'pass') return { finding: o.message, advice: [] };
  const [finding = '', ...advice] = o.message.split('；');
  return { finding, advice: advice.filter(Boolean) };
}
