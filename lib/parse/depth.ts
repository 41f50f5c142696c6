import { normalize } from '../text';

/**
 * 网上办理深度 → level 1–4 (rule book B1; reference/domain.md §1.5). The national multi-code
 * list (1 咨询 … 7 证照反馈) maps by its strongest online step (see below). The mapping is a
 * heuristic and the outcome says so.
 */
export function depthLevel(value: string): { level: number; fromCodes: boolean } | undefined {
  // NFKC turns Ⅳ into IV, so Roman numerals are read from the text as written.
  const raw = value.replace(/(?:非|不是|不能|未实现)(?:全程网办|网上办理)/g, ' ');
  const v = normalize(raw);
  if (/全程网办|IV级|四级|4级|第四级/.test(v) || /Ⅳ/.test(raw)) return { level: 4, fromCodes: false };
  if (/材料核验|网上受理|III级|三级|3级|第三级/.test(v) || /Ⅲ/.test(raw)) return { level: 3, fromCodes: false };
  if (/材料预审|网上预审|在线预审|II级|二级|2级|第二级/.test(v) || /Ⅱ/.test(raw)) return { level: 2, fromCodes: false };
  if (/信息发布|事项公开|(?<![IV])I级|一级|1级|第一级/.test(v) || /Ⅰ/.test(raw)) return { level: 1, fromCodes: false };
  const NAMES: [RegExp, number][] = [
    [/互联网咨询/, 1], [/互联网收件/, 2], [/互联网预审/, 3], [/互联网受理/, 4], [/互联网办理(?!结果)/, 5],
    [/办理结果信息反馈|结果反馈/, 6], [/电子证照反馈/, 7],
  ];
  let codes = NAMES.filter(([re]) => re.test(v)).map(([, n]) => n);
  if (!codes.length && /^\s*\d(?:\s*[,，、]\s*\d)*\s*$/.test(v)) codes = v.split(/[,，、]/).map((x) => Number(x.trim()));
  if (!codes.length) return undefined;
  const has = (n: number) => codes.includes(n);
  // reference/domain.md §1.5: 5+6 → Ⅳ; 4/5 → Ⅲ; 3 → Ⅱ; all ≤ 2 → Ⅰ. Anything else (e.g. 1+6,
  // consultation plus result feedback) has no level in that mapping: the B1 rule asks for review.
  const level = has(5) && has(6) ? 4 : has(4) || has(5) ? 3 : has(3) ? 2 : Math.max(...codes) <= 2 ? 1 : undefined;
  return level ? { level, fromCodes: true } : undefined;
}
