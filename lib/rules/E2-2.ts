import { parseCopies } from '../parse/count';
import type { Material } from '../snapshot';
import { judgeMaterials, noMaterials } from './_materials';
import type { Rule } from './types';

export function copiesOk(m: Material): boolean {
  return (parseCopies(m.copies ?? '', true) ?? parseCopies(m.text, false)) !== undefined;
}

/** E2-2 数量要求: every material states how many copies (若干 / 按需 is not a count). */
export const rule: Rule = {
  id: 'E2-2',
  evaluate(s) {
    if (!s.materials?.length) return noMaterials('E2-2', s);
    return judgeMaterials('E2-2', s, s.materials, copiesOk, {
      what: '份数',
      pass: '每项材料都写明了份数',
      hint: '逐项写明份数，如“原件1份，复印件1份”；不要写“若干”',
    });
  },
};
