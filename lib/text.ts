/**
 * Text normalisation shared by extraction and rules (rule book, "Text normalisation").
 * The original text is always kept for evidence; these helpers only produce a comparable form.
 */

const CIRCLED = /[\u2460-\u2473]/g; // ①..⑳ — NFKC would turn them into plain digits

/** NFKC (full-width → half-width), unify dashes and colons, collapse white space. */
export function normalize(text: string): string {
  return text
    .replace(CIRCLED, (c) => `〔${c.charCodeAt(0) - 0x245f}〕`)
    .normalize('NFKC')
    .replace(/[\u2014\u2013\u2012\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-')
    .replace(/[\u00A0\u3000\u200B\uFEFF]/g, ' ')
    .replace(/[ \t\f\v]+/g, ' ')
    .replace(/ *\n[\s]*/g, '\n')
    .trim();
}

/** Clip long values (rule book: raw value at most ~500 characters). */
export function clip(text: string, max = 500): string {
  const t = text.trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Chinese numeral (二十, 十五, 两, 一百二十) to a number; undefined when it is not one. */
export function chineseNumber(s: string): number | undefined {
  if (!s || !/^[零〇一二两三四五六七八九十百千]+$/.test(s)) return undefined;
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch in DIGIT) current = DIGIT[ch]!;
    else {
      const unit = UNIT[ch]!;
      total += (current || 1) * unit;
      current = 0;
    }
  }
  return total + current;
}

/** Replace Chinese numerals that stand before a counting word with Arabic digits. */
export function arabicNumerals(text: string): string {
  return text.replace(/[零〇一二两三四五六七八九十百千]+(?=\s*(?:个|份|张|本|套|册|次|日|天|工作日|自然日|小时|月|年|周|号|楼|层))/g, (m) => {
    const n = chineseNumber(m);
    return n === undefined ? m : String(n);
  });
}

/** A label as written, reduced to a comparable key: no spaces, no trailing colon, no brackets. */
export function labelKey(label: string): string {
  // Pages repeat the same short texts (headers, labels, menus): each is normalised once (long texts are not kept).
  if (label.length > 64) return labelKeyUncached(label);
  let key = labelKeys.get(label);
  if (key === undefined) {
    if (labelKeys.size > 20_000) labelKeys.clear();
    labelKeys.set(label, (key = labelKeyUncached(label)));
  }
  return key;
}
const labelKeys = new Map<string, string>();

function labelKeyUncached(label: string): string {
  return normalize(label)
    .replace(/\s+/g, '')
    .replace(/^(?:\d{1,2}[.、)]|[*※]+|[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|【|第[一二三四五六七八九十\d]+[章节部分条]、?)/, '')
    .replace(/】$/, '')
    .replace(/[:：]+$/, '')
    .replace(/\([^)]*\)$/, '')
    .replace(/[:：]+$/, '');
}

/** The bracketed suffix of a label, e.g. 工作日 in 法定办结时限(工作日). */
export function labelSuffix(label: string): string | undefined {
  return /\(([^)]*)\)\s*[:：]?\s*$/.exec(normalize(label))?.[1];
}

/** Text that stands where a value should be but says nothing: dashes, slashes, 无, 暂无. */
export function isPlaceholder(text: string | undefined): boolean {
  const t = normalize(text ?? '');
  return /^[\s\-_/\\.。·…,，;；:：]*$/.test(t) || /^(?:无|暂无|空|待定|null|undefined|n\/a)$/i.test(t);
}

/** Enough Chinese text to be a name (of an item, a body, a post), not a stray mark or a formula. */
export function hasChineseText(text: string | undefined, min = 2): boolean {
  return ((text ?? '').match(/[\u4e00-\u9fa5]/g) ?? []).length >= min;
}

/**
 * A list written as space-separated words. Label and tag lists ship in the content script, which
 * runs on every portal page: one string costs less than an array of quoted strings.
 */
export const words = (list: string): string[] => list.split(' ');
