import { browser } from 'wxt/browser';
import { chosenLocale, t, UI_LOCALE_KEY, UI_LOCALES, type UiLocale } from '@/lib/i18n';

/** The UI language: the browser's, or one the reviewer picks (kept in storage.local; the page reloads). */
export function LanguagePicker() {
  const change = async (value: string) => {
    if (UI_LOCALES.includes(value as UiLocale)) await browser.storage.local.set({ [UI_LOCALE_KEY]: value });
    else await browser.storage.local.remove(UI_LOCALE_KEY);
    location.reload();
  };
  return (
    <span class="language">
      <label for="ui-language">{t('languageLabel')}</label>
      <select id="ui-language" value={chosenLocale() ?? ''} onChange={(e) => void change((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">{t('languageBrowser')}</option>
        <option value="zh_CN" lang="zh-CN">
          {t('languageZh')}
        </option>
        <option value="en" lang="en">
          {t('languageEn')}
        </option>
      </select>
    </span>
  );
}
