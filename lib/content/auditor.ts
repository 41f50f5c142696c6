import { audit, type AuditResult } from '../audit';
import { extractGuide } from '../extract/guide';
import { OWN_UI_ATTR } from '../extract/walk';
import type { RuleContext } from '../rules/types';
import type { GuideSnapshot } from '../snapshot';

export interface AuditorOptions {
  doc: Document;
  ctx: RuleContext;
  report: (result: AuditResult, snapshot: GuideSnapshot) => void;
  /** Quiet time after the last DOM change before re-auditing (portals fill guides by XHR). */
  debounceMs?: number;
  /** Re-audit at least this often while the page keeps changing. */
  maxWaitMs?: number;
}

/**
 * Audits the page now and again whenever its content changes, reporting only when the result
 * changed. Nothing here touches the page: it reads the DOM and never throws into it.
 */
export function startAuditor(o: AuditorOptions): { stop(): void; runNow(): void } {
  const debounceMs = o.debounceMs ?? 400;
  const maxWaitMs = o.maxWaitMs ?? 2500;
  let last = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPending = 0;
  // A page that keeps changing without changing the guide (a clock, a ticker) is re-read less
  // and less often, down to once every 16 × the debounce; any real change resets it.
  let unchanged = 0;

  const runNow = () => {
    timer = undefined;
    firstPending = 0;
    try {
      const snapshot = extractGuide(o.doc);
      const result = audit(snapshot, o.ctx);
      const key = JSON.stringify([result.url, result.isGuide, result.item, result.outcomes]);
      if (key === last) {
        unchanged = Math.min(unchanged + 1, 4);
        return;
      }
      unchanged = 0;
      last = key;
      o.report(result, snapshot);
    } catch (e) {
      // A page we cannot read must not break the page; say so in the console and carry on.
      console.warn('[办事指南审核助手] audit failed', e);
    }
  };

  const schedule = () => {
    const now = Date.now();
    firstPending ||= now;
    if (timer) clearTimeout(timer);
    const factor = 2 ** unchanged;
    const wait = Math.max(0, Math.min(debounceMs * factor, firstPending + maxWaitMs * factor - now));
    timer = setTimeout(runNow, wait);
  };

  const ours = (n: Node | null) => !!n && n.nodeType === 1 && !!(n as Element).closest?.(`[${OWN_UI_ATTR}]`);
  const observer = new MutationObserver((records) => {
    if (records.every((r) => ours(r.target))) return;
    schedule();
  });
  observer.observe(o.doc.documentElement, { childList: true, subtree: true, characterData: true });
  // Same-document navigations (anchors, SPA routes) change the URL the result belongs to.
  const win = o.doc.defaultView;
  win?.addEventListener('hashchange', schedule);
  win?.addEventListener('popstate', schedule);
  runNow();
  return {
    stop() {
      observer.disconnect();
      win?.removeEventListener('hashchange', schedule);
      win?.removeEventListener('popstate', schedule);
      if (timer) clearTimeout(timer);
    },
    runNow,
  };
}
