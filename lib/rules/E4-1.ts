import { judgeForms } from './_forms';
import type { Rule } from './types';

/** E4-1 空表下载: each form material links its blank form. */
export const rule: Rule = { id: 'E4-1', evaluate: (s) => judgeForms('E4-1', s, 'blank') };
