import type { IndicatorId } from '../indicators';
import type { Outcome } from '../outcome';
import type { GuideSnapshot, Material } from '../snapshot';
import { outcome } from './types';

/** E2-1, E2-2, E4-1, E4-2 judge each material and name the ones that fall short. */
export function judgeMaterials(
  id: IndicatorId,
  s: GuideSnapshot,
  materials: Material[],
  ok: (m: Material) => boolean,
  words: { what: string; pass: string; hint: string },
): Outcome {
  const bad = materials.filter((m) => !ok(m));
  const names = (list: Material[]) => list.map((m) => m.name);
  const value = materials.map((m) => m.name).join('；');
  const selector = bad[0]?.path ?? s.materialsPath;
  if (!bad.length) return outcome(id, 'pass', { value, selector, found: names(materials), message: words.pass });
  if (bad.length === materials.length) {
    const who = materials.length === 1 ? `材料“${materials[0]!.name}”` : `${materials.length}项材料均`;
    return outcome(id, 'fail', { value, selector, missing: names(bad), message: `${who}未写明${words.what}`, hint: words.hint });
  }
  return outcome(id, 'partial', {
    value,
    selector,
    found: names(materials.filter(ok)),
    missing: names(bad),
    message: `${bad.length}/${materials.length}项材料未写明${words.what}：${names(bad).join('、')}`,
    hint: words.hint,
  });
}

export function noMaterials(id: IndicatorId, s: GuideSnapshot): Outcome {
  return outcome(id, 'fail', {
    selector: s.materialsPath,
    message: s.materials === null ? '未找到申请材料清单' : '申请材料清单为空',
    hint: '列出申请材料，逐项写明来源渠道（出具单位）和份数',
  });
}

/** Materials that are forms to fill in (rule book E4): 申请表, 申请书, 登记表, 承诺书 … */
const FORM_NAME = /申请表|申请书|登记表|申报表|审批表|承诺书|表格|文书|备案表|报告表|信息表|申请单|情况表|明细表|一览表|汇总表|调查表|确认表|核定表|委托书|声明书|申明书|协议书/;
const FORM_TYPE = /表格|文书|申请表格文书/;
export function isForm(m: Material): boolean {
  return FORM_NAME.test(m.name) || FORM_TYPE.test(m.type ?? '');
}
