import type { IndicatorId } from '../indicators';
import type { Outcome } from '../outcome';
import type { GuideSnapshot } from '../snapshot';
import { isForm, judgeMaterials, noMaterials } from './_materials';
import { outcome } from './types';

/** E4-1 / E4-2: every form material has a usable blank / sample link inside the materials block. */
export function judgeForms(id: IndicatorId, s: GuideSnapshot, kind: 'blank' | 'sample'): Outcome {
  if (!s.materials?.length) return noMaterials(id, s);
  const forms = s.materials.filter(isForm);
  const what = kind === 'blank' ? '空白表格下载' : '示例样表下载';
  if (!forms.length) {
    return outcome(id, 'na', { selector: s.materialsPath, message: '申请材料中没有需要填写的表格，不适用' });
  }
  return judgeMaterials(id, s, forms, (m) => m[kind].some((l) => l.usable), {
    what,
    pass: `${forms.length}项表格类材料均提供${what}`,
    hint: `为每个需要填写的表格提供${what}链接`,
  });
}
