import { browser } from 'wxt/browser';
import { answering } from '../content/answer';
import { extractGuide } from '../extract/guide';
import { STATUSES } from '../outcome';
import { isForm } from '../rules/_materials';
import { DRAWING_KEY, type Drawing } from './drawing';
import type { ContentMessage, DrawReply, FormLink, Mark } from './messages';

/**
 * Content side of the highlights and the link check: answers the background's `highlight/*`
 * and `links/list` messages in this frame. Only the frame whose document is the audited page
 * answers a draw or a list; every frame clears its own outlines. The outlines are drawn by code
 * loaded on the first draw (./drawing.ts, ./draw.ts). Nothing here throws into the page.
 */

const sameDocument = (a: string, b: string) => a.split('#')[0] === b.split('#')[0];

/** The blank (E4-1) or sample (E4-2) form links of the page's form materials, as the rules saw them. */
export function formLinks(doc: Document, indicator: 'E4-1' | 'E4-2'): FormLink[] {
  const kind = indicator === 'E4-1' ? 'blank' : 'sample';
  const out: FormLink[] = [];
  for (const m of extractGuide(doc).materials ?? []) {
    if (!isForm(m)) continue;
    for (const l of m[kind]) out.push({ material: m.name.slice(0, 400), text: l.text.slice(0, 400), href: l.href.slice(0, 4000), path: l.path.slice(0, 2000) });
  }
  return out.slice(0, 500);
}

/** Installs this frame's listener; call once from the content script. */
export function installHighlights(ctx: { onInvalidated(cb: () => void): void }, doc: Document = document): void {
  // The drawing code, loaded the first time this frame is asked to outline something.
  let drawing: Promise<Drawing> | undefined;
  const loadDrawing = () =>
    (drawing ??= import(/* @vite-ignore */ browser.runtime.getURL('/highlights.js')).then(() => {
      const d = (globalThis as Record<string, unknown>)[DRAWING_KEY] as Drawing | undefined;
      if (!d) throw new Error('drawing script not loaded');
      return d;
    }));
  const clear = () => void drawing?.then((d) => d.clear(), () => {});
  const listener = (raw: unknown): Promise<unknown> | undefined => {
    const msg = contentMessage(raw);
    if (!msg) return undefined;
    try {
      if (msg.type === 'highlight/remove') {
        clear();
        return Promise.resolve({ removed: true });
      }
      if (msg.type === 'highlight/draw') {
        // every frame drops its old outlines; the audited frame draws the new ones
        if (!sameDocument(msg.url, doc.location.href)) {
          clear();
          return undefined;
        }
        return loadDrawing()
          .then((d) => d.draw(msg.marks, msg.scroll, msg.without))
          .catch((e: unknown) => {
            console.warn('[办事指南审核助手] highlight failed', e);
            clear();
            return { drawn: 0, notes: [], rects: [] } satisfies DrawReply;
          });
      }
      if (!sameDocument(msg.url, doc.location.href)) return undefined;
      return Promise.resolve({ links: formLinks(doc, msg.indicator) });
    } catch (e) {
      console.warn('[办事指南审核助手] highlight message failed', e);
      return undefined;
    }
  };
  const answer = answering(listener);
  browser.runtime.onMessage.addListener(answer);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(answer);
    clear();
  });
}

const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isMark = (m: unknown): m is Mark => {
  const o = m as Record<string, unknown> | null;
  return !!o && str(o.indicator, 8) && (STATUSES as readonly unknown[]).includes(o.status) && str(o.selector, 2000) && str(o.label, 400) && (o.kind === 'found' || o.kind === 'expected') && (o.widen === undefined || o.widen === 'table');
};

/**
 * The background's messages to this frame (ContentMessage in ./messages.ts), checked by hand:
 * the content script carries no zod. Only our own background can send them; this keeps a
 * malformed one from reaching the overlay.
 */
export function contentMessage(raw: unknown): ContentMessage | undefined {
  const o = raw as Record<string, unknown> | null;
  if (!o || typeof o !== 'object') return undefined;
  if (o.type === 'highlight/remove') return { type: 'highlight/remove' };
  if (o.type === 'links/list') return str(o.url, 8192) && (o.indicator === 'E4-1' || o.indicator === 'E4-2') ? { type: 'links/list', url: o.url, indicator: o.indicator } : undefined;
  if (o.type !== 'highlight/draw' || !str(o.url, 8192) || typeof o.scroll !== 'boolean') return undefined;
  if (!Array.isArray(o.marks) || o.marks.length > 100 || !o.marks.every(isMark)) return undefined;
  if (!Array.isArray(o.without) || o.without.length > 50 || !o.without.every((x) => str(x, 8))) return undefined;
  return { type: 'highlight/draw', url: o.url, marks: o.marks, scroll: o.scroll, without: o.without as string[] };
}
