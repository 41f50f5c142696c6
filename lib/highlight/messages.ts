import { z } from 'zod';
import { Status } from '../outcome';

/**
 * Messages of the on-page highlights and the link check (issue 8, items 2 and 5).
 *
 * From an extension page (side panel, popup) to the background — members of the union in
 * lib/messages.ts; the background answers only our own pages:
 *
 * - `highlight/show {tabId, indicator}`: scroll the tab to the element of that indicator's
 *   evidence and outline it with a label. In a hidden tab pane the page's own tab is clicked to
 *   show it; where that is not possible the label says so. Reply `{ok: true, highlight}` with
 *   `highlight.drawn` (how many outlines were drawn), `highlight.notes` (why an outcome could not
 *   be drawn: `no-evidence`, `not-found`, `hidden`) and `highlight.rects` (viewport rectangles of
 *   the outlined elements in the frame that drew them, for screenshot evidence).
 * - `highlight/all {tabId, on}`: `on: true` outlines every outcome's element at once, coloured by
 *   status, and marks where a missing element was expected when that is knowable (a materials
 *   table without a 出具单位 column is outlined dashed with “此处缺少…”); `on: false` clears them.
 * - `highlight/clear {tabId}`: removes every outline; nothing of ours is left in the page.
 * - `links/check {tabId, indicator}` (E4-1 or E4-2): checks that outcome's blank/sample form links
 *   on the page's own host: a HEAD request, and a GET of the first KiB (`Range: bytes=0-1023`)
 *   where HEAD is refused. Needs the host permission for the page's origin: the page calls
 *   `requestLinkCheckPermission(pageUrl)` (lib/linkcheck-permission.ts) *inside its click handler*
 *   first; without it the reply is `{ok: false, error: 'permission', origin}` and no request is
 *   made. Reply `{ok: true, links}`: every link checked with its HTTP status and verdict, and the
 *   outcome as it now stands (a broken link turns a pass into `partial`); the stored tab result
 *   (`tab:<id>`) is updated too, so views that follow storage see it.
 *
 * From the background to the tab's content scripts (every frame; `browser.tabs.sendMessage`),
 * not part of the union: `highlight/draw`, `highlight/remove`, `links/list`. Only the frame
 * whose document is the audited page (`url`) answers and draws.
 */

const TabId = z.number().int().nonnegative();
const IndicatorId = z.string().min(1).max(8);

export const HighlightShow = z.object({ type: z.literal('highlight/show'), tabId: TabId, indicator: IndicatorId });
export const HighlightAll = z.object({ type: z.literal('highlight/all'), tabId: TabId, on: z.boolean() });
export const HighlightClear = z.object({ type: z.literal('highlight/clear'), tabId: TabId });
export const LinksCheck = z.object({ type: z.literal('links/check'), tabId: TabId, indicator: z.enum(['E4-1', 'E4-2']) });

/** One thing to outline: an element found (solid, status colour) or where one was expected (dashed). */
export const Mark = z.object({
  indicator: IndicatorId,
  status: Status,
  selector: z.string().max(2000),
  /** What the label says (Chinese first), page text kept as text. */
  label: z.string().max(400),
  kind: z.enum(['found', 'expected']),
  /** Outline the table around the element rather than the element (a column the table lacks). */
  widen: z.literal('table').optional(),
});
export type Mark = z.infer<typeof Mark>;

export const Rect = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });
export type Rect = z.infer<typeof Rect>;

export const DrawNote = z.object({ indicator: IndicatorId, reason: z.enum(['no-evidence', 'not-found', 'hidden']) });
export type DrawNote = z.infer<typeof DrawNote>;

export const DrawReply = z.object({
  drawn: z.number().int().nonnegative(),
  notes: z.array(DrawNote),
  /** One per outline; `indicator` lists the ids that share it, space-separated. */
  rects: z.array(Rect.extend({ indicator: z.string().max(400) })).max(100),
});
export type DrawReply = z.infer<typeof DrawReply>;

/** Background → content (every frame of the tab). */
export const ContentDraw = z.object({
  type: z.literal('highlight/draw'),
  url: z.string().max(8192),
  marks: z.array(Mark).max(100),
  /** Scroll the first mark into view (one indicator chosen) or leave the scroll alone (all at once). */
  scroll: z.boolean(),
  /** Outcomes the page had nothing to draw for (no evidence recorded): reported back as notes. */
  without: z.array(IndicatorId).max(50),
});
export const ContentRemove = z.object({ type: z.literal('highlight/remove') });
export const ContentLinks = z.object({ type: z.literal('links/list'), url: z.string().max(8192), indicator: z.enum(['E4-1', 'E4-2']) });
export const ContentMessage = z.discriminatedUnion('type', [ContentDraw, ContentRemove, ContentLinks]);
export type ContentMessage = z.infer<typeof ContentMessage>;

/** A form link as the content script reads it from the page (the snapshot's materials). */
export const FormLink = z.object({
  material: z.string().max(400),
  text: z.string().max(400),
  href: z.string().max(4000),
  path: z.string().max(2000),
});
export type FormLink = z.infer<typeof FormLink>;
export const LinksReply = z.object({ links: z.array(FormLink).max(500) });

/** Background → extension page replies (members of the handler's Reply). */
export type HighlightReply = { ok: true; highlight: DrawReply } | { ok: false; error: string };

export const LinkStatus = FormLink.extend({
  /** HTTP status of the last request made (0: no answer). */
  status: z.number().int(),
  method: z.enum(['HEAD', 'GET', 'none']),
  verdict: z.enum(['ok', 'broken', 'error-page', 'unreachable', 'skipped']),
  /** Why, in words (Chinese first). */
  reason: z.string().max(400),
});
export type LinkStatus = z.infer<typeof LinkStatus>;

export const LinkCheckOutcome = z.object({ indicator: z.enum(['E4-1', 'E4-2']), checked: z.array(LinkStatus), checkedAt: z.number() });
export type LinkCheckOutcome = z.infer<typeof LinkCheckOutcome>;
