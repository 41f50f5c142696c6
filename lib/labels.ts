/**
 * Label synonyms are data (reference/domain.md §4). Every extractor finds fields by these
 * lists, never by position, so a new portal's wording is added here and nowhere else.
 * A user setting may extend them (see lib/settings.ts).
 */

import { labelKey, words } from './text';

export const FIELD_LABELS = {
  legalLimit: words('法定办结时限 法定办理时限 法定时限 法定期限 法定办结期限 法定办理期限 法定承办时限'),
  promisedLimit: words('承诺办结时限 承诺办理时限 承诺时限 承诺期限 承诺办结期限 承诺办理期限 服务承诺 承诺时间'),
  // Bare 办理时限 is ambiguous (rule book E1-1/E1-2): used only where the specific label is absent.
  anyLimit: words('办理时限 办结时限 办理期限 审批时限 办结期限'),
  address: words('办理地点 办理地址 受理地点 受理地址 具体地址 窗口地址 办公地址 线下办理地址 办事地点 办理窗口 受理窗口地址 办理地点/时间 办理地点及时间 办理地点和时间 窗口办理地点 办事大厅地址 服务窗口地址'),
  hours: words('办理时间 受理时间 办公时间 工作时间 窗口办公时间 窗口受理时间 服务时间 窗口办理时间'),
  enquiry: words('咨询方式 咨询电话 联系电话 咨询联系电话 办公电话 窗口电话 咨询窗口 电话咨询 联系方式 咨询途径 业务咨询电话 窗口联系电话'),
  complaint: words('监督投诉方式 监督方式 投诉电话 投诉监督电话 监督电话 监督和投诉电话 监督投诉渠道 监督投诉电话 投诉方式 投诉渠道 监督投诉'),
  special: words('特殊环节 特别程序 特殊程序 特殊环节及时限'),
  intermediary: words('中介服务 是否有中介服务 中介机构 中介服务事项 是否涉及中介服务'),
  visits: words('到办事现场次数 到现场次数 到办理现场次数 到现场窗口次数 到现场办理的次数 到现场大厅次数 跑动次数 最多跑几次 到现场办理次数 跑腿次数 最多跑动次数 去现场次数 到现场跑动次数'),
  visitReason: words('必须现场办理原因说明 必须现场办理原因 到现场原因说明 现场办理原因 需到现场原因'),
  depth: words('网上办理深度 网办深度 办理深度 网上服务深度 网上办理深度等级'),
  online: words('是否网办 是否可以在线申报 可网上办理 是否支持网上办理 是否网上办理'),
  onlineUrl: words('网办地址 在线办理地址 网上办理地址 在线申报地址 网上申报地址 办理网址'),
  projectType: words('办件类型 办理类型 事项类别'),
  handleForm: words('办理形式 办理方式 办理渠道'),
  itemType: words('事项类型 权力类别 事项性质 权力类型 职权类型 事项类别类型'),
  itemName: words('事项名称 办理项名称 服务事项名称 业务办理项名称 实施清单名称'),
  department: words('实施主体 实施机构 实施部门 办理部门 受理机构 审批部门 部门名称 办理主体 受理部门 实施机关 办理机构 决定机关 受理机关 申请受理机关 审批机关'),
  taskCode: words('实施编码 业务办理项编码 事项编码 事项代码 办理项编码 实施清单编码 权力编码 唯一码 事项唯一码 实施清单唯一码'),
  catalogCode: words('基本编码 权力基本码 事项基本编码 基本目录编码'),
  level: words('行使层级 实施层级 层级'),
  basis: words('设定依据 实施依据 法律依据 法定依据 设立依据 办理依据 政策依据 设定和实施依据 依据'),
  conditions: words('受理条件 申请条件 办理条件 受理标准'),
  materials: words('申请材料 申报材料 办理材料 所需材料 材料清单 提交材料 申请资料 申请材料目录 办事材料 所需提交材料 办理材料目录 材料目录'),
  process: words('办理流程 办事流程 办理程序 审批流程 网上办理流程 窗口办理流程 流程 审批程序 办理步骤'),
  fee: words('是否收费 收费标准 收费依据 收费情况 收费项目'),
  result: words('审批结果 审批结果名称 办理结果 结果名称 审批结果类型'),
  /** A row or section of the materials' forms apart from the list (Risesoft halls: 申请表格 → 申请表.doc). */
  forms: words('申请表格 相关表格 办事表格 申请表格下载 表单下载 文书下载 表格及样表下载'),
} satisfies Record<string, readonly string[]>;

export type FieldKey = keyof typeof FIELD_LABELS;

/** Fields that identify one item: a catalogue or a 相关事项 list repeats them once per item. */
export const PER_ITEM_FIELDS: readonly FieldKey[] = ['legalLimit', 'promisedLimit', 'anyLimit', 'visits', 'projectType', 'itemType', 'taskCode', 'itemName'];

/** Column headers of the tables that list materials, process steps and special procedures. */
export const COLUMN_LABELS = {
  material: {
    name: words('材料名称 申请材料名称 名称 材料 申请材料 提交材料名称'),
    source: words('来源渠道 材料来源 来源渠道说明 出具单位 出具机构 提供单位 来源 材料出具单位'),
    copies: words('份数 纸质材料 纸质材料份数 原件份数 复印件份数 数量 材料份数 纸质份数 数量要求 材料数量 原件 复印件'),
    type: words('材料类型 材料形式 材料性质'),
    blank: words('空白表格 空表 表格下载 格式文本 空白表格下载 空表下载 模板下载'),
    sample: words('示例样表 样表 示例样本 示范文本 填写示例 样表下载 示例下载 填报示例'),
    // Notes about the material (材料说明 …): they often hold its copies or source.
    note: words('材料说明 材料要求 材料备注 材料描述'),
    // Whether the material is required (必要 / 非必要): a column of its own, so its value is no other column's.
    required: words('材料必要性 是否必要 是否必需 是否必须 必要性'),
  },
  step: {
    phase: words('环节 环节名称 办理环节 流程环节'),
    step: words('步骤 办理步骤 步骤名称 流程名称'),
    handler: words('办理人 办理人员 承办人 审核人 审批人 办理岗位 岗位 责任人 办理部门 承办机构 办理人员/岗位 经办人'),
    limit: words('办理时限 时限 法定时限 完成时限 所需时限 承诺时限 环节时限 审批时限'),
    standard: words('审查标准 审批标准 审核标准 审核要点 审查要点 办理标准 审查内容'),
    result: words('办理结果 审查结果 审批结果 环节结果'),
    unit: words('时限单位 期限单位 时间单位'),
  },
  special: {
    name: words('环节名称 特殊环节名称 特殊环节 程序名称 名称 特别程序名称 中介服务名称 特别程序'),
    limit: words('所需时限 时限 环节时限 办理时限 期限 特殊环节时限 承诺时限'),
    unit: words('时限单位 期限单位 时间单位'),
  },
} as const;

/** Column headers of a table that describes guide elements rather than stating them (填写要求, 规范示例). */
export const TERMS_HEADER_WORDS = /要求|示例|范例|规范|说明|释义|含义|定义|填写|填报|标准/;

/** Words that mark a link or control as a blank form / sample form download (E4-1 / E4-2). */
export const BLANK_FORM_WORDS = /空白表格|空表|格式文本|表格下载|申请表下载|下载表格|模板下载|空白模板|模板|表格模版|空白文本/;
export const SAMPLE_FORM_WORDS = /示例样表|样表|示例样本|示范文本|填写示例|填报示例|样例|范本|示例|填写样本|样本/;
/** Result samples and flow charts never count as forms (rule book E4). */
export const NOT_FORM_WORDS = /结果样本|样本下载|流程图|证照样本|批文样本/;

/** Procedures the rule book calls special (评审, 评估, 现场勘查, 检验检测, 听证, 专家论证, 公示 …). */
export const SPECIAL_PROCEDURE_WORDS =
  /(?:专家|技术|机构)?评审|(?:技术)?评估|现场(?:勘[查察验]|核[查验]|检查|踏勘|审查|查验)|实地(?:核[查验]|查看|勘[查察])|专家论证|听证|检验|检测|检疫|鉴定|公示|招标|拍卖|考试|考核/;
/** Names of ordinary process steps. */
export const STEP_WORDS = /受理|审查|审核|决定|审批|办结|送达|制证|申请|申报|收件|接件|发证|颁证|出证|核准|批准|领取|登记|初审|复审|复核|提交|签发|告知|备案|办理|发放/;

/** Buttons and links that lead to online submission (B1 consistency; A3-2 journeys later). */
export const ONLINE_ENTRY_WORDS = /在线(?:办理|申报|申请|申办|预审|提交)|网上(?:办理|申报|申请|申办)|立即(?:办理|申报|申请|申办)|我要(?:办理?|申报|申请)|去办理|申请办理|马上办|一键申报/;


const INDEX = new Map<string, FieldKey>();
for (const [key, labels] of Object.entries(FIELD_LABELS) as [FieldKey, readonly string[]][]) {
  for (const label of labels) if (!INDEX.has(label)) INDEX.set(label, key);
}

/** The synonyms the last setExtraLabels added: a new set of settings replaces them. */
let extraKeys: string[] = [];

/**
 * Extra synonyms from the user's settings, added to the defaults (never replacing one). Each
 * call replaces the previous call's: the background, which lives on, follows the settings as
 * they change (the content script reads them once per page).
 */
export function setExtraLabels(extra: Partial<Record<FieldKey, string[]>>): void {
  for (const k of extraKeys) INDEX.delete(k);
  extraKeys = [];
  for (const [key, labels] of Object.entries(extra) as [FieldKey, string[]][]) {
    for (const label of labels) {
      const k = labelKey(label); // looked up by labelKey: 法定审批期限（工作日）： → 法定审批期限
      if (k.length >= 2 && !INDEX.has(k)) {
        INDEX.set(k, key);
        extraKeys.push(k);
      }
    }
  }
  sorted = undefined;
  labelWords = undefined;
}

/**
 * Notes a label carries after it, in its own element or not: an English gloss (bilingual portals:
 * "承诺办结时限 Promised time limit", "在线申请 Apply online", "无 None") or the unit of its value
 * (`<span>法定办结时限</span><div class="van-cell__label">单位：工作日</div>`). They are part of
 * the label, never the value.
 */
const NOTE = String.raw`(?:[A-Za-z][A-Za-z\s.,'&/()-]*|(?:计量)?单位\s*[:：]\s*[\u4e00-\u9fa5]{1,4})`;
const TRAILING_NOTE = new RegExp(String.raw`(?<=[\u4e00-\u9fa5)）】\]])\s*${NOTE}$`);
export const withoutNote = (text: string): string => text.replace(TRAILING_NOTE, '');
/** A label's note standing alone (see above). */
export const LABEL_NOTE = new RegExp(`^${NOTE}$`);

/** The canonical field a label key (see text.labelKey) stands for. */
export function fieldOf(key: string): FieldKey | undefined {
  return INDEX.get(key) ?? INDEX.get(withoutNote(key));
}

let sorted: string[] | undefined;
/** Every known label, longest first, for inline `标签：值` text. */
export function allLabels(): readonly string[] {
  return (sorted ??= [...INDEX.keys()].sort((a, b) => b.length - a.length));
}

/** Canonical column of a header cell within one table kind; `fuzzy` for table header cells only. */
export function columnOf<K extends keyof typeof COLUMN_LABELS>(
  kind: K,
  headerKey: string,
  fuzzy = false,
): keyof (typeof COLUMN_LABELS)[K] | undefined {
  // Catalogue pages ask for the same few header texts thousands of times (the column labels never change).
  if (headerKey.length > 64) return columnOfUncached(kind, headerKey, fuzzy);
  const memo = `${kind}\u0001${fuzzy ? 1 : 0}\u0001${headerKey}`;
  let col = columns.get(memo);
  if (col === undefined) {
    if (columns.size > 20_000) columns.clear();
    columns.set(memo, (col = String(columnOfUncached(kind, headerKey, fuzzy) ?? '')));
  }
  return (col || undefined) as keyof (typeof COLUMN_LABELS)[K] | undefined;
}
const columns = new Map<string, string>();

function columnOfUncached<K extends keyof typeof COLUMN_LABELS>(
  kind: K,
  headerKey: string,
  fuzzy: boolean,
): keyof (typeof COLUMN_LABELS)[K] | undefined {
  const table = COLUMN_LABELS[kind] as Record<string, readonly string[]>;
  headerKey = withoutNote(headerKey);
  for (const [col, labels] of Object.entries(table)) if (labels.includes(headerKey)) return col as keyof (typeof COLUMN_LABELS)[K];
  // header cells like "空白表格下载" or "特别程序时限": a known column label at the end, then at the
  // start; two-character labels only as an ending (名称, 时限, 份数), never 材料 as a prefix.
  if (!fuzzy || headerKey.length > 12 || /[:：]/.test(headerKey)) return undefined;
  for (const [col, labels] of Object.entries(table)) if (labels.some((l) => l.length >= 2 && l !== '材料' && headerKey.endsWith(l))) return col as keyof (typeof COLUMN_LABELS)[K];
  for (const [col, labels] of Object.entries(table)) if (labels.some((l) => l.length >= 3 && headerKey.startsWith(l))) return col as keyof (typeof COLUMN_LABELS)[K];
  return undefined;
}

let labelWords: RegExp | undefined;
function labelWordsRe(): RegExp {
  return (labelWords ??= new RegExp(
    [...allLabels(), ...Object.values(COLUMN_LABELS).flatMap((t) => Object.values(t).flat()), '序号', '是否计算在法定办结时限内', '说明', '备注', '操作']
      .sort((a, b) => b.length - a.length)
      .map((l) => l.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
      .join('|'),
    'g',
  ));
}

/** A value without the labels and column headers in it (a section's text minus its headings). */
export function stripLabels(value: string): string {
  return value.replace(labelWordsRe(), ' ').replace(/[:：/、,，;；()（）\s-]+/g, ' ').trim();
}

/**
 * A value made only of labels and column headers (a skeleton still waiting for its XHR data, a
 * tab strip, an empty table's header row) says nothing about the item.
 */
export function onlyLabels(value: string): boolean {
  return !/\p{N}|\p{L}{2,}/u.test(stripLabels(value));
}
