/**
 * Label–value pairs: a short element whose whole text is a known label (lib/labels.ts) and the
 * siblings after it up to the next label — `<th>标签</th><td>值</td>`, `td.label + td`,
 * `<dt>` + `<dd>`, `<span class="label">标签：</span>值`, `<strong>标签：</strong>值` — or, in
 * summary tiles, the short figure just before it (`<b>3</b><span>承诺时限(工作日)</span>`).
 * A label that names a tab pane takes the pane (./tabs.ts). Also labels held in an attribute:
 * `<p title="办理地点"><i class="icon"></i>安达市…</p>`.
 */
import { LABEL_NOTE, type FieldKey } from '../labels';
import { fieldOfText, nodeText, tidy, type RawHit } from './hit';
import { tabPaneByIndex, tabTarget } from './tabs';
import type { Candidate, Walked } from './walk';

export function findPairs(doc: Document, w: Walked, skip: (n: Node) => boolean): RawHit[] {
  const labelNodes = new Set<Node>();
  const keyed: { c: Candidate; key: FieldKey }[] = [];
  for (const c of w.candidates) {
    const key = fieldOfText(c.text);
    if (key) {
      labelNodes.add(c.node);
      keyed.push({ c, key });
    }
  }
  const hits: RawHit[] = [];
  // Candidates come children first. A label that has its own value slot claims its ancestors,
  // so a row or section whose whole text is that label is not read as a second, outer label.
  const claimed = new Set<Node>();
  const claim = (n: Node) => {
    for (let a = n.parentNode, d = 0; a && d < 4; a = a.parentNode, d++) claimed.add(a);
  };
  for (const { c, key } of keyed) {
    if (skip(c.node) || claimed.has(c.node)) continue;
    const target = tabTarget(doc, c.node) ?? tabPaneByIndex(c.node, labelNodes, w);
    if (target) {
      hits.push({ key, label: c.text, labelNode: c.node, nodes: [target], value: tidy(w.textOf(target)), how: 'tab' });
      claim(c.node);
      continue;
    }
    let after = valueAfter(c.node, labelNodes, w) ?? valueBefore(c.node, labelNodes, w);
    let label = c.text;
    // Only a note beside the label (an English gloss, 单位：工作日): the element holding both is the label.
    const holder = c.node.parentElement;
    if (after && !after.nodes.length && holder && !claimed.has(holder) && fieldOfText(tidy(w.textOf(holder))) === key) {
      after = valueAfter(holder, labelNodes, w);
      label = tidy(w.textOf(holder));
    }
    if (!after) continue;
    const { nodes, value } = after;
    // An empty value counts only where a value slot stands empty (th | empty td, dt | empty dd);
    // `<span>标签</span>：` or a help icon after the label is not a slot: the container is the label.
    if (formField(c.node, nodes, value)) {
      claim(c.node); // nor is the form row around it a label of its own
      continue;
    }
    if (!value && !nodes.some((n) => n.nodeType === 1 && /^(TD|TH|DD)$/i.test((n as Element).tagName))) continue;
    hits.push({ key, label, labelNode: c.node, nodes, value, how: 'pair' });
    claim(c.node);
  }
  return hits;
}

/**
 * The value of a label: the siblings after it up to the next label. In a row it is the one
 * cell after the label; in a list, header row or tab strip the label's peers are not values.
 */
export function valueAfter(label: Element | Text, labelNodes: Set<Node>, w: Walked): { nodes: Node[]; value: string } | undefined {
  if (!label.nextSibling) return undefined; // a lone label: its container, if label-like itself, is a candidate too
  const tag = label.nodeType === 1 ? (label as Element).tagName.toUpperCase() : '';
  const isCell = tag === 'TD' || tag === 'TH';
  const peerTag = /^(LI|TH|DT|A|H[1-6])$/.test(tag) ? tag : '';
  const nodes: Node[] = [];
  let value = '';
  for (let sib: Node | null = label.nextSibling; sib; sib = sib.nextSibling) {
    if (labelNodes.has(sib)) break;
    // `承诺办结时限<span class="en">Promised time limit</span>`, `单位：工作日`: notes of the label, not its value.
    if (!nodes.length && !(sib.nodeType === 1 && /^(TD|TH|DD)$/i.test((sib as Element).tagName)) && LABEL_NOTE.test(nodeText(sib, w).trim())) continue;
    if (sib.nodeType === 1) {
      const el = sib as Element;
      if (startsWithLabel(el, labelNodes)) break;
      if (peerTag && el.tagName.toUpperCase() === peerTag) break;
      if (isCell && nodes.some((n) => n.nodeType === 1)) break;
    }
    nodes.push(sib);
    value += (sib.nodeType === 1 && isBlockish(sib as Element) ? '\n' : '') + nodeText(sib, w);
  }
  return { nodes, value: tidy(value).replace(/^[:：]\s*/, '') };
}

/**
 * Summary tiles put the figure above its caption: `<div><b>3</b><span>承诺时限(工作日)</span></div>`.
 * A last-child label whose only sibling is a short value takes that value.
 */
function valueBefore(label: Element | Text, labelNodes: Set<Node>, w: Walked): { nodes: Node[]; value: string } | undefined {
  const parent = label.parentElement;
  const prev = label.nodeType === 1 ? (label as Element).previousElementSibling : null;
  if (!parent || !prev || labelNodes.has(prev) || parent.children.length !== 2) return undefined;
  const value = tidy(w.textOf(prev));
  if (!value || value.length > 20 || tidy(w.textOf(parent)) !== tidy(value + nodeText(label, w))) return undefined;
  return { nodes: [prev], value };
}

/**
 * A field of an application or booking form beside the guide (`<label>联系电话</label><input>`,
 * 请选择办理地点): the applicant fills it in; it states nothing about the item.
 */
function formField(label: Element | Text, nodes: Node[], value: string): boolean {
  const el = label.nodeType === 1 ? (label as Element) : label.parentElement;
  if (!el || !(el.tagName.toUpperCase() === 'LABEL' || el.closest('form'))) return false;
  const control = nodes.some((n) => n.nodeType === 1 && ((n as Element).matches('input:not([type=hidden]),select,textarea') || !!(n as Element).querySelector('input:not([type=hidden]),select,textarea')));
  return control || /^请(?:选择|输入|填写)/.test(value);
}

/** `<p><strong>办理时间：</strong>…</p>` after a label: the sibling opens with its own label. */
function startsWithLabel(el: Element, labelNodes: Set<Node>): boolean {
  let n: Node | null = el;
  for (let depth = 0; n && depth < 3; depth++) {
    if (labelNodes.has(n)) return true;
    n = n.nodeType === 1 ? firstMeaningfulChild(n as Element) : null;
  }
  return false;
}

function firstMeaningfulChild(el: Element): Node | null {
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1) return c;
    if (c.nodeType === 3 && (c as Text).data.trim()) return c;
  }
  return null;
}

function isBlockish(el: Element): boolean {
  return /^(DIV|P|UL|OL|LI|TABLE|DL|DD|DT|SECTION|H[1-6]|TR|FORM|ARTICLE)$/i.test(el.tagName);
}

/** `<p title="办理地点"><i class="icon-addr"></i>安达市…</p>`: the label is the attribute, the value the text. */
export function attributeHits(w: Walked): RawHit[] {
  return w.labelled.flatMap(({ el, text }) => {
    const key = fieldOfText(text);
    return key ? [{ key, label: text, labelNode: el, nodes: [el], value: tidy(w.textOf(el)), how: 'pair' as const }] : [];
  });
}
