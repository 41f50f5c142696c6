/**
 * Links and download controls: `<a href>`, buttons, `onclick` handlers and `data-url` /
 * `data-attach…` attributes, and whether one is a blank form (空白表格 / 表格下载 / 模板 …) or a
 * sample form (示例样表 / 样表 / 填写示例 …) by its text, its title or the column it stands in.
 */
import { BLANK_FORM_WORDS, NOT_FORM_WORDS, SAMPLE_FORM_WORDS } from '../labels';
import type { Link, Material } from '../snapshot';
import { tidy } from './hit';
import { cssPath, type Walked } from './walk';

export function linkOf(a: Element, w: Walked): Link {
  const href = a.getAttribute('href')?.trim() ?? '';
  const hrefUsable = !!href && !/^#?$/.test(href) && !/^javascript:\s*(void\s*\(\s*0?\s*\)\s*;?|;)?\s*$/i.test(href);
  const dataUsable = Array.from(a.attributes).some(
    (attr) => /^data-(attach|url|href|file|guid|path|download|src|link)/i.test(attr.name) && attr.value.trim().length > 0,
  );
  return {
    text: tidy(w.textOf(a) || a.getAttribute('title') || a.getAttribute('value') || ''),
    href: href || a.getAttribute('data-url') || '',
    usable: hrefUsable || dataUsable || a.hasAttribute('onclick') || a.hasAttribute('download'),
    path: cssPath(a),
  };
}

type FormKind = 'blank' | 'sample' | undefined;
function formKindOf(text: string, column?: string): FormKind {
  if (NOT_FORM_WORDS.test(text)) return undefined;
  if (SAMPLE_FORM_WORDS.test(text)) return 'sample';
  if (BLANK_FORM_WORDS.test(text)) return 'blank';
  if (column === 'blank' || column === 'sample') return column;
  if (/下载|\.(docx?|xlsx?|pdf|wps|et)$/i.test(text)) return 'blank';
  return undefined;
}

export function addLinks(m: Material, anchors: Element[], w: Walked, columnOfAnchor: (a: Element) => string | undefined): void {
  for (const a of anchors) {
    const link = linkOf(a, w);
    const kind = formKindOf(`${link.text} ${a.getAttribute('title') ?? ''}`.trim(), columnOfAnchor(a));
    if (kind) m[kind].push(link);
  }
}
