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
  steps = new WeakMap();
  // The page's text is kept once: one buffer in document order, and per element the offsets of
  // its text in it. An element's text is a slice, made only when asked for, so memory is linear
  // in the page's size whatever its depth (concatenating per element costs depth × text).
  const chunks: string[] = [];
  let length = 0;
  const append = (s: string) => {
    chunks.push(s);
    length += s.length;
  };
  const spans = new Map<Element, number>();
  const starts: number[] = [];
  const ends: number[] = [];
  let buffer = '';
  const slice = (from: number, to: number) => buffer.slice(from, to);
  const out: Walked = {
    textOf: (el) => {
      const i = spans.get(el);
      return i === undefined ? '' : slice(starts[i]!, ends[i]!);
    },
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
  // Short texts (labels) are read from the buffer once it is joined, in the order found.
  const pendingText: { target: Candidate; from: number; to: number }[] = [];
  const pendingLabelled = new Map<{ el: Element; text: string }, [from: number, to: number]>();

  // An explicit stack, not recursion: a script-built page thousands of levels deep must not
  // overflow the call stack. `first`/`last` bound the element's non-blank text (its trimmed
  // text is buffer[first, last)), so nothing is trimmed or copied per ancestor.
  interface Frame { el: Element; next: Node | null; light: Node | null; start: number; first: number; last: number; hasBlockChild: boolean }
  const finish = (f: Frame) => {
    const el = f.el;
    const tag = el.tagName.toUpperCase();
    spans.set(el, starts.length);
    starts.push(f.start);
    ends.push(length);
    const size = f.first < 0 ? 0 : f.last - f.first;
    if (size && size <= MAX_LABEL) {
      const target: Candidate = { node: el, text: '' };
      out.candidates.push(target);
      pendingText.push({ target, from: f.first, to: f.last });
    }
    if (tag === 'TABLE') out.tables.push(el as HTMLTableElement);
    if (tag === 'A' || tag === 'BUTTON' || el.hasAttribute('onclick') || (tag === 'INPUT' && /button|submit/i.test(el.getAttribute('type') ?? ''))) {
      out.anchors.push(el);
    }
    if (/^H[1-6]$/.test(tag)) out.headings.push(el);
    const cls = `${el.getAttribute('class') ?? ''} ${el.id}`;
    if (tag === 'FOOTER' || /foot|copyright/i.test(cls)) out.footers.push(el);
    if (/title-name|item-name|matter-name|itemName|sxmc|(?:head|title|guide|matter|item)(?:-|_|__)name/.test(cls)) out.titles.push(el);
    const attrLabel = el.getAttribute('title') ?? el.getAttribute('aria-label') ?? el.getAttribute('data-label');
    if (attrLabel && attrLabel.length <= MAX_LABEL && size) {
      const entry = { el, text: attrLabel.trim() };
      out.labelled.push(entry);
      // Only a text as long as the label can equal it (then it labels nothing); compared once the buffer is joined.
      if (size === entry.text.length) pendingLabelled.set(entry, [f.first, f.last]);
    }
    if (!f.hasBlockChild && size && (BLOCK.has(tag) || tag === 'BODY')) out.leafBlocks.push(el);
  };
  const open = (el: Element, start: number): Frame => {
    // An open shadow root is part of the page (web components, micro-frontends): its tree is
    // read first, as light DOM, then the host's own children (slotted into it).
    const shadow = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
    return shadow
      ? { el, next: shadow.firstChild, light: el.firstChild, start, first: -1, last: -1, hasBlockChild: false }
      : { el, next: el.firstChild, light: null, start, first: -1, last: -1, hasBlockChild: false };
  };
  const stack: Frame[] = [open(root, 0)];
  out.visited = 1;
  while (stack.length) {
    const f = stack[stack.length - 1]!;
    if (!f.next && f.light) {
      f.next = f.light;
      f.light = null;
    }
    const n = f.next;
    if (!n) {
      stack.pop();
      finish(f);
      const parent = stack[stack.length - 1];
      if (parent) {
        if (f.first >= 0) {
          if (parent.first < 0) parent.first = f.first;
          parent.last = f.last;
        }
        const tag = f.el.tagName.toUpperCase();
        if (BLOCK.has(tag)) {
          parent.hasBlockChild = true;
          append(CELL.has(tag) ? ' ' : '\n');
        }
      }
      continue;
    }
    f.next = n.nextSibling;
    if (n.nodeType === 3) {
      const data = (n as Text).data;
      const lead = data.search(/\S/);
      if (lead >= 0) {
        if (f.first < 0) f.first = length + lead;
        f.last = length + data.trimEnd().length;
        const t = data.trim();
        if (t.length <= MAX_LABEL && (n.previousSibling || n.nextSibling)) out.candidates.push({ node: n as Text, text: t });
      }
      append(data);
    } else if (n.nodeType === 1) {
      const child = n as Element;
      const tag = child.tagName.toUpperCase();
      if (SKIP.has(tag) || child.hasAttribute(OWN_UI_ATTR)) continue;
      if (tag === 'BR') {
        append('\n');
        continue;
      }
      if (out.visited >= MAX_ELEMENTS) continue; // a page this large is not a guide; read what fits
      out.visited++;
      // A block's text stands on its own lines (a cell's: between spaces) inside its parent's.
      if (BLOCK.has(tag)) append(CELL.has(tag) ? ' ' : '\n');
      stack.push(open(child, length));
    }
  }
  buffer = chunks.join('');
  chunks.length = 0;
  for (const p of pendingText) p.target.text = slice(p.from, p.to);
  if (pendingLabelled.size) {
    out.labelled = out.labelled.filter((e) => {
      const span = pendingLabelled.get(e);
      return !span || slice(span[0], span[1]) !== e.text;
    });
  }
  return out;
}

/** Joins a shadow host's path and the path inside its open shadow root. */
export const SHADOW_STEP = ' >>> ';

// Each element's `tag:nth-of-type(i)` step, computed for all its siblings at once: paths of the
// rows of one table (or the entries of one list) then cost one pass over the siblings, not one
// each. Cleared by every walk, so a step is never older than the extraction that asks for it.
let steps = new WeakMap<Element, string>();

function stepOf(el: Element, tag: string): string {
  const known = steps.get(el);
  if (known !== undefined) return known;
  const parent = el.parentNode;
  if (!parent) return tag;
  const count = new Map<string, number>();
  for (let s = parent.firstChild; s; s = s.nextSibling) if (s.nodeType === 1) count.set((s as Element).tagName, (count.get((s as Element).tagName) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (let s = parent.firstChild; s; s = s.nextSibling) {
    if (s.nodeType !== 1) continue;
    const t = (s as Element).tagName;
    const index = (seen.get(t) ?? 0) + 1;
    seen.set(t, index);
    const name = t.toLowerCase();
    steps.set(s as Element, count.get(t)! > 1 ? `${name}:nth-of-type(${index})` : name);
  }
  return steps.get(el) ?? tag;
}

/**
 * A short, stable CSS path for evidence: up to the nearest id, with :nth-of-type steps. An
 * element inside an open shadow root gets its host's path, `SHADOW_STEP`, then its path inside
 * the root (`queryPath` resolves it).
 */
export function cssPath(node: Element | Text): string {
  const start: Element | null = node.nodeType === 3 ? (node as Text).parentElement : (node as Element);
  let el = start;
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
    parts.unshift(stepOf(el, tag));
    el = el.parentElement;
  }
  const path = parts.join(' > ');
  const root = start?.getRootNode?.() as (Node & { host?: Element }) | undefined;
  return root && root.nodeType === 11 && root.host ? `${cssPath(root.host)}${SHADOW_STEP}${path}` : path;
}

/** The element a `cssPath` names, through open shadow roots; null when it is gone. */
export function queryPath(doc: Document, path: string): Element | null {
  let scope: Document | ShadowRoot | null = doc;
  let found: Element | null = null;
  for (const step of path.split(SHADOW_STEP)) {
    if (!scope) return null;
    try {
      found = scope.querySelector(step);
    } catch {
      return null;
    }
    scope = found?.shadowRoot ?? null;
  }
  return found;
}
