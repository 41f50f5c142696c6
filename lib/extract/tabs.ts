/**
 * Tabs and their panes. A tab names its pane by an attribute (`href="#pane"`, `aria-controls`,
 * `data-target`, any `data-*` holding an id), or names none and is switched by index: a strip of
 * short items (`<ul class="tabs"><li>申请材料</li>…`, `<div class="tabs-nav"><div>…`) followed by
 * one pane per tab — the strip's next siblings, or the children of a following container.
 */
import { fieldOfText, tidy } from './hit';
import type { Walked } from './walk';

/** Tabs name their pane: href="#pane", aria-controls, data-target, data-pane … (any attribute naming an id). */
export function tabTarget(doc: Document, node: Element | Text): Element | null {
  if (node.nodeType !== 1) return null;
  const el = node as Element;
  const holders = [el, el.querySelector('a,[aria-controls],[data-target]'), el.closest('a,li,[role=tab]')];
  for (const h of holders) {
    if (!h) continue;
    for (const attr of Array.from(h.attributes)) {
      if (!(attr.name === 'href' || attr.name === 'aria-controls' || attr.name.startsWith('data-'))) continue;
      if (attr.name === 'href' && !attr.value.startsWith('#')) continue;
      const id = attr.value.trim().replace(/^#/, '');
      if (!id || !/^[\w-]+$/.test(id)) continue;
      const t = doc.getElementById(id);
      if (t && !t.contains(el)) return t;
    }
  }
  return null;
}

/**
 * Tabs that name no pane: a strip of short items (`<ul class="tabs"><li>申请材料</li>…`, or
 * `<div class="tabs-nav"><div>设定依据</div>…`) with one pane per tab after it — either the
 * strip's next siblings or the children of a following container — switched by index.
 */
export function tabPaneByIndex(node: Element | Text, labelNodes: Set<Node>, w: Walked): Element | null {
  if (node.nodeType !== 1) return null;
  const el = node as Element;
  const item = el.closest('li,[role=tab]') ?? el;
  const list = item.parentElement;
  if (!list || /^(TD|TH|DT|DD|TR)$/i.test(item.tagName)) return null;
  // Only a real tab strip (list items, tab roles, tab/nav classes), not a row of label/value spans.
  const tabby = /^(LI|A)$/i.test(item.tagName) || item.getAttribute('role') === 'tab' || /tab|nav|menu/i.test(`${item.getAttribute('class') ?? ''} ${list.getAttribute('class') ?? ''} ${list.getAttribute('role') ?? ''}`);
  if (!tabby) return null;
  const tabs = Array.from(list.children);
  if (tabs.length < 2 || tabs.some((t) => tidy(w.textOf(t)).length > 24)) return null;
  if (tabs.filter((t) => labelNodes.has(t) || fieldOfText(tidy(w.textOf(t)))).length < 2) return null;
  const index = tabs.indexOf(item);
  const siblings: Element[] = [];
  for (let s = list.nextElementSibling; s; s = s.nextElementSibling) siblings.push(s);
  if (siblings.length === tabs.length) return siblings[index] ?? null;
  for (let anchor: Element | null = list, depth = 0; anchor && depth < 3; anchor = anchor.parentElement, depth++) {
    for (let panes = anchor.nextElementSibling; panes; panes = panes.nextElementSibling) {
      if (panes.children.length === tabs.length) return panes.children[index] ?? null;
    }
  }
  return null;
}
