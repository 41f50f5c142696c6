import { z } from 'zod';
import { AuditResult } from './audit';
import { JourneyCapture, JourneyExclude, JourneyGet, JourneyList, JourneyMark, JourneyStart } from './journey/events';

/**
 * The one message protocol. Every message that crosses a boundary (content script →
 * background, extension page → background) is parsed with these schemas before it is used.
 */
export const AuditReport = z.object({
  type: z.literal('audit/report'),
  result: AuditResult,
});

export const ResultRequest = z.object({
  type: z.literal('audit/get'),
  tabId: z.number().int().nonnegative(),
});

export const Message = z.discriminatedUnion('type', [
  AuditReport,
  ResultRequest,
  JourneyCapture, JourneyStart, JourneyMark, JourneyExclude, JourneyList, JourneyGet, // lib/journey/events.ts
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
