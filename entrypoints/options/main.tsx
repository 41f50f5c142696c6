import { render } from 'preact';
import { browser } from 'wxt/browser';
import { SettingsForm } from '@/components/SettingsForm';
import { parseSettings } from '@/lib/settings';

const { settings } = await browser.storage.local.get('settings');
render(
  <SettingsForm
    initial={parseSettings(settings)}
    requestHosts={(origins) => browser.permissions.request({ origins })}
    save={(s) => browser.storage.local.set({ settings: s })}
  />,
  document.getElementById('app')!,
);
