import { z } from 'zod';
import { AuditResult } from './audit';
import { GuideSnapshot } from './snapshot';
import { HighlightAll, HighlightClear, HighlightShow, LinksCheck } from './highlight/messages';

/**
 * The one message protocol. Every message that crosses a boundary (content script →
 * background, extension page → background) is parsed with these schemas before it is used.
 */
export const AuditReport = z.object({
  type: z.literal('audit/report'),
  result: AuditResult,
  /** The snapshot the result came from: the store keeps it so the page can be re-audited later. */
  snapshot: GuideSnapshot.optional(),
});

export const ResultRequest = z.object({
  type: z.literal('audit/get'),
  tabId: z.number().int().nonnegative(),
});

export const Message = z.discriminatedUnion('type', [
  AuditReport,
  ResultRequest,
  HighlightShow, // on-page highlights and link check: lib/highlight/messages.ts
  HighlightAll,
  HighlightClear,
  LinksCheck,
]);
export type Message = z.infer<typeof Message>;

/** What the background stores per tab (storage.session, so it survives a worker restart). */
export const TabResult = z.object({
  tabId: z.number().int(),
  result: AuditResult,
  receivedAt: z.number(),
});
export type TabResult = z.infer<typeof TabResult>;

export const tabKey = (tabId: number) => `tab:${tabId}`;
