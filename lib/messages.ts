import { z } from 'zod';
import { AuditResult } from './audit';
import { GuideSnapshot } from './snapshot';
import { HighlightAll, HighlightClear, HighlightShow, LinksCheck } from './highlight/messages';
import { JourneyCapture, JourneyExclude, JourneyGet, JourneyList, JourneyMark, JourneyStart } from './journey/events';

/**
 * The one message protocol. Every message that crosses a boundary (content script →
 * background, extension page → background) is parsed with these schemas before it is used.
 */
export const AuditReport = z.object({
  type: z.literal('audit/report'),
  /**
   * The guide as the content script read it. The background judges the indicators on it
   * (lib/audit.ts, with the reviewer's settings) and keeps it so the page can be re-audited later.
   */
  snapshot: GuideSnapshot,
  /** A random id of the reporting document (one per content-script run): tells a pushState from a new page. */
  docId: z.string().max(64).optional(),
});

/** Content script → background: reading the page failed (an engine error), so the reviewer is told, not left guessing. */
export const AuditFailed = z.object({
  type: z.literal('audit/failed'),
  error: z.string().max(500),
  docId: z.string().max(64).optional(),
});

export const ResultRequest = z.object({
  type: z.literal('audit/get'),
  tabId: z.number().int().nonnegative(),
});

/** Background → content script: "do you still hold this document?" (answered with its docId). */
export const DocumentPing = z.object({ type: z.literal('audit/ping') });
export type DocumentPing = z.infer<typeof DocumentPing>;

export const Message = z.discriminatedUnion('type', [
  AuditReport,
  AuditFailed,
  ResultRequest,
  HighlightShow, // on-page highlights and link check: lib/highlight/messages.ts
  HighlightAll,
  HighlightClear,
  LinksCheck,
  JourneyCapture, JourneyStart, JourneyMark, JourneyExclude, JourneyList, JourneyGet, // lib/journey/events.ts
]);
export type Message = z.infer<typeof Message>;

/** What the background stores per tab (storage.session, so it survives a worker restart). */
export const TabResult = z.object({
  tabId: z.number().int(),
  result: AuditResult,
  receivedAt: z.number(),
  /** The frame the result came from (0 or absent: the top page) and its URL; read by the command line too. */
  frameId: z.number().int().nonnegative().optional(),
  frameUrl: z.string().max(8192).optional(),
  docId: z.string().max(64).optional(),
});
export type TabResult = z.infer<typeof TabResult>;

export const tabKey = (tabId: number) => `tab:${tabId}`;

/** A frame of the tab whose reading failed (storage.session, cleared by that frame's next report). */
export const TabFailure = z.object({
  tabId: z.number().int(),
  error: z.string().max(500),
  receivedAt: z.number(),
  frameId: z.number().int().nonnegative(),
  frameUrl: z.string().max(8192).optional(),
  /** The failing document: a new page in the tab (another docId, or none answering) drops the failure. */
  docId: z.string().max(64).optional(),
});
export type TabFailure = z.infer<typeof TabFailure>;

export const failureKey = (tabId: number) => `failure:${tabId}`;
