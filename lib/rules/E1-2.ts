import { judgeLimit } from './_time-limit';
import type { Rule } from './types';

/** E1-2 承诺办结时限: a number > 0 with 工作日/自然日, or 即办 / 当场办结. */
export const rule: Rule = { id: 'E1-2', evaluate: (s) => judgeLimit('E1-2', s, 'promised') };
