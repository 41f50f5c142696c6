import { judgeForms } from './_forms';
import type { Rule } from './types';

/** E4-2 样表下载: each form material links a filled-in sample. */
export const rule: Rule = { id: 'E4-2', evaluate: (s) => judgeForms('E4-2', s, 'sample') };
