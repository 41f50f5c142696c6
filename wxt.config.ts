import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Portals are matched by the content script's own patterns (entrypoints/content.ts); the
// `cli` build mode widens them to every host so the command line can audit any URL it is given.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, mode, manifestVersion }) => ({
    name: '办事指南审核助手 Guide Auditor',
    description: '逐项检查政务服务办事指南是否符合评估指标 — audits government service guides against the evaluation indicators',
    permissions: ['storage', 'scripting'],
    // Portal hosts the user adds in the settings are asked for at that moment, one by one.
    ...(manifestVersion === 2 ? { optional_permissions: ['*://*/*'] } : { optional_host_permissions: ['*://*/*'] }),
    ...(mode === 'cli' ? { host_permissions: ['<all_urls>'] } : {}),
    incognito: 'not_allowed',
    // storage.session (per-tab results) needs Chrome 102 / Firefox 115.
    ...(browser !== 'firefox' && { minimum_chrome_version: '102' }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: '{61c10544-ca73-43db-bd34-9fc43f93995c}', strict_min_version: '115.0', data_collection_permissions: { required: ['none'] } },
      },
    }),
  }),
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode !== 'cli') return;
      for (const cs of manifest.content_scripts ?? []) cs.matches = ['<all_urls>'];
    },
  },
});
