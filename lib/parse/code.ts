/** 事项编码 (rule book B3-1; reference/domain.md §1.4). */

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015 check character of an 18-character 统一社会信用代码. */
export function usccCheckOk(uscc: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(uscc)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(uscc[i]!) * WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31] === uscc[17];
}

export interface TaskCode {
  code: string;
  uscc: string;
  level: number;
  catalog: string;
  handleItem?: string;
}

const TASK_CODE = /^([0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10})([1-7])([0-9A-Z]{12})(\d{2})?$/;

export function parseTaskCode(code: string): TaskCode | undefined {
  const m = TASK_CODE.exec(code);
  if (!m) return undefined;
  return { code, uscc: m[1]!, level: Number(m[2]), catalog: m[3]!, handleItem: m[4] };
}

/** Code-like tokens in a value: the national forms first, then any long alphanumeric run. */
export function codeTokens(value: string): string[] {
  const v = value.normalize('NFKC').toUpperCase();
  return [...v.matchAll(/[0-9A-Z][0-9A-Z-]{9,}[0-9A-Z]/g)].map((m) => m[0]);
}

export const LEVELS: Record<string, number> = {
  国家级: 1, 国家: 1, 省级: 2, 省: 2, 市级: 3, 市: 3, 设区市级: 3, 县级: 4, 县: 4, 区县级: 4, 县区级: 4,
  镇级: 5, 乡级: 5, 街道级: 5, '镇(乡、街道)级': 5, 乡镇级: 5, 村级: 6, 社区级: 6, '村(社区)级': 6, 分级管理: 7,
};

export function levelOf(text: string): number | undefined {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  if (/^[1-7]$/.test(t)) return Number(t);
  if (t in LEVELS) return LEVELS[t];
  for (const [k, n] of Object.entries(LEVELS)) if (k.length >= 2 && t.startsWith(k)) return n;
  return undefined;
}
