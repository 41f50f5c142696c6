import { stripLabels } from '../labels';
import { STEP_LIMIT } from '../parse/time-limit';
import type { Step } from '../snapshot';
import { arabicNumerals, hasChineseText, isPlaceholder, normalize } from '../text';
import { outcome, type Rule } from './types';

const HANDLER =
  /办理人|承办人|审核人|审批人|受理人|经办人|责任人|负责人|[\u4e00-\u9fa5]{0,8}(?:人员|领导)|[\u4e00-\u9fa5]{1,8}(?:监督员|审核员|受理员|审批员|工作员|办事员|专管员|经办员)|岗位|科室|局长|科长|股长|主任|[\u4e00-\u9fa5]{1,10}(?:科|股|处|办公室|窗口|中心|局|大厅)(?:负责|办理|审核|审批|受理|审查|工作人员|人员)/;
const STANDARD =
  /审查标准|审批标准|审核标准|审核要点|审查要点|办理标准|标准[:：]|(?:审核|审查|核对|核查|审定|查验|核验|审阅)[^。；;]{0,40}(?:是否(?:符合|齐全|真实|合法|完整|有效|准确|属于|满足|一致)|准确性|完整性|真实性|齐全|合法性|符合)|符合[^。；;]{0,30}(?:条件|要求|规定|标准)|材料齐全|齐全[、,，]?(?:符合|有效)/;
/** A pointer elsewhere is not content. */
const ELSEWHERE = /^(?:详见|见|参见|参照|按照规定|按规定)/;

function test(re: RegExp, text: string): boolean {
  return re.test(arabicNumerals(normalize(text)));
}

/**
 * Process text that says no process: 无 / 暂无, or only a 查看流程图 link (a picture is not a
 * process an evaluator can check step by step). Rule book E3-1 `fail`: absent. Headings aside.
 */
function saysNothing(text: string): boolean {
  return isPlaceholder(stripLabels(text.replace(/(?:点击|请)?(?:查看|下载|浏览)?(?:办理|审批)?流程图(?:下载|查看)?/g, ' ')));
}

/** A column the table has is judged by its cell; a part with no column is looked for in the text. */
function part(step: Step, col: 'limit' | 'handler' | 'standard', re: RegExp): boolean {
  const cell = step[col];
  if (cell === undefined) return test(re, step.text);
  const t = normalize(cell);
  if (isPlaceholder(t) || ELSEWHERE.test(t)) return false;
  if (col === 'standard') return hasChineseText(t.replace(/审查标准|审批标准|审核标准/g, ''), 5);
  if (col === 'limit') return test(re, t);
  return hasChineseText(t, 2);
}

const PARTS = [
  ['time-limit', 'limit', STEP_LIMIT, '时限'],
  ['handler', 'handler', HANDLER, '办理人'],
  ['standard', 'standard', STANDARD, '审查标准'],
] as const;

/** E3-1 流程内容详实性: every step has a time limit, a handler and a standard. */
export const rule: Rule = {
  id: 'E3-1',
  evaluate(s) {
    if (!s.steps.length) {
      if (saysNothing(s.processText)) {
        return outcome('E3-1', 'fail', {
          value: s.processText,
          message: s.processText.trim() ? '办理流程写明“无”或只有流程图链接，没有流程内容' : '未找到办理流程',
          hint: '按环节列出流程，每步写明时限、办理人（岗位）和审查标准',
        });
      }
      return outcome('E3-1', 'review', {
        value: s.processText,
        message: '有办理流程文字，但未分步骤，无法逐步核查时限、办理人和审查标准',
        hint: '按环节列出流程，每步写明时限、办理人（岗位）和审查标准',
      });
    }
    const missing: string[] = [];
    for (const step of s.steps) {
      for (const [name, col, re] of PARTS) if (!part(step, col, re)) missing.push(`${step.name}:${name}`);
    }
    const uniq = [...new Set(missing)];
    const value = s.steps.map((st) => st.name).join(' → ');
    const data = { steps: s.steps.length };
    if (!uniq.length) {
      return outcome('E3-1', 'pass', { value, data, selector: s.steps[0]!.path, found: s.steps.map((st) => st.name), message: `${s.steps.length}个环节均写明时限、办理人和审查标准` });
    }
    const byStep = new Map<string, string[]>();
    for (const m of uniq) {
      const i = m.lastIndexOf(':');
      const words = PARTS.find((p) => p[0] === m.slice(i + 1))![3];
      (byStep.get(m.slice(0, i)) ?? byStep.set(m.slice(0, i), []).get(m.slice(0, i))!).push(words);
    }
    return outcome('E3-1', 'partial', {
      value,
      data,
      selector: s.steps[0]!.path,
      missing: uniq,
      message: `流程环节缺少要素：${[...byStep].map(([st, ws]) => `${st}缺${ws.join('、')}`).join('；')}`,
      hint: '每个环节写明时限、办理人（岗位）和审查标准',
    });
  },
};
