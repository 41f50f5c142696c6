import { arabicNumerals, normalize } from '../text';

/** The four parts of 办理地点 the seed asks for (rule book E1-3). */
export const ADDRESS_PARTS = ['street', 'house', 'room', 'window'] as const;
export type AddressPart = (typeof ADDRESS_PARTS)[number];

const CJK = '\\u4e00-\\u9fa5';
// A named road; `XX街道` alone is a township, so 街 counts only before a number.
const STREET = new RegExp(
  `[${CJK}\\d]{1,12}?(?:大道|大街|路|巷|胡同|弄)(?!口)|[${CJK}]{1,6}街(?!道|镇|乡|办)(?=\\s*\\d|[${CJK}]{0,4}\\d+号)`,
);
const WINDOW_INFIX = `(?:(?!大厅|中心|楼|层|路|街|号|区|室)[${CJK}]){0,8}?`;
const WINDOW = new RegExp(
  [
    `\\d+(?:\\s*[-~至到、,]\\s*\\d+)*\\s*号?\\s*${WINDOW_INFIX}窗口?(?<=窗口|号窗)`,
    // 窗口5 / 窗口号：12, but not 社保窗口3楼 (a floor)
    `窗口\\s*(?:号\\s*)?[:：]?\\s*[A-Za-z]?\\d+(?!\\d|\\s*(?:楼|层|号楼|室))`,
    `[A-Za-z]\\d{1,3}\\s*号?\\s*${WINDOW_INFIX}窗口`,
    `〔\\d+〕[^，。；,;]{0,20}?窗口`,
  ].join('|'),
);
const HOUSE = /(?<![\d\-〔A-Za-z])\d+(?:\s*-\s*\d+)?\s*号(?!\s*(?:综合|服务|业务|受理|专用?|办事)*\s*窗|\s*楼|\s*房|\s*室|\s*门(?!牌))/;
const ROOM = /[A-Za-z]?\d{2,5}\s*(?:室|房间|号房|号室|办公室)|房间\s*号?\s*[:：]?\s*[A-Za-z]?\d+|\d{2,5}\s*房(?!屋|产|地)/;

export interface AddressCheck {
  text: string;
  found: AddressPart[];
  missing: AddressPart[];
}

/** Directions in brackets (公交12路, 地铁2号线) are not part of the address. */
const DIRECTIONS = /[(（][^()（）]*(?:公交|乘|地铁|线路|路车|站下车|步行)[^()（）]*[)）]/g;

export function checkAddress(text: string): AddressCheck {
  const t = arabicNumerals(normalize(text)).replace(DIRECTIONS, ' ');
  // Remove the window match before looking for house and room numbers, so 3-8号窗口 is not a house number.
  const win = WINDOW.exec(t);
  const rest = win ? t.slice(0, win.index) + ' '.repeat(win[0].length) + t.slice(win.index + win[0].length) : t;
  const has: Record<AddressPart, boolean> = {
    street: STREET.test(t),
    house: HOUSE.test(rest),
    room: ROOM.test(rest),
    window: !!win,
  };
  return {
    text,
    found: ADDRESS_PARTS.filter((p) => has[p]),
    missing: ADDRESS_PARTS.filter((p) => !has[p]),
  };
}

const ADDRESSISH = /路|街|号|区|县|市|镇|乡|楼|层|室|窗口|中心|大厅|大楼|广场/;

/** Several halls or windows in one value: one entry per location. */
export function splitLocations(value: string): string[] {
  const parts = value
    .split(/\n|[;；]|、(?=[\u4e00-\u9fa5]{2,10}(?:省|市|区|县))|(?:^|\s)(?=[(（]?\d{1,2}[)）.、．])/)
    .flatMap(splitOnCommas)
    .map((p) => p.replace(/^\s*[(（]?\d{1,2}[)）.、．]\s*/, '').trim())
    .filter((p) => p && ADDRESSISH.test(p) && !/^(?:交通|乘车|公交|地铁|位置指引|咨询电话|电话)/.test(p));
  return parts.length ? parts : value.trim() ? [value.trim()] : [];
}

/** "人民路5号201室，北京路8号3号窗口" is two places; "人民路5号，政务中心二楼201室" is one. */
function splitOnCommas(part: string): string[] {
  const out: string[] = [];
  const pieces = part.split(/([，,、])/); // separators kept at odd indexes, so text stays as written
  for (let i = 0; i < pieces.length; i += 2) {
    const seg = pieces[i]!;
    const t = arabicNumerals(normalize(seg));
    if (out.length && STREET.test(t) && /\d+\s*号/.test(t)) out.push(seg);
    else if (out.length) out[out.length - 1] += `${pieces[i - 1]}${seg}`;
    else out.push(seg);
  }
  return out;
}
