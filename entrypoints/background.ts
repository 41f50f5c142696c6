import { browser } from 'wxt/browser';
import { badgeText, handleMessage, type SessionStore } from '@/lib/background/handler';
import { registerJourneys } from '@/lib/background/journey';
import { openStore } from '@/lib/store';
import { syncPortalScripts } from '@/lib/background/portal-scripts';
import { tabKey } from '@/lib/messages';
import { parseSettings } from '@/lib/settings';

export default defineBackground(() => {
  // State lives in storage.session, not in globals: the MV3 worker may stop at any time.
  const store: SessionStore = {
    get: async (key) => (await browser.storage.session.get(key))[key],
    set: (key, value) => browser.storage.session.set({ [key]: value }),
    remove: (key) => browser.storage.session.remove(key),
  };
  const action = browser.action ?? browser.browserAction;
  const extensionOrigin = browser.runtime.getURL('/');

  // Listeners are registered synchronously, before any await (MV3 service worker rule).
  const journey = registerJourneys(browser, () => openStore());
  browser.runtime.onMessage.addListener((raw, sender) =>
    handleMessage(raw, sender, store, {
      extensionOrigin,
      extensionId: browser.runtime.id,
      journey,
      onResult: (tabId, result) => {
        const text = badgeText(result);
        void action?.setBadgeText({ tabId, text }).catch(() => {});
        void action?.setBadgeBackgroundColor({ tabId, color: text === '✓' ? '#2e7d32' : '#c62828' }).catch(() => {});
      },
    }).catch((e: unknown) => ({ ok: false as const, error: String(e) })),
  );
  browser.tabs.onRemoved.addListener((tabId) => void store.remove(tabKey(tabId)).catch(() => {}));
  // A new page in the tab: the previous page's scorecard no longer applies.
  browser.tabs.onUpdated.addListener((tabId, info) => {
    if (info.status !== 'loading') return;
    void store.remove(tabKey(tabId)).catch(() => {});
    void action?.setBadgeText({ tabId, text: '' }).catch(() => {});
  });

  // Portal hosts the user added: (re-)register the content script there whenever the list or
  // the granted permissions change.
  const sync = () =>
    browser.storage.local
      .get('settings')
      .then(({ settings }) =>
        syncPortalScripts(parseSettings(settings), {
          contains: (origins) => browser.permissions.contains({ origins }),
          unregister: (id) => browser.scripting.unregisterContentScripts({ ids: [id] }),
          register: (id, matches) =>
            browser.scripting.registerContentScripts([{ id, matches, js: ['content-scripts/content.js'], runAt: 'document_idle', persistAcrossSessions: true }]),
        }),
      )
      .catch((e: unknown) => console.warn('[办事指南审核助手] portal registration failed', e));
  browser.runtime.onInstalled.addListener(() => void sync());
  browser.permissions.onAdded.addListener(() => void sync());
  browser.permissions.onRemoved.addListener(() => void sync());
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'settings' in changes) void sync();
  });
});
