/**
 * The single pass over the page's DOM. It computes each element's text once (block-aware,
 * from the DOM tree, never innerText: no layout is forced) and sorts the elements the
 * extractors need into buckets. Everything after this works on the buckets.
 */
import { words } from '../text';
import { runAtOnce, type Steps } from './slices';

const SKIP_TAGS = words('SCRIPT STYLE NOSCRIPT TEMPLATE SVG HEAD IFRAME OBJECT CANVAS SELECT TEXTAREA VIDEO AUDIO MAP');
const BLOCK_TAGS = words('ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DIV DL DT FIELDSET FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TBODY THEAD TFOOT TR UL CAPTION TD TH CENTER DETAILS SUMMARY LEGEND');

// What the walk needs to know of a tag, as bits, looked up once per distinct tag name (the walk
// visits every element: one map lookup instead of case folding and several set lookups each).
const SKIP = 1, BLOCK = 2, CELL = 4, TABLE = 8, ANCHOR = 16, HEADING = 32, FOOTER = 64, BR = 128, INPUT = 256, BODY = 512;
/** A frame's bit: a `<br>` somewhere inside the element. */
const HAS_BR = 2048;
/** Elements that may host a shadow root (DOM standard, attachShadow): only these are asked for one. */
const SHADOW_HOST = 4096;
const SHADOW_HOST_TAGS = words('ARTICLE ASIDE BLOCKQUOTE BODY DIV FOOTER H1 H2 H3 H4 H5 H6 HEADER MAIN NAV P SECTION SPAN');
const tagBits = new Map<string, number>();
function bitsOf(tagName: string): number {
  let bits = tagBits.get(tagName);
  if (bits !== undefined) return bits;
  const tag = tagName.toUpperCase();
  bits = (SKIP_TAGS.includes(tag) ? SKIP : 0) | (BLOCK_TAGS.includes(tag) ? BLOCK : 0) | (tag === 'TD' || tag === 'TH' ? CELL : 0) |
    (tag === 'TABLE' ? TABLE : 0) | (tag === 'A' || tag === 'BUTTON' ? ANCHOR : 0) | (/^H[1-6]$/.test(tag) ? HEADING : 0) |
    (tag === 'FOOTER' ? FOOTER : 0) | (tag === 'BR' ? BR : 0) | (tag === 'INPUT' ? INPUT : 0) | (tag === 'BODY' ? BODY : 0) |
    (SHADOW_HOST_TAGS.includes(tag) || tag.includes('-') ? SHADOW_HOST : 0);
  tagBits.set(tagName, bits);
  return bits;
}

const FOOTER_NAME = /foot|copyright/i;
const TITLE_NAME = /title-name|item-name|matter-name|itemName|sxmc|(?:head|title|guide|matter|item)(?:-|_|__)name/;
/** FOOTER / TITLE bits of a class attribute, cached: portals repeat the same few class strings thousands of times. */
const TITLE = 1024;
let classBits = new Map<string, number>();
function nameBits(name: string): number {
  let bits = classBits.get(name);
  if (bits !== undefined) return bits;
  bits = (FOOTER_NAME.test(name) ? FOOTER : 0) | (TITLE_NAME.test(name) ? TITLE : 0);
  if (classBits.size > 20_000) classBits = new Map();
  classBits.set(name, bits);
  return bits;
}

/** JavaScript's white space (what `trim()` and `\s` remove), by char code: no regex or copy per text node. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;
}

/** Marks our own UI (shadow host) so the auditor never audits itself. */
export const OWN_UI_ATTR = 'data-guide-auditor';

/** A label-like piece of text: an element whose whole text is short, or a leading text node. */
export interface Candidate {
  node: Element | Text;
  text: string;
}

export interface Walked {
  textOf(el: Element): string;
  /** The element's number in the walk: elements are numbered as the walk leaves them, children first (-1: not walked). */
  numberOf(el: Element): number;
  /** The numbers of the element's subtree, itself included, [first, last]: `x` is inside `el` iff its number is in the range. */
  subtreeOf(el: Element): [first: number, last: number] | undefined;
  /** Elements and text nodes whose whole text is short enough to be a label. */
  candidates: Candidate[];
  tables: HTMLTableElement[];
  /** Block elements without block children: where inline `标签：值` text lives. */
  leafBlocks: Element[];
  /** The leaf blocks with a `<br>` inside (their text has more than one line as shown). */
  brokenBlocks: Set<Element>;
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

// Where an element's text is in its walk's buffer: a property on the element's wrapper (a Map
// keyed by 50k elements costs six times as much), under a symbol only this script holds (the
// page sees neither it nor, from its own world, the wrappers). It carries the walk's number, so
// a later walk never reads an earlier one's span: walk number × SPAN_LIMIT + the element's
// number in the order the walk finished them (children before parents).
const SPAN = Symbol('guide-auditor-span');
const SPAN_LIMIT = 2 ** 20; // > MAX_ELEMENTS + 1
type Spanned = Element & { [SPAN]?: number };
let walks = 0;

export function walk(root: Element): Walked {
  return runAtOnce(walkSteps(root));
}

/** How many nodes the walk reads between the points where it may pause (./slices.ts). */
const NODES_PER_STEP = 512;

/** The walk as steps that may pause (./slices.ts): the page's DOM may change in a pause; the caller then drops the result. */
export function* walkSteps(root: Element): Steps<Walked> {
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
  const generation = ++walks;
  // Per element, by its number: [start, end) of its text in the buffer, and the number of the
  // first element of its subtree (its subtree's elements are numbered from there to its own).
  const bounds: number[] = [];
  const numberOf = (el: Element) => {
    const span = (el as Spanned)[SPAN];
    // a span left by an earlier walk (the element was not reached by this one) is not this walk's
    return span === undefined || Math.floor(span / SPAN_LIMIT) !== generation ? -1 : span % SPAN_LIMIT;
  };
  let buffer = '';
  const out: Walked = {
    textOf: (el) => {
      const i = numberOf(el) * 3;
      return i < 0 ? '' : buffer.slice(bounds[i]!, bounds[i + 1]!);
    },
    numberOf,
    subtreeOf: (el) => {
      const i = numberOf(el);
      return i < 0 ? undefined : [bounds[i * 3 + 2]!, i];
    },
    candidates: [],
    tables: [],
    leafBlocks: [],
    brokenBlocks: new Set(),
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
  // text is buffer[first, last)), so nothing is trimmed or copied per ancestor. `bits` are the
  // tag's and class's (bitsOf, nameBits); `label` an attribute label (title, aria-label, data-label).
  interface Frame { el: Element; bits: number; label: string | null; next: Node | null; light: Node | null; start: number; first: number; last: number; hasBlockChild: boolean; firstNumber: number }
  const finish = (f: Frame) => {
    const el = f.el;
    const bits = f.bits;
    (el as Spanned)[SPAN] = generation * SPAN_LIMIT + bounds.length / 3;
    bounds.push(f.start, length, f.firstNumber);
    const size = f.first < 0 ? 0 : f.last - f.first;
    if (size && size <= MAX_LABEL) {
      const target: Candidate = { node: el, text: '' };
      out.candidates.push(target);
      pendingText.push({ target, from: f.first, to: f.last });
    }
    if (bits & TABLE) out.tables.push(el as HTMLTableElement);
    if (bits & ANCHOR) out.anchors.push(el);
    if (bits & HEADING) out.headings.push(el);
    if (bits & FOOTER) out.footers.push(el);
    if (bits & TITLE) out.titles.push(el);
    if (f.label && size) {
      const entry = { el, text: f.label.trim() };
      out.labelled.push(entry);
      // Only a text as long as the label can equal it (then it labels nothing); compared once the buffer is joined.
      if (size === entry.text.length) pendingLabelled.set(entry, [f.first, f.last]);
    }
    if (!f.hasBlockChild && size && bits & (BLOCK | BODY)) {
      out.leafBlocks.push(el);
      if (bits & HAS_BR) out.brokenBlocks.add(el);
    }
  };
  // The stack's frames are reused by depth: no allocation per element.
  const stack: Frame[] = [];
  let depth = 0;
  /** Pushes the element's frame; false for our own UI (below the root). Attributes are read only where there are any. */
  const open = (el: Element, tagBits: number, start: number, isRoot = false): boolean => {
    let bits = tagBits;
    let label: string | null = null;
    if (el.hasAttributes()) {
      // One call for the names; values are read only for the attributes that matter.
      let title: string | null = null, aria: string | null = null, data: string | null = null;
      for (const name of el.getAttributeNames()) {
        switch (name) {
          case OWN_UI_ATTR: if (!isRoot) return false; break;
          case 'class': case 'id': bits |= nameBits(el.getAttribute(name) ?? ''); break;
          case 'onclick': bits |= ANCHOR; break;
          case 'type': if (bits & INPUT && /button|submit/i.test(el.getAttribute('type') ?? '')) bits |= ANCHOR; break;
          case 'title': title = el.getAttribute(name); break;
          case 'aria-label': aria = el.getAttribute(name); break;
          case 'data-label': data = el.getAttribute(name); break;
        }
      }
      label = title ?? aria ?? data;
      if (label && label.length > MAX_LABEL) label = null;
    }
    // An open shadow root is part of the page (web components, micro-frontends): its tree is
    // read first, as light DOM, then the host's own children (slotted into it).
    const shadow = bits & SHADOW_HOST ? (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot : null;
    const f = stack[depth] ??= { el, bits, label, next: null, light: null, start, first: -1, last: -1, hasBlockChild: false, firstNumber: 0 };
    f.el = el;
    f.bits = bits;
    f.label = label;
    f.next = shadow ? shadow.firstChild : el.firstChild;
    f.light = shadow ? el.firstChild : null;
    f.start = start;
    f.firstNumber = bounds.length / 3;
    f.first = f.last = -1;
    f.hasBlockChild = false;
    depth++;
    return true;
  };
  open(root, bitsOf(root.tagName) & ~SKIP, 0, true);
  out.visited = 1;
  let nodes = 0;
  while (depth) {
    if (++nodes === NODES_PER_STEP) {
      nodes = 0;
      yield;
    }
    const f = stack[depth - 1]!;
    if (!f.next && f.light) {
      f.next = f.light;
      f.light = null;
    }
    const n = f.next;
    if (!n) {
      depth--;
      finish(f);
      if (depth) {
        const parent = stack[depth - 1]!;
        parent.bits |= f.bits & HAS_BR;
        if (f.first >= 0) {
          if (parent.first < 0) parent.first = f.first;
          parent.last = f.last;
        }
        if (f.bits & BLOCK) {
          parent.hasBlockChild = true;
          append(f.bits & CELL ? ' ' : '\n');
        }
      }
      continue;
    }
    f.next = n.nextSibling;
    const type = n.nodeType;
    if (type === 3) {
      const data = (n as Text).data;
      let lead = 0;
      const end = data.length;
      while (lead < end && isSpace(data.charCodeAt(lead))) lead++;
      if (lead < end) {
        let trail = end;
        while (isSpace(data.charCodeAt(trail - 1))) trail--;
        if (f.first < 0) f.first = length + lead;
        f.last = length + trail;
        if (trail - lead <= MAX_LABEL && (n.previousSibling || n.nextSibling)) out.candidates.push({ node: n as Text, text: data.slice(lead, trail) });
      }
      append(data);
    } else if (type === 1) {
      const child = n as Element;
      const bits = bitsOf(child.tagName);
      if (bits & SKIP) continue;
      if (bits & BR) {
        f.bits |= HAS_BR;
        append('\n');
        continue;
      }
      if (out.visited >= MAX_ELEMENTS) continue; // a page this large is not a guide; read what fits
      // A block's text stands on its own lines (a cell's: between spaces) inside its parent's.
      const at = bits & BLOCK ? length + 1 : length;
      if (!open(child, bits, at)) continue;
      out.visited++;
      if (bits & BLOCK) append(bits & CELL ? ' ' : '\n');
    }
  }
  buffer = chunks.join('');
  chunks.length = 0;
  for (const p of pendingText) p.target.text = buffer.slice(p.from, p.to);
  if (pendingLabelled.size) {
    out.labelled = out.labelled.filter((e) => {
      const span = pendingLabelled.get(e);
      return !span || buffer.slice(span[0], span[1]) !== e.text;
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
