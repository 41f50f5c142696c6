import { render } from 'preact';
import { browser } from 'wxt/browser';
import { LanguagePicker } from '@/components/LanguagePicker';
import { SettingsForm } from '@/components/SettingsForm';
import { initI18n, t } from '@/lib/i18n';
import { parseSettings } from '@/lib/settings';

await initI18n().catch(() => {}); // the browser's language stays
document.title = `${t('appTitle')} · ${t('optionsTitle')}`;
document.documentElement.lang = t('lang') === 'en' ? 'en' : 'zh-CN';
document.querySelector('h1')!.textContent = t('optionsTitle');
const { settings } = await browser.storage.local.get('settings');
render(
  <>
    <p>
      <LanguagePicker />
    </p>
    <SettingsForm
      initial={parseSettings(settings)}
      requestHosts={(origins) => browser.permissions.request({ origins })}
      save={(s) => browser.storage.local.set({ settings: s })}
    />
  </>,
  document.getElementById('app')!,
);
