import { judgeLimit } from './_time-limit';
import type { Rule } from './types';

/** E1-1 法定办结时限: a number > 0 with 工作日/自然日. */
export const rule: Rule = { id: 'E1-1', evaluate: (s) => judgeLimit('E1-1', s, 'legal') };
