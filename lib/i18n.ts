import { browser } from 'wxt/browser';

/**
 * The extension's UI text: every string a component shows comes from `public/_locales`
 * (zh_CN is the default locale, en the second) through the browser's i18n. Domain vocabulary
 * that the command line shares (indicator names, status words, part names) lives in
 * lib/indicators.ts and lib/outcome.ts with both languages; `lang()` says which one to show.
 */

export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

/** The message for `key` in the browser's language, `$1`… filled from `subs`. */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const text = browser.i18n.getMessage(key, subs.map(String));
  // An empty answer means a key missing from the locale: show the key, never nothing.
  return text || String(key);
}

/** The language the browser picked from our locales (a French browser gets the default, zh). */
export function lang(): 'zh' | 'en' {
  return browser.i18n.getMessage('lang') === 'en' ? 'en' : 'zh';
}
