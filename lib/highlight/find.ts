import { queryPath } from '../extract/walk';
import type { Mark } from './messages';

/**
 * Finding on the page what an outcome's evidence points to, and the page's own tab that shows
 * a hidden pane. Reads the DOM only; the one thing it may do to the page is what the reviewer
 * asked for: click the portal's tab so the element can be seen.
 */

export function findTarget(doc: Document, mark: Pick<Mark, 'selector' | 'widen'>): Element | null {
  const el = queryPath(doc, mark.selector); // crosses open shadow roots; a bad selector finds nothing
  if (el && mark.widen === 'table') return el.closest('table') ?? el;
  // A field's evidence is its label cell: outline the label with its value (the row of a pair).
  const row = el?.parentElement;
  if (el && /^T[HD]$/.test(el.tagName) && row?.tagName === 'TR' && row.children.length <= 4) return row;
  return el;
}

const view = (el: Element) => el.ownerDocument.defaultView;
const displayNone = (el: Element) => view(el)?.getComputedStyle(el).display === 'none';
/** The parent, crossing from an open shadow root to its host. */
const parentOf = (el: Element): Element | null => el.parentElement ?? ((el.parentNode as ShadowRoot | null)?.host ?? null);

/** Not rendered at all: it, or an ancestor, is display:none (a closed tab pane, a folded panel). */
export function isHidden(el: Element): boolean {
  for (let a: Element | null = el; a; a = parentOf(a)) if (displayNone(a)) return true;
  return false;
}

/** The outermost hidden ancestor (or the element): the pane a tab has to open first. */
export function hiddenPane(el: Element): Element | null {
  let pane: Element | null = null;
  for (let a: Element | null = el; a && a !== a.ownerDocument.body; a = parentOf(a)) if (displayNone(a)) pane = a;
  return pane;
}

/** The nearest ancestor that is shown: where to say "in a hidden pane". */
export function visibleAncestor(el: Element): Element | null {
  const pane = hiddenPane(el);
  let a = pane && parentOf(pane);
  while (a && isHidden(a)) a = parentOf(a);
  return a;
}

const short = (el: Element) => (el.textContent ?? '').trim().length <= 24;

/** A link-like tab that does not navigate away: `#…`, `javascript:`, or no href. */
function clickable(item: Element): Element {
  const a = item.matches('a') ? item : item.querySelector('a');
  if (!a) return item;
  const href = (a.getAttribute('href') ?? '').trim();
  return !href || href.startsWith('#') || /^javascript:/i.test(href) ? a : item;
}

/** The portal's tab that shows this pane: by id reference, by aria, else by position in the tab strip. */
export function tabFor(pane: Element): Element | null {
  const doc = pane.ownerDocument;
  const id = pane.id;
  if (id) {
    const q = CSS.escape(id);
    const byId = doc.querySelector(
      `[aria-controls~="${q}"], a[href="#${q}"], [data-target="#${q}"], [data-bs-target="#${q}"], [data-tab="${q}"], [data-toggle-target="#${q}"]`,
    );
    if (byId && byId !== pane && !pane.contains(byId)) return byId;
  }
  const labelledBy = pane.getAttribute('aria-labelledby');
  if (labelledBy) {
    const t = doc.getElementById(labelledBy);
    if (t && !pane.contains(t)) return t;
  }
  if (pane.tagName === 'DETAILS') return pane.querySelector(':scope > summary');
  // By position: the pane is the i-th of its like siblings; the tab strip before them has as many short items.
  const parent = pane.parentElement;
  if (!parent) return null;
  const panes = Array.from(parent.children).filter((c) => c.tagName === pane.tagName && c.className.split(' ')[0] === pane.className.split(' ')[0]);
  const index = panes.indexOf(pane);
  if (panes.length < 2 || index < 0) return null;
  const strips: Element[] = [];
  for (let s = panes[0]!.previousElementSibling; s; s = s.previousElementSibling) strips.push(s);
  for (let up: Element | null = parent, depth = 0; up && depth < 3; up = up.parentElement, depth++) {
    for (let s = up.previousElementSibling; s; s = s.previousElementSibling) strips.push(s);
  }
  for (const strip of strips) {
    let items = Array.from(strip.children);
    if (items.length === 1 && items[0]!.children.length > 1) items = Array.from(items[0]!.children);
    if (items.length === panes.length && items.every(short)) return clickable(items[index]!);
  }
  return null;
}

/** Tries to make the element visible by opening the pane(s) it sits in; true when it now shows. */
export async function reveal(el: Element, waitFrame: () => Promise<void>): Promise<boolean> {
  for (let round = 0; round < 3 && isHidden(el); round++) {
    const pane = hiddenPane(el);
    const tab = pane && tabFor(pane);
    if (!tab || typeof (tab as HTMLElement).click !== 'function') return false;
    (tab as HTMLElement).click();
    // Portals switch panes in their click handler, some a frame or two later (Vue, React).
    for (let i = 0; i < 30 && isHidden(pane); i++) await waitFrame();
    if (isHidden(pane)) return false;
  }
  return !isHidden(el);
}
