import { hitsOf } from '../parse/fields';
import { checkPhones, phoneDigits } from '../parse/phone';
import { outcome, type Rule } from './types';

/** E1-5 咨询方式: a landline with area code or a mobile of the accepting department. */
export const rule: Rule = {
  id: 'E1-5',
  evaluate(s) {
    const hits = hitsOf(s, 'enquiry');
    const withValue = hits.filter((h) => h.value.trim());
    if (!withValue.length) {
      return outcome('E1-5', 'fail', {
        hit: hits[0],
        message: hits.length ? '咨询方式标签下没有内容' : '未找到咨询方式',
        hint: '写明受理部门的咨询电话，带区号，写成“区号-号码”（如“0XXX-XXXXXXX”），或手机号码',
      });
    }
    const value = withValue.map((h) => h.value).join('；');
    const p = checkPhones(value);
    const complaint = checkPhones(hitsOf(s, 'complaint').map((h) => h.value).join('；'));
    // Compare subscriber numbers: 6428820 and 0777-6428820 are the same line.
    const subscriber = (n: string) => phoneDigits(n).slice(-8).replace(/^0/, '');
    const complaintNumbers = [...complaint.full, ...complaint.local].map(subscriber);
    const same = [...p.full, ...p.local].some((n) => complaintNumbers.some((c) => c.endsWith(subscriber(n)) || subscriber(n).endsWith(c)));
    const note = same ? '；咨询电话与监督投诉电话相同' : '';
    if (p.full.length) {
      return outcome('E1-5', 'pass', { hit: withValue[0], value, data: { phone: p.full[0]! }, message: `咨询电话${p.full[0]}${note}` });
    }
    const [missing, why] = p.local.length
      ? ['area-code', `咨询电话${p.local[0]}未带区号`]
      : p.hotline
        ? ['department-phone', '只有12345热线，没有受理部门的电话']
        : ['phone', '咨询方式中没有电话号码'];
    return outcome('E1-5', 'partial', {
      hit: withValue[0],
      value,
      missing: [missing],
      message: why + note,
      hint: '写明受理部门的咨询电话，带区号，写成“区号-号码”（如“0XXX-XXXXXXX”），或手机号码',
    });
  },
};
