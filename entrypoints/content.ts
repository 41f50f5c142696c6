import { browser } from 'wxt/browser';
import type { AuditResult } from '@/lib/audit';
import { startAuditor } from '@/lib/content/auditor';
import { startJourney } from '@/lib/content/journey';
import { JOURNEY_SETTINGS_KEY, parseJourneySettings } from '@/lib/journey/settings';
import { setExtraLabels } from '@/lib/labels';
import type { Message } from '@/lib/messages';
import { BUILT_IN_MATCHES, hostMatches, parseSettings } from '@/lib/settings';

// Built-in portal hosts. The user's portal list (lib/settings.ts) narrows them; hosts the user
// adds are registered at runtime by the background once granted. The `cli` build widens the
// matches to every host (wxt.config.ts) so the command line can audit any URL it is given.
export default defineContentScript({
  matches: BUILT_IN_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    // Journeys (A3-2): clicks and page views, recorded from the first moment (before any await).
    const journey = startJourney(ctx, {
      send: (msg) => browser.runtime.sendMessage(msg),
      outbox: (key, value) => browser.storage.local.set({ [key]: value }),
      settings: async () => parseJourneySettings((await browser.storage.local.get(JOURNEY_SETTINGS_KEY))[JOURNEY_SETTINGS_KEY]),
    });
    const settings = parseSettings((await browser.storage.local.get('settings')).settings);
    if (import.meta.env.MODE !== 'cli' && !hostMatches(location.hostname, settings.portalHosts)) return;
    setExtraLabels(settings.labels);
    const report = (result: AuditResult) => {
      if (!ctx.isValid) return;
      journey.onAudit(result);
      const msg: Message = { type: 'audit/report', result };
      browser.runtime.sendMessage(msg).catch(() => {
        /* the extension was reloaded or the worker is starting: the next change reports again */
      });
    };
    const auditor = startAuditor({ doc: document, ctx: { cutTarget: settings.cutTarget }, report });
    ctx.onInvalidated(() => auditor.stop());
  },
});
