import { visitCounts } from '../parse/count';
import { firstValue } from '../parse/fields';
import { outcome, type Rule } from './types';

/** A4-3 减跑动: pass when the item needs no visit in person (the ≥70 % target is aggregate). */
export const rule: Rule = {
  id: 'A4-3',
  evaluate(s) {
    const hit = firstValue(s, 'visits');
    const counts = hit ? visitCounts(hit.value) : [];
    if (counts.length !== 1) {
      return outcome('A4-3', 'review', {
        hit,
        message: counts.length ? `到办事现场次数有多种（${counts.join('次、')}次），无法判断是否零跑动` : '到办事现场次数未知，无法判断是否零跑动',
        hint: '写明到办事现场次数',
      });
    }
    const n = counts[0]!;
    if (n === 0) return outcome('A4-3', 'pass', { hit, data: { visits: 0 }, message: '零跑动（到现场0次）' });
    return outcome('A4-3', 'fail', { hit, data: { visits: n }, message: `需到现场${n}次`, hint: '推行网上办理、邮寄送达，实现零跑动' });
  },
};
