import { firstValue } from '../parse/fields';
import { findLimit } from '../parse/time-limit';
import { normalize } from '../text';
import { outcome, type Rule } from './types';

/** A4-4 即办: the promised limit is 即办 or the 办件类型 is 即办件 (the ≥40 % target is aggregate). */
export const rule: Rule = {
  id: 'A4-4',
  evaluate(s) {
    const promised = findLimit(s, 'promised');
    const type = firstValue(s, 'projectType');
    const typeText = normalize(type?.value ?? '');
    const byLimit = !!promised.parsed?.instant;
    const byType = /(?<![非不])即办件|^即办$/.test(typeText);
    if (byLimit || byType) {
      const clash = byLimit && /承诺件/.test(typeText) ? '；但办件类型写为承诺件' : byType && !byLimit && promised.parsed?.days ? `；但承诺时限为${promised.parsed.days}${promised.parsed.unit ?? ''}` : '';
      return outcome('A4-4', 'pass', { hit: byLimit ? promised.hit : type, data: { instant: true }, message: `即办事项${clash}` });
    }
    return outcome('A4-4', 'fail', {
      hit: type ?? promised.hit,
      data: { instant: false },
      message: type?.value ? `非即办（办件类型：${type.value}）` : '非即办',
      hint: '条件成熟的事项改为即办件',
    });
  },
};
