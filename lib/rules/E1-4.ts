import { hitsOf } from '../parse/fields';
import { checkHours } from '../parse/hours';
import { outcome, type Rule } from './types';

/** E1-4 办理时间: days (周一至周五 / 工作日) and at least one clock range. */
export const rule: Rule = {
  id: 'E1-4',
  evaluate(s) {
    const hits = hitsOf(s, 'hours');
    const withValue = hits.filter((h) => h.value.trim());
    if (!withValue.length) {
      return outcome('E1-4', 'fail', {
        hit: hits[0],
        message: hits.length ? '办理时间标签下没有内容' : '未找到办理时间',
        hint: '写明办理时间，如“星期一至星期五 上午9:00-12:00，下午13:30-17:00（法定节假日除外）”',
      });
    }
    const value = withValue.map((h) => h.value).join('；');
    const c = checkHours(value);
    const missing = [...(c.days ? [] : ['days']), ...(c.ranges.length && !c.badTimes ? [] : ['times'])];
    if (!missing.length) {
      return outcome('E1-4', 'pass', { hit: withValue[0], value, found: ['days', 'times'], message: `办理时间含办公日和${c.ranges.length}个时间段` });
    }
    const why = [
      c.days ? '' : '未写明办公日（如周一至周五）',
      c.badTimes ? '时间段无法识别' : c.ranges.length ? '' : '未写明具体时间段',
    ].filter(Boolean).join('，');
    return outcome('E1-4', 'partial', {
      hit: withValue[0],
      value,
      missing,
      found: ['days', 'times'].filter((p) => !missing.includes(p)),
      message: `办理时间${why}`,
      hint: '写成“周一至周五 上午9:00-12:00，下午13:30-17:00”',
    });
  },
};
