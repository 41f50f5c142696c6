import { browser } from 'wxt/browser';
import { answering } from '@/lib/content/answer';
import { startAuditor } from '@/lib/content/auditor';
import { frameReporter, newDocId } from '@/lib/content/frame-reporter';
import { installHighlights } from '@/lib/highlight/content';
import { startJourney } from '@/lib/content/journey';
import { JOURNEY_SETTINGS_KEY, parseJourneySettings } from '@/lib/journey/settings';
import { setExtraLabels } from '@/lib/labels';
import type { Reply } from '@/lib/background/handler';
import type { Message } from '@/lib/messages';
import type { GuideSnapshot } from '@/lib/snapshot';
import { BUILT_IN_MATCHES, hostMatches, parseSettings } from '@/lib/settings';

// Built-in portal hosts. The user's portal list (lib/settings.ts) narrows them; hosts the user
// adds are registered at runtime by the background once granted. The `cli` build widens the
// matches to every host (wxt.config.ts) so the command line can audit any URL it is given.
// Every frame: portals put guides in iframes; frames that are not guides stay silent.
export default defineContentScript({
  matches: BUILT_IN_MATCHES,
  runAt: 'document_idle',
  allFrames: true,
  matchAboutBlank: true,
  async main(ctx) {
    // Journeys (A3-2): clicks and page views, recorded from the first moment (before any await).
    const journey = startJourney(ctx, {
      send: (msg) => browser.runtime.sendMessage(msg),
      outbox: (key, value) => browser.storage.local.set({ [key]: value }),
      settings: async () => parseJourneySettings((await browser.storage.local.get(JOURNEY_SETTINGS_KEY))[JOURNEY_SETTINGS_KEY]),
    });
    const settings = parseSettings((await browser.storage.local.get('settings')).settings);
    if (import.meta.env.MODE !== 'cli' && !hostMatches(pageHost(), settings.portalHosts)) return;
    setExtraLabels(settings.labels);
    const docId = newDocId();
    browser.runtime.onMessage.addListener(answering((raw) => (isPing(raw) ? Promise.resolve(docId) : undefined)));
    // The page is read here; the background judges the indicators and answers with the result.
    const send = (snapshot: GuideSnapshot) => {
      if (!ctx.isValid) return;
      const msg: Message = { type: 'audit/report', snapshot, docId };
      browser.runtime.sendMessage(msg).then(
        (reply: unknown) => {
          const r = reply as Partial<Extract<Reply, { ok: true }>> | undefined;
          if (r?.ok && r.audit && ctx.isValid) journey.onAudit(r.audit);
        },
        () => {
          /* the extension was reloaded or the worker is starting: the next change reports again */
        },
      );
    };
    const onError = (error: string) => {
      if (!ctx.isValid) return;
      const msg: Message = { type: 'audit/failed', error, docId };
      browser.runtime.sendMessage(msg).catch(() => {});
    };
    const auditor = startAuditor({ doc: document, report: frameReporter(window === window.top, send), onError });
    ctx.onInvalidated(() => auditor.stop());
    installHighlights(ctx); // on-page outlines and the link check's list of form links
  },
});

/** The page's host; an about:blank or srcdoc frame written by its parent has the parent's. */
function pageHost(): string {
  try {
    return location.hostname || new URL(self.origin).hostname;
  } catch {
    return '';
  }
}

/** The background's `audit/ping` (lib/messages.ts DocumentPing), checked without zod (kept out of the content script). */
const isPing = (raw: unknown) => !!raw && typeof raw === 'object' && (raw as { type?: unknown }).type === 'audit/ping';
