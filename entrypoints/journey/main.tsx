import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Timeline, type Send } from '@/components/journey/Timeline';
import { initI18n, t } from '@/lib/i18n';
import { JOURNEY_SETTINGS_KEY, parseJourneySettings } from '@/lib/journey/settings';

await initI18n().catch(() => {}); // the browser's language stays
document.title = `${t('openJourneys')} · ${t('appTitle')}`;
document.documentElement.lang = t('lang') === 'en' ? 'en' : 'zh-CN';

// journey.html[?id=<journeyId>][&tab=<tabId>]: `tab` offers to start recording in that tab by hand.
const q = new URLSearchParams(location.search);
const tab = Number(q.get('tab'));
const send: Send = (msg) => browser.runtime.sendMessage(msg) as ReturnType<Send>;
const download = (name: string, text: string) => {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
};
const settings = {
  load: async () => parseJourneySettings((await browser.storage.local.get(JOURNEY_SETTINGS_KEY))[JOURNEY_SETTINGS_KEY]),
  save: (s: unknown) => browser.storage.local.set({ [JOURNEY_SETTINGS_KEY]: s }),
};
render(
  <Timeline send={send} journeyId={q.get('id') ?? undefined} tabId={q.has('tab') && Number.isInteger(tab) && tab >= 0 ? tab : undefined} download={download} settings={settings} />,
  document.getElementById('app')!,
);
