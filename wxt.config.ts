import path from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The content script runs on every page of every portal host, so it is kept small: it uses the
// browsers' own promise-based APIs (Firefox's `browser`, Chrome MV3's `chrome`) through WXT's
// plain `wxt/browser`, not the webextension polyfill the extension pages use (a sixth of the
// script); its message listeners answer with sendResponse (lib/content/answer.ts).
const PLAIN_BROWSER = path.resolve(import.meta.dirname, 'node_modules/wxt/dist/browser.mjs');

// Portals are matched by the content script's own patterns (entrypoints/content.ts); the
// `cli` build mode widens them to every host so the command line can audit any URL it is given.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, mode, manifestVersion }) => ({
    name: '办事指南审核助手 Guide Auditor',
    description: '逐项检查政务服务办事指南是否符合评估指标 — audits government service guides against the evaluation indicators',
    // UI text: public/_locales (zh_CN first, en second), read through browser.i18n.
    default_locale: 'zh_CN',
    // activeTab: evidence screenshots of the tab the toolbar icon was clicked on; unlimitedStorage: weeks of
    // audits, snapshots and screenshots are not evicted by the browser when the disk runs low.
    permissions: ['storage', 'unlimitedStorage', 'scripting', 'activeTab'],
    // Portal hosts the user adds in the settings are asked for at that moment, one by one.
    ...(manifestVersion === 2 ? { optional_permissions: ['*://*/*'] } : { optional_host_permissions: ['*://*/*'] }),
    ...(mode === 'cli' ? { host_permissions: ['<all_urls>'] } : {}),
    incognito: 'not_allowed',
    // The outlines' drawing code, imported by the content script on the first outline (lib/highlight/content.ts).
    // Chrome: only through its per-session URL (use_dynamic_url), so no page can probe for the extension.
    web_accessible_resources:
      manifestVersion === 2 ? ['highlights.js'] : [{ resources: ['highlights.js'], matches: ['*://*/*'], use_dynamic_url: true }],
    // storage.session (per-tab results) needs Chrome 102 / Firefox 115.
    ...(browser !== 'firefox' && { minimum_chrome_version: '102' }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: '{61c10544-ca73-43db-bd34-9fc43f93995c}', strict_min_version: '115.0', data_collection_permissions: { required: ['none'] } },
      },
    }),
  }),
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.type === 'content-script')) return;
      const alias = config.resolve?.alias;
      if (Array.isArray(alias)) {
        for (const a of alias) if (a.find === 'wxt/browser') a.replacement = PLAIN_BROWSER;
      } else if (alias) (alias as Record<string, string>)['wxt/browser'] = PLAIN_BROWSER;
    },
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode !== 'cli') return;
      for (const cs of manifest.content_scripts ?? []) cs.matches = ['<all_urls>'];
    },
  },
});
