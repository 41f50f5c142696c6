import { partText } from '../indicators';
import { codeTokens, parseTaskCode, usccCheckOk } from '../parse/code';
import { firstValue } from '../parse/fields';
import { hasChineseText, isPlaceholder, normalize } from '../text';
import { outcome, type Rule } from './types';

/** 事项类型 texts (GB/T 39046 A.1 and provincial lists, reference/domain.md §1.3). */
const ITEM_TYPES = /行政许可|行政处罚|行政强制|行政征收|行政征用|行政给付|行政检查|行政确认|行政奖励|行政裁决|行政备案|其他行政权力|其他权力|公共服务|其他类别|行政权力/;

/** A name written out (≥ 3 Chinese characters), not a dash, a formula or markup. */
function realText(v: string): boolean {
  return !isPlaceholder(v) && hasChineseText(v, 3) && !/^[=+@<]/.test(v.trim());
}

/** A national 实施编码 whose credit code checks, or a 12-character 基本编码. */
function wellFormedCode(token: string): boolean {
  const p = parseTaskCode(token);
  return p ? usccCheckOk(p.uscc) : /^[0-9A-Z]{12}$/.test(token);
}

/** D2-3 要素规范统一: 事项名称, 事项编码, 事项类型, 设定依据 and 实施主体 present and well formed. */
export const rule: Rule = {
  id: 'D2-3',
  evaluate(s) {
    const code = firstValue(s, 'taskCode') ?? firstValue(s, 'catalogCode');
    const type = firstValue(s, 'itemType');
    const basis = firstValue(s, 'basis');
    const body = firstValue(s, 'department');
    const basisText = normalize(basis?.value ?? '');
    const checks: [string, boolean | undefined, string][] = [
      // present: true / malformed: false / absent: undefined
      ['item-name', s.heading ? realText(s.heading) : undefined, '事项名称'],
      ['item-code', code?.value.trim() ? codeTokens(code.value).some(wellFormedCode) : undefined, '事项编码'],
      ['item-type', type?.value.trim() ? ITEM_TYPES.test(type.value) : undefined, '事项类型'],
      ['legal-basis', basisText ? /《[^》]+》/.test(basisText) : undefined, '设定依据'],
      ['implementing-body', body?.value.trim() ? realText(body.value) : undefined, '实施主体'],
    ];
    const missing = checks.filter(([, ok]) => ok !== true).map(([k]) => k);
    const value = [s.heading, code?.value, type?.value, basis?.value, body?.value].filter(Boolean).join('；');
    const found = checks.filter(([, ok]) => ok === true).map(([k]) => k);
    if (!missing.length) {
      const article = /第[一二三四五六七八九十百零〇\d]+条/.test(basisText) ? '' : '（设定依据未写明条款）';
      return outcome('D2-3', 'pass', { value, found, hit: basis, message: `基本要素齐全${article}` });
    }
    if (checks.every(([, ok]) => ok === undefined)) {
      return outcome('D2-3', 'fail', { missing, message: '未公布事项名称、编码、类型、设定依据和实施主体', hint: '公布事项名称、事项编码、事项类型、设定依据（《法律》第X条）和实施主体' });
    }
    const words = checks
      .filter(([, ok]) => ok !== true)
      .map(([k, ok]) => `${partText(k)}${ok === false ? (k === 'legal-basis' ? '未写明《法律法规》名称' : '格式不规范') : '缺失'}`);
    return outcome('D2-3', 'partial', { value, found, missing, hit: basis ?? type, message: words.join('；'), hint: '补全基本要素；设定依据写明《法律法规》名称和条款' });
  },
};
