import type { Rule } from './types';
import { rule as A4_1 } from './A4-1';
import { rule as A4_3 } from './A4-3';
import { rule as A4_4 } from './A4-4';
import { rule as B1 } from './B1';
import { rule as B3_1 } from './B3-1';
import { rule as D2_3 } from './D2-3';
import { rule as E1_1 } from './E1-1';
import { rule as E1_2 } from './E1-2';
import { rule as E1_3 } from './E1-3';
import { rule as E1_4 } from './E1-4';
import { rule as E1_5 } from './E1-5';
import { rule as E1_6 } from './E1-6';
import { rule as E2_1 } from './E2-1';
import { rule as E2_2 } from './E2-2';
import { rule as E3_1 } from './E3-1';
import { rule as E3_2 } from './E3-2';
import { rule as E4_1 } from './E4-1';
import { rule as E4_2 } from './E4-2';

/** Every per-item indicator of the rule book, in report order (tests/unit/registry.test.ts checks it). */
export const RULES: readonly Rule[] = [
  E1_1, E1_2, E1_3, E1_4, E1_5, E1_6, E2_1, E2_2, E3_1, E3_2, E4_1, E4_2,
  A4_1, A4_3, A4_4, B1, B3_1, D2_3,
];
