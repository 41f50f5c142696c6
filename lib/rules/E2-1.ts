import { stripLabels } from '../labels';
import type { Material } from '../snapshot';
import { isPlaceholder, normalize } from '../text';
import { judgeMaterials, noMaterials } from './_materials';
import type { Rule } from './types';

const SELF = /申请人自备|申请人提供|申请单位自备|申请人(?:自行)?(?:准备|提交)|本人提供|自备|申请人/;
/** Sources that say only "a government body" or "other": they need the issuing body's name. */
const GENERIC = /政府部门核发|政府部门|相关部门|有关部门|其他部门|主管部门|相关单位|有关单位|其他单位|相关机构|有关机构|发证机关|其他|核发/g;
const NAMED_BODY =
  /[\u4e00-\u9fa5]{1,20}?(?:局|所|院|委员会|委|办公室|办|中心|公司|银行|医院|派出所|街道办事处|街道|乡|镇|政府|村委会|居委会|村|社区|机构|机关|法院|检察院|公证处|单位|部门|学校|协会|厅|署|站|队|处|科|馆)/;
/** Where the applicant gets a form to fill in. */
const FORM_SOURCE = /领取|下载|自行填写|填写|自制|自行准备|自行编制|编制/;
/** A proof the applicant must obtain from another body for this application. */
const PROOF = /证明|意见书|意见|批复|批准文件|鉴定|审查意见|核准文件|许可证明|报告书/;

function namesBody(text: string): boolean {
  return NAMED_BODY.test(normalize(text).replace(GENERIC, ' '));
}

/**
 * Our reading of the book: 申请人自备 is accepted as written, even for a proof, because the
 * book lists it as a valid source; a bare 政府部门核发 / 其他 needs the body's name, and a proof
 * with no source at all is accepted only when its name says who issues it.
 */
export function sourceOk(m: Material): boolean {
  const src = normalize(m.source ?? '').replace(/[。.;；\s]+$/, '');
  if (!isPlaceholder(src)) {
    if (SELF.test(src) && !/政府部门核发|其他/.test(src)) return true;
    // The body must be named in the source itself (来源渠道 / 出具单位 / 来源渠道说明), not anywhere in the row.
    if (new RegExp(GENERIC.source).test(src)) return namesBody(stripLabels(src));
    // Anything else must name who issues it or where it is obtained: "详见窗口公告" says neither.
    return namesBody(stripLabels(src)) || FORM_SOURCE.test(src);
  }
  return PROOF.test(m.name) ? /(?:出具|开具|核发|颁发)/.test(m.name) && namesBody(m.name) : false;
}

/** E2-1 材料来源: every material has a source, and a proof from another body names that body. */
export const rule: Rule = {
  id: 'E2-1',
  evaluate(s) {
    if (!s.materials?.length) return noMaterials('E2-1', s);
    return judgeMaterials('E2-1', s, s.materials, sourceOk, {
      what: '来源渠道（出具单位）',
      pass: '每项材料都写明了来源渠道',
      hint: '逐项写明来源：申请人自备，或具体出具单位（如“户口所在地派出所”）',
    });
  },
};
