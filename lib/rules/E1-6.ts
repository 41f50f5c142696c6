import { SPECIAL_PROCEDURE_WORDS as SPECIAL_WORDS, stripLabels, withoutNote } from '../labels';
import { hitsOf } from '../parse/fields';
import { statesTimeLimit } from '../parse/time-limit';
import type { GuideSnapshot } from '../snapshot';
import { normalize } from '../text';
import { outcome, type Rule } from './types';

const NONE = /^(?:无|没有|不涉及|否|暂无|无特殊环节|无中介服务|无特别程序|不需要|本事项无.*)$/;

/** E1-6 中介机构或特殊环节: a section that says 无, or lists each procedure with its time limit. */
export const rule: Rule = {
  id: 'E1-6',
  evaluate(s: GuideSnapshot) {
    const hits = [...hitsOf(s, 'special'), ...hitsOf(s, 'intermediary')];
    const mention = procedureMention(s.processText);
    if (!hits.length && !s.specials.length) {
      return outcome('E1-6', 'fail', {
        value: mention ? quote(s.processText, mention) : '',
        message: mention ? `特殊环节未单列：办理流程提到“${mention}”，但没有特殊环节栏目` : '未找到特殊环节/中介服务栏目',
        hint: '单列“特殊环节”栏目：没有则写“无”；有则逐项写明环节名称和时限',
      });
    }
    const hit = hits.find((h) => h.value.trim()) ?? hits[0];
    const texts = hits.map((h) => withoutNote(normalize(h.value)).replace(/[。.;；\s]+$/, '')).filter(Boolean);
    const items = s.specials.length ? s.specials : texts.flatMap(proceduresIn);
    const value = s.specials.length ? s.specials.map((p) => p.text).join('；') : hits.map((h) => h.value).filter(Boolean).join('；');

    if (!items.length) {
      if (!texts.length) {
        return outcome('E1-6', 'fail', { hit, message: '特殊环节栏目没有内容', hint: '没有特殊环节写“无”；有则逐项写明环节名称和时限' });
      }
      // A section's own headings (环节名称 | 所需时限 …) are not content: "环节名称 所需时限 无" says none.
      if (texts.every(saysNone)) {
        if (mention) {
          return outcome('E1-6', 'review', {
            hit, value,
            message: `指南写明无特殊环节，但办理流程提到“${mention}”，请人工核对`,
            hint: '核对流程中的环节是否属于特殊环节，并在特殊环节栏目中列明',
          });
        }
        return outcome('E1-6', 'pass', { hit, value, message: '特殊环节/中介服务：无' });
      }
      return outcome('E1-6', 'review', {
        hit, value,
        message: '特殊环节栏目有内容，但无法识别其中的环节，请人工核对',
        hint: '逐项写明环节名称和时限，或写“无”',
      });
    }
    const lacking = items.filter((p) => !statesTimeLimit(p.limit ?? p.text));
    if (!lacking.length) {
      return outcome('E1-6', 'pass', { hit, value, found: items.map((p) => p.name), message: `特殊环节${items.map((p) => p.name).join('、')}均写明时限` });
    }
    return outcome('E1-6', 'partial', {
      hit, value,
      selector: s.specials[0]?.path,
      found: items.map((p) => p.name),
      missing: lacking.map((p) => `${p.name}:time-limit`),
      message: `特殊环节${lacking.map((p) => p.name).join('、')}未写明时限`,
      hint: '为每个特殊环节写明时限，如“专家评审 15个工作日”',
    });
  },
};

const DOCUMENT_AFTER = /^(?:[(（][^()（）]{0,6}[)）])?(?:报告|证明|证书|书|意见|结论|合格|结果|报表|机构)/;

/**
 * A special procedure the process text names — not a document named after one: a step that
 * checks the 检测（评价）报告 or reads the 评审意见 names a material, not a 检测 or 评审 of its own.
 */
function procedureMention(text: string): string | undefined {
  const re = new RegExp(SPECIAL_WORDS.source, 'g');
  for (const m of text.matchAll(re)) if (!DOCUMENT_AFTER.test(text.slice(m.index! + m[0].length))) return m[0];
  return undefined;
}

/** "无", or a table of headings over a row of 无 / 否 (Epoint: 无 | 无 | 无 | 否 | 否). */
function saysNone(text: string): boolean {
  if (NONE.test(text)) return true;
  const tokens = stripLabels(text).split(/\s+/).filter(Boolean);
  return tokens.length > 0 && tokens.every((t) => /^(?:无|否|暂无|没有|不涉及|不需要|—+|-+)$/.test(t)) && tokens.some((t) => t !== '否');
}

/**
 * Procedures named in a section's text. Numbered entries are one procedure each, whatever they
 * are called; otherwise each line naming a special procedure opens one, and the lines after it
 * (its 时限, 说明) belong to it until the next one.
 */
function proceduresIn(text: string): { name: string; limit?: string; text: string }[] {
  if (NONE.test(text)) return [];
  const numbered = text.split(/(?:^|\n|\s)(?=\d{1,2}\s*[.、．](?!\d))/).map((t) => t.trim()).filter((t) => /^\d{1,2}\s*[.、．]/.test(t));
  if (numbered.length) {
    return numbered.map((t) => {
      const body = t.replace(/^\d{1,2}\s*[.、．]\s*/, '');
      return { name: body.split(/[:：，,。(（;；\s]/)[0]!.slice(0, 20), text: body };
    });
  }
  const groups: { name: string; text: string }[] = [];
  for (const line of text.split(/\n|[;；]/).map((t) => t.trim()).filter(Boolean)) {
    // "时限：…", "说明：…组织专家评审…" describe the current procedure; they never open one.
    const prefix = /^([\u4e00-\u9fa5]{1,10})[:：]/.exec(line)?.[1];
    const attribute = prefix !== undefined && !SPECIAL_WORDS.test(prefix) && !/^(?:环节名称|特殊环节名称|程序名称|名称|特殊环节|特别程序)$/.test(prefix);
    const word = attribute ? undefined : SPECIAL_WORDS.exec(line)?.[0];
    const name = word && !NONE.test(line.replace(/^[^:：]*[:：]/, '')) ? nameOf(line, word) : undefined;
    // A line that names the procedure again (说明：…组织现场勘查…) describes it; it opens no second one.
    const same = name ? groups.find((g) => name.includes(g.name)) : undefined;
    if (name && !same) groups.push({ name, text: line });
    else if (same ?? groups.length) (same ?? groups[groups.length - 1]!).text += `\n${line}`;
  }
  // A section that lists something with a time limit, in words our list does not know, lists a procedure.
  if (!groups.length && statesTimeLimit(text)) {
    return [{ name: text.replace(/^\d{1,2}\s*[.、．]\s*/, '').split(/[:：，,。(（;；\s]/)[0]!.slice(0, 20), text }];
  }
  return groups;
}

/** "环节名称：专家评审" → 专家评审; "专家评审（15个工作日）" → 专家评审. */
function nameOf(line: string, word: string): string {
  const after = line.replace(/^(?:环节名称|特殊环节名称|程序名称|名称|特殊环节|特别程序)\s*[:：]?\s*/, '');
  const head = after.split(/[:：，,。(（;；\s]/)[0]!;
  return head.includes(word) && head.length <= 20 ? head : word;
}

function quote(text: string, word: string): string {
  const i = text.indexOf(word);
  return text.slice(Math.max(0, i - 20), i + word.length + 20).replace(/\s+/g, ' ');
}
