import type { AuditResult } from '../audit';

/**
 * What a frame tells the background. The top page always reports (a non-guide result says "this
 * page is not a guide"); a frame inside it reports only a guide, and once after it stops being
 * one, so the many frames that are not guides (ads, maps, login widgets) stay silent and never
 * replace the guide another frame found.
 */
export function frameReporter(isTop: boolean, send: (result: AuditResult) => void): (result: AuditResult) => void {
  let reportedGuide = false;
  return (result) => {
    if (!isTop && !result.isGuide && !reportedGuide) return;
    reportedGuide = result.isGuide;
    send(result);
  };
}

/** One id per content-script run: the background asks for it to tell a pushState from a new document. */
export const newDocId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
