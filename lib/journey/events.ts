import { z } from 'zod';

export { newEventId, OUTBOX_PREFIX } from './ids';

/**
 * Journey events (A3-2): what the recorder captures, what the background stores in IndexedDB
 * (`events`, keyPath `eventId`), and the messages that carry them. Every event gets its id and
 * time when it happens, so a message delivered twice overwrites itself and counts never double.
 */

const text = (max: number) => z.string().max(max);

const id = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);

/** What was clicked: enough for a reviewer to check the count, never the page's HTML. */
export const ClickTarget = z.object({
  tag: text(40),
  text: text(200),
  href: text(2048).optional(),
  selector: text(1000),
  role: text(40).optional(),
});
export type ClickTarget = z.infer<typeof ClickTarget>;

/**
 * How a page view came about. `load`/`reload`/`back_forward` come from the new document's
 * navigation timing, `bfcache` from a page restored from the back-forward cache, `push`/
 * `replace`/`traverse`/`hash` from in-page (history API / hash) route changes.
 */
export const PageNav = z.enum(['load', 'reload', 'back_forward', 'bfcache', 'push', 'replace', 'traverse', 'hash']);
export type PageNav = z.infer<typeof PageNav>;

/** An event as the content script captures it (the background adds journey and tab). */
export const Captured = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('click'),
    eventId: id,
    ts: z.number(),
    url: text(8192),
    title: text(500),
    /** `isTrusted` of the DOM event: synthetic clicks are kept in the path but never counted. */
    trusted: z.boolean(),
    /** `enter`: a form submitted by pressing Enter (counts as the click on its submit control). */
    via: z.enum(['pointer', 'keyboard', 'enter']),
    /** The target carries an online-entry word (在线办理 …): click 1 of a new journey. */
    entry: z.boolean(),
    target: ClickTarget,
    /** On an entry click: what the page's audit found (the journey's guide, and the depth it claims). */
    guide: z.object({ itemName: text(2000).nullable(), itemCode: text(200).nullable(), depth: z.number().int().min(1).max(4).nullable() }).nullable().optional(),
  }),
  z.object({
    kind: z.literal('page'),
    eventId: id,
    ts: z.number(),
    url: text(8192),
    title: text(500),
    nav: PageNav,
    /** Server redirects before this document (navigation timing `redirectCount`). */
    redirects: z.number().int().min(0).max(100),
    /** A login / identity page (统一身份认证, 登录 …), with what showed it. */
    login: z.string().max(200).nullable(),
    /** The application form found on the page (the text of its submit control), or null. */
    form: z.string().max(200).nullable(),
    /** Text telling the applicant to come to a window (B1 against reality), or null. */
    offline: z.string().max(300).nullable(),
  }),
  z.object({
    /** An application form that appeared after the page view (rendered late, or in a frame). */
    kind: z.literal('form'),
    eventId: id,
    ts: z.number(),
    url: text(8192),
    title: text(500),
    page: id,
    form: z.string().max(200),
  }),
]);
export type Captured = z.infer<typeof Captured>;

export const MARKS = ['reached', 'dead-end', 'abandoned', 'interrupted'] as const;
export const Mark = z.enum(MARKS);
export type Mark = z.infer<typeof Mark>;

/** Events written by the background or the reviewer, not captured in a page. */
const Start = z.object({ kind: z.literal('start'), eventId: id, ts: z.number(), url: text(8192), title: text(500), by: z.enum(['entry', 'reviewer']) });
const Tab = z.object({ kind: z.literal('tab'), eventId: id, ts: z.number(), url: text(8192), title: text(500), opener: z.number().int() });
const MarkEvent = z.object({ kind: z.literal('mark'), eventId: id, ts: z.number(), url: text(8192), title: text(500), mark: Mark });
const Exclude = z.object({ kind: z.literal('exclude'), eventId: id, ts: z.number(), url: text(8192), title: text(500), ref: id, reason: text(500), undo: z.boolean() });

const Stored = <T extends z.ZodRawShape>(o: z.ZodObject<T>) => o.extend({ journeyId: id, tabId: z.number().int() });

/** An event as stored: one journey, one tab, ordered by `ts`. */
export const JourneyEvent = z.discriminatedUnion('kind', [
  Stored(Captured.options[0]),
  Stored(Captured.options[1]),
  Stored(Captured.options[2]),
  Stored(Start),
  Stored(Tab),
  Stored(MarkEvent),
  Stored(Exclude),
]);
export type JourneyEvent = z.infer<typeof JourneyEvent>;

/** The journey record (`journeys` store): what it started from. Status and counts are derived from events. */
export const Journey = z.object({
  journeyId: id,
  startedAt: z.number(),
  guide: z.object({
    url: text(8192),
    title: text(500),
    itemName: text(2000).nullable(),
    itemCode: text(200).nullable(),
    /** The 网办深度 level the guide claims (B1), when the page was audited as a guide. */
    depth: z.number().int().min(1).max(4).nullable(),
  }),
});
export type Journey = z.infer<typeof Journey>;


// Messages. Content scripts send `journey/capture`; extension pages send the rest.
export const JourneyCapture = z.object({ type: z.literal('journey/capture'), event: Captured });
export const JourneyStart = z.object({ type: z.literal('journey/start'), tabId: z.number().int().nonnegative() });
export const JourneyMark = z.object({ type: z.literal('journey/mark'), journeyId: id, mark: z.enum(['reached', 'dead-end', 'abandoned']) });
export const JourneyExclude = z.object({ type: z.literal('journey/exclude'), journeyId: id, ref: id, reason: text(500), undo: z.boolean().default(false) });
export const JourneyList = z.object({ type: z.literal('journey/list') });
export const JourneyGet = z.object({ type: z.literal('journey/get'), journeyId: id });
