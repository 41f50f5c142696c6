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
  /** The page footer (footer element, *foot* / *copyright* classes and ids): the portal's, not the item's. */
  footers: Element[];
  /** Elements whose class names the item title (title-name, item-name, matter-name, sxmc). */
  titles: Element[];
  /** Elements labelled by an attribute (title, aria-label, data-label): an icon line such as `<p title="办理地点">`. */
  labelled: { el: Element; text: string }[];
  visited: number;
}

const MAX_LABEL = 24;
/** Real guide pages have a few thousand elements; past this the rest of the page is not read. */
const MAX_ELEMENTS = 200_000;

export function walk(root: Element): Walked {
  const texts = new Map<Element, string>();
  const out: Walked = {
    textOf: (el) => texts.get(el) ?? '',
    candidates: [],
    tables: [],
    leafBlocks: [],
    anchors: [],
    headings: [],
    footers: [],
    titles: [],
    labelled: [],
    visited: 0,
  };

  // An explicit stack, not recursion: a script-built page thousands of levels deep must not
  // overflow the call stack. Each frame gathers its element's text from its children.
  interface Frame { el: Element; next: Node | null; text: string; hasBlockChild: boolean }
  const finish = (f: Frame) => {
    const el = f.el;
    const tag = el.tagName.toUpperCase();
    texts.set(el, f.text);
    const t = f.text.trim();
    if (t && t.length <= MAX_LABEL) out.candidates.push({ node: el, text: t });
    if (tag === 'TABLE') out.tables.push(el as HTMLTableElement);
    if (tag === 'A' || tag === 'BUTTON' || el.hasAttribute('onclick') || (tag === 'INPUT' && /button|submit/i.test(el.getAttribute('type') ?? ''))) {
      out.anchors.push(el);
    }
    if (/^H[1-6]$/.test(tag)) out.headings.push(el);
    const cls = `${el.getAttribute('class') ?? ''} ${el.id}`;
    if (tag === 'FOOTER' || /foot|copyright/i.test(cls)) out.footers.push(el);
    if (/title-name|item-name|matter-name|itemName|sxmc|(?:head|title|guide|matter|item)(?:-|_|__)name/.test(cls)) out.titles.push(el);
    const attrLabel = el.getAttribute('title') ?? el.getAttribute('aria-label') ?? el.getAttribute('data-label');
    if (attrLabel && attrLabel.length <= MAX_LABEL && t && t !== attrLabel.trim()) out.labelled.push({ el, text: attrLabel.trim() });
    if (!f.hasBlockChild && t && (BLOCK.has(tag) || tag === 'BODY')) out.leafBlocks.push(el);
  };
  const stack: Frame[] = [{ el: root, next: root.firstChild, text: '', hasBlockChild: false }];
  out.visited = 1;
  while (stack.length) {
    const f = stack[stack.length - 1]!;
    const n = f.next;
    if (!n) {
      stack.pop();
      finish(f);
      const parent = stack[stack.length - 1];
      if (parent) {
        const tag = f.el.tagName.toUpperCase();
        if (BLOCK.has(tag)) {
          parent.hasBlockChild = true;
          parent.text += CELL.has(tag) ? ` ${f.text} ` : `\n${f.text}\n`;
        } else parent.text += f.text;
      }
      continue;
    }
    f.next = n.nextSibling;
    if (n.nodeType === 3) {
      const data = (n as Text).data;
      f.text += data;
      const t = data.trim();
      if (t && t.length <= MAX_LABEL && (n.previousSibling || n.nextSibling)) out.candidates.push({ node: n as Text, text: t });
    } else if (n.nodeType === 1) {
      const child = n as Element;
      const tag = child.tagName.toUpperCase();
      if (SKIP.has(tag) || child.hasAttribute(OWN_UI_ATTR)) continue;
      if (tag === 'BR') {
        f.text += '\n';
        continue;
      }
      if (out.visited >= MAX_ELEMENTS) continue; // a page this large is not a guide; read what fits
      out.visited++;
      stack.push({ el: child, next: child.firstChild, text: '', hasBlockChild: false });
    }
  }
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
