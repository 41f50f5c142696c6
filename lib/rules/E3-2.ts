import { parseVisits } from '../parse/count';
import { firstValue } from '../parse/fields';
import { isPlaceholder } from '../text';
import { outcome, type Rule } from './types';

/** E3-2 到办事现场次数: a count; when > 0 the guide should say why a visit is needed. */
export const rule: Rule = {
  id: 'E3-2',
  evaluate(s) {
    const hit = firstValue(s, 'visits');
    if (!hit) return outcome('E3-2', 'fail', { message: '未找到到办事现场次数', hint: '写明到办事现场次数，如“0次”或“1次”' });
    const n = parseVisits(hit.value);
    if (n === undefined) {
      return outcome('E3-2', 'partial', {
        hit,
        missing: ['count'],
        message: hit.value.trim() ? '到办事现场次数未写明具体次数' : '到办事现场次数标签下没有内容',
        hint: '写明次数，如“0次”或“1次”',
      });
    }
    const reason = firstValue(s, 'visitReason')?.value;
    const note = n > 0 && isPlaceholder(reason) ? '；未说明必须到现场办理的原因' : '';
    return outcome('E3-2', 'pass', { hit, data: { visits: n }, message: `到办事现场次数${n}次${note}` });
  },
};
