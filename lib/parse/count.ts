import { arabicNumerals, normalize } from '../text';

/** 到办事现场次数 (E3-2): 0次, 1次, 零跑动, 不见面, 最多跑一次, 0（全程网办）. */
export function parseVisits(value: string): number | undefined {
  return visitCounts(value)[0];
}

/**
 * Every count a 到办事现场次数 value states, in order: "网上办理0次，窗口办理1次" gives [0, 1]
 * (A4-3 cannot tell which applies and asks for review).
 */
export function visitCounts(value: string): number[] {
  const v = arabicNumerals(normalize(value));
  if (/零跑动|不见面|无需到现场|无需到场|0跑动|零次|全程网办无需/.test(v)) return [0];
  const most = /最多跑\s*(\d+)\s*次/.exec(v);
  if (most) return [Number(most[1])];
  const counts = [...v.matchAll(/(\d+)\s*次/g)].map((m) => Number(m[1]));
  if (counts.length) return [...new Set(counts)];
  const lead = /^\s*(\d+)\s*(?:$|[(（,，;；\s])/.exec(v);
  return lead ? [Number(lead[1])] : [];
}

// A number of copies, sheets, booklets or sets (本人, 本单位 are no booklets: 须经2本单位负责人签字).
const COPIES = /(\d+)\s*(?:[份张套册]|本(?![人单级市区县省部局院所厅委处站]))/;
const COPIES_ALL = new RegExp(COPIES.source, 'g');

/**
 * Copies of a material (E2-2): 原件1份, 复印件2份, 1份, a bare count in a 份数 column; a count of
 * sheets, booklets or sets counts too (照片3张, 户口簿1本, 图纸2套).
 */
export function parseCopies(value: string, bareCountAllowed: boolean): number | undefined {
  const v = arabicNumerals(normalize(value));
  if (/若干|按需|视情况|根据需要/.test(v) && !COPIES.test(v)) return undefined;
  const counts = [...v.matchAll(COPIES_ALL)].map((m) => Number(m[1]));
  const labelled = [...v.matchAll(/(?:原件|复印件|正本|副本|纸质)(?:材料)?(?:份数|数量)?\s*[:：]?\s*(\d+)/g)].map((m) => Number(m[1]));
  const all = [...counts, ...labelled];
  if (!all.length && bareCountAllowed) {
    const bare = /^\s*(\d+)\s*$/.exec(v);
    if (bare) all.push(Number(bare[1]));
  }
  const max = all.length ? Math.max(...all) : undefined;
  return max && max > 0 ? max : undefined;
}
