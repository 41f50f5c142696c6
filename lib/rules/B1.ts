import { parseVisits } from '../parse/count';
import { depthLevel } from '../parse/depth';
import { firstValue, hitsOf } from '../parse/fields';
import { outcome, type Rule } from './types';

const ROMAN = ['', 'Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ'];

/** B1 网办深度: the stated level, consistent with visits (Ⅳ ⇒ 0) and with an online entry (≥ Ⅱ). */
export const rule: Rule = {
  id: 'B1',
  evaluate(s) {
    const hit = firstValue(s, 'depth');
    if (!hit?.value.trim()) {
      return outcome('B1', 'fail', { hit, missing: ['level'], message: hit ? '网上办理深度标签下没有内容' : '未写明网上办理深度', hint: '写明网上办理深度（Ⅰ级信息发布 … Ⅳ级全程网办）' });
    }
    const d = depthLevel(hit.value);
    if (!d) return outcome('B1', 'review', { hit, message: `无法识别网上办理深度“${hit.value}”`, hint: '写成“全程网办（Ⅳ级）”等标准表述' });
    const visits = parseVisits(firstValue(s, 'visits')?.value ?? '');
    const entry =
      s.onlineLinks.some((l) => l.usable) || hitsOf(s, 'onlineUrl').some((h) => /https?:\/\/|www\./i.test(h.value));
    const missing: string[] = [];
    if (d.level === 4 && visits !== undefined && visits > 0) missing.push('zero-visits');
    if (d.level >= 2 && !entry) missing.push('online-entry');
    const data = { level: d.level };
    const how = d.fromCodes ? '（按国家网办深度代码推算）' : '';
    if (!missing.length) return outcome('B1', 'pass', { hit, data, message: `网上办理深度${ROMAN[d.level]}级${how}` });
    const why = [
      missing.includes('zero-visits') ? `写明全程网办，但到办事现场次数为${visits}次` : '',
      missing.includes('online-entry') ? `深度${ROMAN[d.level]}级，但页面没有网上办理入口` : '',
    ].filter(Boolean).join('；');
    return outcome('B1', 'partial', { hit, data, missing, message: why + how, hint: '网办深度与到现场次数、网办入口保持一致' });
  },
};
