import { daysOf, findLimit } from '../parse/time-limit';
import { outcome, type Rule } from './types';

const SAME: Record<string, string> = { 工作日: '工作日', 自然日: '自然日', 日: '日', 天: '日' };

/** A4-1 减时间: cut = 1 − promised / legal, same unit only (工作日 ↔ 自然日 at 5/7, marked). */
export const rule: Rule = {
  id: 'A4-1',
  evaluate(s, ctx) {
    const legal = findLimit(s, 'legal');
    const promised = findLimit(s, 'promised');
    const hint = '法定和承诺时限都写成数字加“工作日/自然日”';
    if (!legal.hit?.value.trim()) return outcome('A4-1', 'na', { message: '没有法定办结时限，不计算减时间' });
    if (legal.ambiguous) {
      return outcome('A4-1', 'review', { hit: legal.hit, message: promised.ambiguous ? '页面只有“办理时限”，无法区分法定和承诺时限' : '页面没有法定办结时限，只有“办理时限”，无法确认减时间', hint });
    }
    if (legal.parsed?.none) return outcome('A4-1', 'na', { hit: legal.hit, message: `法定办结时限写为“${legal.hit.value.trim()}”，不计算减时间` });
    const L = daysOf(legal.parsed, 'legal');
    if (L && L.days === 0) return outcome('A4-1', 'na', { hit: legal.hit, message: '法定办结时限为0，不计算减时间' });
    const P = daysOf(promised.parsed, 'promised');
    if (!L) return outcome('A4-1', 'review', { hit: legal.hit, message: '法定办结时限无法解析为天数', hint });
    if (!P) return outcome('A4-1', 'review', { hit: promised.hit ?? legal.hit, message: promised.hit ? '承诺办结时限无法解析为天数' : '没有承诺办结时限，无法计算减时间', hint });
    if (P.days === 0 && P.unit !== '即办') {
      return outcome('A4-1', 'review', { hit: promised.hit, message: '承诺时限为0但未注明即办，无法计算减时间', hint });
    }
    let promisedDays = P.days;
    let converted = false;
    if (P.unit !== '即办') {
      const lu = SAME[L.unit];
      const pu = SAME[P.unit];
      if (!lu || !pu) return outcome('A4-1', 'review', { hit: promised.hit, message: `时限单位“${L.unit}”/“${P.unit}”无法换算`, hint });
      if (lu !== pu) {
        if (lu === '日' || pu === '日') {
          return outcome('A4-1', 'review', { hit: promised.hit, message: `法定时限单位“${L.unit}”与承诺时限单位“${P.unit}”不同，无法换算`, hint });
        }
        // 工作日 ↔ 自然日 at 5 working days per 7 calendar days (rule book A4-1)
        promisedDays = pu === '自然日' ? (P.days * 5) / 7 : (P.days * 7) / 5;
        converted = true;
      }
    }
    const cut = 1 - promisedDays / L.days;
    const pct = `${Math.round(cut * 1000) / 10}%`;
    const data = { cut: Math.round(cut * 10000) / 10000, converted, legalDays: L.days, promisedDays: Math.round(promisedDays * 100) / 100 };
    const value = `法定${L.days}${L.unit} / 承诺${P.unit === '即办' ? '即办' : `${P.days}${P.unit}`}`;
    const conv = converted ? '（工作日与自然日按5/7换算）' : '';
    const target = `${Math.round(ctx.cutTarget * 100)}%`;
    if (cut <= 0) return outcome('A4-1', 'fail', { value, data, hit: promised.hit, message: `承诺时限不短于法定时限（减时间${pct}）${conv}`, hint: '承诺时限应短于法定时限' });
    if (cut >= ctx.cutTarget) return outcome('A4-1', 'pass', { value, data, hit: promised.hit, message: `减时间${pct}，达到${target}${conv}` });
    return outcome('A4-1', 'partial', { value, data, hit: promised.hit, message: `减时间${pct}，未达到${target}${conv}`, hint: `承诺时限压缩到法定时限的${100 - Math.round(ctx.cutTarget * 100)}%以内` });
  },
};
