/**
 * The single pass over the page's DOM. It computes each element's text once (block-aware,
 * from the DOM tree, never innerText: no layout is forced) and sorts the elements the
 * extractors need into buckets. Everything after this works on the buckets.
 */

const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'HEAD', 'IFRAME', 'OBJECT', 'CANVAS',
  'SELECT', 'TEXTAREA', 'VIDEO', 'AUDIO', 'MAP',
]);
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL',
  'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL', 'CAPTION', 'TD', 'TH',
  'CENTER', 'DETAILS', 'SUMMARY', 'LEGEND',
]);
const CELL = new Set(['TD', 'TH']);

/** Marks our own UI (shadow host) so the auditor never audits itself. */
export const OWN_UI_ATTR = 'data-guide-auditor';

/** A label-like piece of text: an element whose whole text is short, or a leading text node. */
export interface Candidate {
  node: Element | Text;
  text: string;
}

export interface Walked {
  textOf(el: Element): string;
  /** Elements and text nodes whose whole text is short enough to be a label. */
  candidates: Candidate[];
  tables: HTMLTableElement[];
  /** Block elements without block children: where inline `标签：值` text lives. */
  leafBlocks: Element[];
  anchors: Element[];
  headings: Element[];
  visited: number;
}

const MAX_LABEL = 24;

export function walk(root: Element): Walked {
  const texts = new Map<Element, string>();
  const out: Walked = {
    textOf: (el) => texts.get(el) ?? '',
    candidates: [],
    tables: [],
    leafBlocks: [],
    anchors: [],
    headings: [],
    visited: 0,
  };

  // Recursion: real guide pages nest < 60 deep, and it keeps the text assembly obvious.
  const visit = (el: Element): string => {
    out.visited++;
    let text = '';
    let hasBlockChild = false;
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        const data = (n as Text).data;
        text += data;
        const t = data.trim();
        if (t && t.length <= MAX_LABEL && (n.previousSibling || n.nextSibling)) {
          out.candidates.push({ node: n as Text, text: t });
        }
      } else if (n.nodeType === 1) {
        const child = n as Element;
        const tag = child.tagName.toUpperCase();
        if (SKIP.has(tag) || child.hasAttribute(OWN_UI_ATTR)) continue;
        if (tag === 'BR') {
          text += '\n';
          continue;
        }
        const inner = visit(child);
        if (BLOCK.has(tag)) {
          hasBlockChild = true;
          text += CELL.has(tag) ? ` ${inner} ` : `\n${inner}\n`;
        } else {
          text += inner;
        }
      }
    }
    const tag = el.tagName.toUpperCase();
    texts.set(el, text);
    const t = text.trim();
    if (t && t.length <= MAX_LABEL) out.candidates.push({ node: el, text: t });
    if (tag === 'TABLE') out.tables.push(el as HTMLTableElement);
    if (tag === 'A' || tag === 'BUTTON' || el.hasAttribute('onclick') || (tag === 'INPUT' && /button|submit/i.test(el.getAttribute('type') ?? ''))) {
      out.anchors.push(el);
    }
    if (/^H[1-6]$/.test(tag)) out.headings.push(el);
    if (!hasBlockChild && t && (BLOCK.has(tag) || tag === 'BODY')) out.leafBlocks.push(el);
    return text;
  };
  visit(root);
  return out;
}

/** A short, stable CSS path for evidence: up to the nearest id, with :nth-of-type steps. */
export function cssPath(node: Element | Text): string {
  let el: Element | null = node.nodeType === 3 ? (node as Text).parentElement : (node as Element);
  const parts: string[] = [];
  while (el && el.nodeType === 1 && parts.length < 8) {
    const tag = el.tagName.toLowerCase();
    if (el.id && /^[A-Za-z][\w-]*$/.test(el.id)) {
      parts.unshift(`${tag}#${el.id}`);
      break;
    }
    if (tag === 'html' || tag === 'body') {
      parts.unshift(tag);
      break;
    }
    let index = 1;
    let sameTag = false;
    for (let s = el.previousElementSibling; s; s = s.previousElementSibling) {
      if (s.tagName === el.tagName) index++;
    }
    for (let s = el.nextElementSibling; s && !sameTag; s = s.nextElementSibling) {
      if (s.tagName === el.tagName) sameTag = true;
    }
    parts.unshift(index > 1 || sameTag ? `${tag}:nth-of-type(${index})` : tag);
    el = el.parentElement;
  }
  return parts.join(' > ');
}
