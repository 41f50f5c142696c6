import { normalize } from '../text';

export interface PhoneCheck {
  /** Landlines with area code and mobiles: what an enquirer can dial from anywhere. */
  full: string[];
  /** 7–8 digit numbers with no area code. */
  local: string[];
  hotline: boolean; // 12345
}

const FULL = /(?<!\d)(?:\(?0\d{2,3}\)?\s*-?\s*(?:\d{7,8}|\d{3,4}-\d{4})(?:\s*(?:-|转)\s*\d{1,5})?|1[3-9]\d{9}|400-?\d{3}-?\d{4})(?!\d)/g;
const LOCAL = /(?<![\d-])\d{7,8}(?![\d])/g;

export function checkPhones(text: string): PhoneCheck {
  const t = normalize(text).replace(/（/g, '(').replace(/）/g, ')');
  const full = [...t.matchAll(FULL)].map((m) => m[0].replace(/\s+/g, ''));
  const rest = t.replace(FULL, ' ');
  const local = [...rest.matchAll(LOCAL)].map((m) => m[0]).filter((n) => !/^(19|20)\d{6}$/.test(n)); // not a date like 20201118
  return { full, local, hotline: /(?<!\d)12345(?!\d)/.test(t) };
}

/** Digits only, without area-code punctuation, for comparing two numbers. */
export function phoneDigits(n: string): string {
  return n.replace(/\D/g, '');
}
