import { normalize } from '../text';

const DAY = '[一二三四五六日天1-7]';
const DAYS = new RegExp(
  `(?:周|星期|礼拜)${DAY}\\s*(?:至|到|-|~|—)\\s*(?:周|星期|礼拜)?${DAY}|(?:法定)?工作日|(?:周|星期)${DAY}(?:[、,，](?:周|星期)?${DAY})*|每天|每日|全天|全年无休`,
);
// The start needs a clock mark (9:00, 9时, 9点) so dates such as 10-01至10-07 are not hours;
// the end may be bare (8:30-12).
const START = '(\\d{1,2})\\s*[:时点]\\s*(\\d{1,2})?\\s*分?';
const END = '(\\d{1,2})(?:\\s*[:时点]\\s*(\\d{1,2})?\\s*分?)?(?![\\d-])';
const RANGE = new RegExp(
  `(?:上午|下午|早上|中午|晚上|早|晚)?\\s*${START}\\s*(?:-|~|至|到)\\s*(?:上午|下午|中午|晚上)?\\s*${END}`,
  'g',
);

export interface HoursCheck {
  days: boolean;
  /** Clock ranges that parse (hours 0–24, minutes 0–59). */
  ranges: string[];
  /** Something that looks like a time but does not parse. */
  badTimes: boolean;
}

export function checkHours(text: string): HoursCheck {
  const t = normalize(text).replace(/：/g, ':');
  const ranges: string[] = [];
  let bad = false;
  for (const m of t.matchAll(RANGE)) {
    const [h1, m1, h2, m2] = [m[1], m[2], m[3], m[4]].map((x) => (x === undefined ? 0 : Number(x)));
    if (h1! > 24 || h2! > 24 || m1! > 59 || m2! > 59) bad = true;
    else ranges.push(m[0].trim());
  }
  if (!ranges.length && /\d{1,2}\s*[:时点]/.test(t)) bad = true;
  return { days: DAYS.test(t), ranges, badTimes: bad };
}
