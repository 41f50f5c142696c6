/**
 * Drawing the outlines in a frame: each mark's element found (./find.ts), a hidden pane opened
 * where one indicator was asked for, one outline per element (./overlay.ts). Loaded into the
 * frame on the first draw (entrypoints/highlights.ts, ./drawing.ts), not with the content script.
 */
import { worst } from '../outcome';
import type { Drawing } from './drawing';
import { findTarget, isHidden, reveal, visibleAncestor } from './find';
import type { DrawNote, DrawReply, Mark } from './messages';
import { Overlay, type Outline } from './overlay';

const HIDDEN_NOTE = '（位于未显示的标签页或折叠区中 / in a hidden pane）';

export async function drawMarks(doc: Document, overlay: Overlay, marks: Mark[], scroll: boolean, without: string[]): Promise<DrawReply> {
  overlay.clear();
  const notes: DrawNote[] = without.map((indicator) => ({ indicator, reason: 'no-evidence' }));
  const win = doc.defaultView!;
  // A frame, or a short wait where frames do not run (a tab in the background).
  const waitFrame = () =>
    new Promise<void>((r) => {
      const t = win.setTimeout(r, 50);
      win.requestAnimationFrame(() => (win.clearTimeout(t), r()));
    });
  // One outline per element and kind; the labels of the indicators that share it are stacked.
  const groups: { el: Element; marks: Mark[]; hidden: boolean }[] = [];
  for (const m of marks) {
    let el = findTarget(doc, m);
    if (!el) {
      notes.push({ indicator: m.indicator, reason: 'not-found' });
      continue;
    }
    let hidden = false;
    // Asked for one indicator: open the portal's tab; all at once: say so rather than flip tabs.
    if (isHidden(el) && !(scroll && (await reveal(el, waitFrame)))) {
      hidden = true;
      notes.push({ indicator: m.indicator, reason: 'hidden' });
      el = visibleAncestor(el);
      if (!el) continue;
    }
    const same = groups.find((g) => g.el === el && g.hidden === hidden && g.marks[0]!.kind === m.kind);
    if (same) same.marks.push(m);
    else groups.push({ el, marks: [m], hidden });
  }
  const outlines: Outline[] = groups.map((g) => ({
    el: g.el,
    status: worst(g.marks.map((m) => m.status)),
    label: g.marks.map((m) => m.label + (g.hidden ? HIDDEN_NOTE : '')).join('\n'),
    dashed: g.marks[0]!.kind === 'expected',
    indicator: g.marks.map((m) => m.indicator).join(' '),
  }));
  if (scroll && outlines[0]) outlines[0].el.scrollIntoView({ block: 'center', inline: 'nearest' });
  overlay.draw(outlines);
  return { drawn: outlines.length, notes, rects: overlay.rects() };
}

/** The frame's drawing handle: one overlay, drawn and cleared on the background's messages. */
export function createDrawing(doc: Document): Drawing {
  const overlay = new Overlay(doc);
  return {
    draw: (marks, scroll, without) => drawMarks(doc, overlay, marks, scroll, without),
    clear: () => overlay.clear(),
  };
}
