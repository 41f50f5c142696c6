import { browser } from 'wxt/browser';
import type { AuditResult } from '@/lib/audit';
import { startAuditor } from '@/lib/content/auditor';
import type { Message } from '@/lib/messages';
import { hostMatches, parseSettings } from '@/lib/settings';

// Default portal hosts; the user's portal list (lib/settings.ts) narrows these, and the `cli`
// build widens them to every host (wxt.config.ts) so the command line can audit any URL.
export default defineContentScript({
  matches: ['*://*.gov.cn/*', 'http://localhost/*', 'http://127.0.0.1/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const settings = parseSettings((await browser.storage.local.get('settings')).settings);
    if (import.meta.env.MODE !== 'cli' && !hostMatches(location.hostname, settings.portalHosts)) return;
    const report = (result: AuditResult) => {
      if (!ctx.isValid) return;
      const msg: Message = { type: 'audit/report', result };
      browser.runtime.sendMessage(msg).catch(() => {
        /* the extension was reloaded or the worker is starting: the next change reports again */
      });
    };
    const auditor = startAuditor({ doc: document, ctx: { cutTarget: settings.cutTarget }, report });
    ctx.onInvalidated(() => auditor.stop());
  },
});
