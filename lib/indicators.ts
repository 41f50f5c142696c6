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

/** `受理:handler` → `受理:办理人`; material names pass through. */
export function partText(part: string): string {
  const i = part.lastIndexOf(':');
  if (i > 0) {
    const tail = part.slice(i + 1);
    if (tail in PART_TEXT) return `${part.slice(0, i)}:${PART_TEXT[tail]}`;
  }
  return PART_TEXT[part] ?? part;
}
