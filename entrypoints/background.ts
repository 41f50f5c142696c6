import { browser } from 'wxt/browser';
import { framesKey, pruneFailure, pruneGone } from '@/lib/background/frames';
import { badgeText, handleMessage, type SessionStore } from '@/lib/background/handler';
import { linksKey } from '@/lib/background/linkcheck';
import { registerJourneys } from '@/lib/background/journey';
import { openStore } from '@/lib/store';
import { syncPortalScripts } from '@/lib/background/portal-scripts';
import { failureKey, tabKey, type DocumentPing } from '@/lib/messages';
import type { AuditResult } from '@/lib/audit';
import { autosave } from '@/lib/store/autosave';
import { setExtraLabels } from '@/lib/labels';
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
  const showBadge = (tabId: number, result: AuditResult | undefined) => {
    const text = badgeText(result);
    void action?.setBadgeText({ tabId, text }).catch(() => {});
    void action?.setBadgeBackgroundColor({ tabId, color: text === '✓' ? '#2e7d32' : '#c62828' }).catch(() => {});
  };

  // Listeners are registered synchronously, before any await (MV3 service worker rule).
  const journey = registerJourneys(browser, () => openStore());
  browser.runtime.onMessage.addListener((raw, sender) =>
    handleMessage(raw, sender, store, {
      extensionOrigin,
      extensionId: browser.runtime.id,
      journey,
      // Highlights and the link check (lib/highlight, lib/background/linkcheck.ts).
      net: {
        sendToTab: (tabId, message, frameId) => browser.tabs.sendMessage(tabId, message, frameId === undefined ? undefined : { frameId }),
        contains: (origins) => browser.permissions.contains({ origins }),
        fetch: (url, init) => fetch(url, init),
      },
      onResult: showBadge,
      // Every guide a content script reports is kept in the findings store (lib/store/autosave.ts).
      onAudit: (result, snapshot) => autosave(result, snapshot, store),
      // The reviewer's settings as they are now: the A4-1 target, and the synonyms the rules read too.
      ruleContext: async () => {
        const settings = parseSettings((await browser.storage.local.get('settings')).settings);
        setExtraLabels(settings.labels);
        return { cutTarget: settings.cutTarget };
      },
    }).catch((e: unknown) => ({ ok: false as const, error: String(e) })),
  );
  browser.tabs.onRemoved.addListener((tabId) => {
    void store.remove(linksKey(tabId)).catch(() => {});
    void store.remove(tabKey(tabId)).catch(() => {});
    void store.remove(framesKey(tabId)).catch(() => {});
    void store.remove(failureKey(tabId)).catch(() => {});
  });
  // A navigation in the tab: a result stays until a new one replaces it, unless its document is
  // gone (a new page that may never report). A pushState keeps the document, which re-audits itself.
  browser.tabs.onUpdated.addListener((tabId, info) => {
    if (info.status !== 'complete') return;
    const ping: DocumentPing = { type: 'audit/ping' };
    const alive = async (frameId: number, docId: string) => (await browser.tabs.sendMessage(tabId, ping, { frameId })) === docId;
    void pruneGone(store, tabId, alive)
      .then((chosen) => showBadge(tabId, chosen?.result))
      .catch(() => {});
    void pruneFailure(store, tabId, alive).catch(() => {});
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
            browser.scripting.registerContentScripts([{ id, matches, js: ['content-scripts/content.js'], runAt: 'document_idle', allFrames: true, persistAcrossSessions: true }]),
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
