import type { IndicatorId } from '../indicators';
import type { Outcome } from '../outcome';
import { findLimit } from '../parse/time-limit';
import type { GuideSnapshot } from '../snapshot';
import { outcome } from './types';

/** E1-1 and E1-2 judge the same way; 即办 passes only for the promised limit. */
export function judgeLimit(id: IndicatorId, s: GuideSnapshot, kind: 'legal' | 'promised'): Outcome {
  const name = kind === 'legal' ? '法定办结时限' : '承诺办结时限';
  const f = findLimit(s, kind);
  const example = kind === 'legal' ? '“20个工作日”' : '“5个工作日”或“即办”';
  if (!f.hit) {
    return outcome(id, 'fail', { message: `未找到${name}`, hint: `在办事指南中写明${name}，如${example}` });
  }
  const note = f.ambiguous ? `（取自“${f.hit.label}”，页面未区分法定/承诺时限）` : '';
  if (!f.hit.value.trim()) {
    return outcome(id, 'fail', { hit: f.hit, message: `${name}标签下没有内容${note}`, hint: `填写${name}，如${example}` });
  }
  const p = f.parsed!;
  // 法定时限：无法定时限 — the page says there is none: no limit is stated (rule book: the element is absent).
  if (p.none) {
    return outcome(id, 'fail', { hit: f.hit, message: `${name}写为“${f.hit.value.trim()}”，未给出时限${note}`, hint: `写明${name}，如${example}` });
  }
  const data = { days: p.days ?? null, unit: p.unit ?? null, instant: p.instant };
  if (kind === 'promised' && p.instant) {
    return outcome(id, 'pass', { hit: f.hit, data: { ...data, instant: true }, message: `${name}为即办${note}` });
  }
  const missing: string[] = [];
  if (!(p.days !== undefined && p.days > 0)) missing.push('number');
  if (!p.statedUnit) missing.push('unit');
  if (!missing.length) {
    return outcome(id, 'pass', { hit: f.hit, data, message: `${name}为${p.days}个${p.unit}${note}` });
  }
  const why = [
    missing.includes('number') ? (p.days === 0 ? '时限为0且未注明即办' : '未写明具体天数') : '',
    missing.includes('unit') ? '未注明“工作日”或“自然日”' : '',
  ].filter(Boolean).join('，');
  return outcome(id, 'partial', {
    hit: f.hit,
    data,
    missing,
    message: `${name}${why}${note}`,
    hint: `写成数字加单位，如${example}`,
  });
}
