import { browser } from 'wxt/browser';

/**
 * The extension's UI text: every string a component shows comes from `public/_locales`
 * (zh_CN is the default locale, en the second) through the browser's i18n. The reviewer may
 * pick the language in the panel (a Chinese evaluator on an English browser): then the same
 * messages.json of that locale is read once at start-up. Domain vocabulary that the command
 * line shares (indicator names, status words, part names) lives in lib/indicators.ts and
 * lib/outcome.ts with both languages; `lang()` says which one to show.
 */

export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];
export const UI_LOCALES = ['zh_CN', 'en'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];
/** storage.local key of the reviewer's choice; absent: follow the browser. */
export const UI_LOCALE_KEY = 'uiLocale';

let chosen: { locale: UiLocale; messages: Record<string, { message: string }> } | undefined;

/** Reads the reviewer's language choice; call before the first render. */
export async function initI18n(): Promise<void> {
  const { [UI_LOCALE_KEY]: locale } = await browser.storage.local.get(UI_LOCALE_KEY);
  if (!UI_LOCALES.includes(locale as UiLocale)) return;
  const res = await fetch(browser.runtime.getURL(`/_locales/${locale as UiLocale}/messages.json`));
  if (res.ok) chosen = { locale: locale as UiLocale, messages: (await res.json()) as Record<string, { message: string }> };
}

/** The chosen locale, or undefined when the page follows the browser. */
export function chosenLocale(): UiLocale | undefined {
  return chosen?.locale;
}

/** The message for `key` in the UI language, `$1`… filled from `subs`. */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const own = chosen?.messages[key]?.message;
  if (own !== undefined) return own.replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
  // An empty answer means a key missing from the locale: show the key, never nothing.
  return browser.i18n.getMessage(key, subs.map(String)) || String(key);
}

/** The language of the UI: which vocabulary lib/indicators.ts shows. */
export function lang(): 'zh' | 'en' {
  return t('lang') === 'en' ? 'en' : 'zh';
}
