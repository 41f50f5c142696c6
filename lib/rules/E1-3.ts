import { partText } from '../indicators';
import { worst } from '../outcome';
import { ADDRESS_PARTS, checkAddress, splitLocations } from '../parse/address';
import { hitsOf } from '../parse/fields';
import { outcome, type Rule } from './types';

/** E1-3 办理地点: street, house number, room and window number, each judged; worst location wins. */
export const rule: Rule = {
  id: 'E1-3',
  evaluate(s) {
    const hits = hitsOf(s, 'address');
    // A field that repeats part of a fuller address (办理窗口 "3号窗口") is not another location.
    const withValue = hits.filter((h) => h.value.trim() && !hits.some((o) => o !== h && o.value.length > h.value.length && o.value.includes(h.value.trim())));
    if (!withValue.length) {
      return outcome('E1-3', 'fail', {
        hit: hits[0],
        message: hits.length ? '办理地点标签下没有内容' : '未找到办理地点',
        hint: '写明办理地点，精确到街道（路）、门牌号、房间号和窗口号',
      });
    }
    const locations = withValue.flatMap((hit) => splitLocations(hit.value).map((loc) => ({ hit, check: checkAddress(loc) })));
    const status = worst(locations.map((l) => (l.check.missing.length ? 'partial' : 'pass')));
    const missing = ADDRESS_PARTS.filter((p) => locations.some((l) => l.check.missing.includes(p)));
    const found = ADDRESS_PARTS.filter((p) => locations.every((l) => l.check.found.includes(p)));
    const first = locations.find((l) => l.check.missing.length) ?? locations[0]!;
    const value = locations.map((l) => l.check.text).join('；');
    if (status === 'pass') {
      return outcome('E1-3', 'pass', { hit: first.hit, value, found, message: `办理地点含街道、门牌号、房间号、窗口号${locations.length > 1 ? `（${locations.length}处）` : ''}` });
    }
    return outcome('E1-3', 'partial', {
      hit: first.hit,
      value,
      found,
      missing,
      message: `办理地点缺少${missing.map(partText).join('、')}${locations.length > 1 ? `（共${locations.length}处地点，按最差者计）` : ''}`,
      hint: '补全地址：XX路XX号XX楼XX室，XX号窗口',
    });
  },
};
