import { render } from 'preact';
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { StoreNotice } from '@/components/dashboard/StoreNotice';
import { pageApi, type PageApi } from '@/lib/export/index';
import { initI18n, t } from '@/lib/i18n';
import { JOURNEY_SETTINGS_KEY, parseJourneySettings, type JourneySettings } from '@/lib/journey/settings';
import { setExtraLabels } from '@/lib/labels';
import { parseSettings } from '@/lib/settings';
import { openStore, type StoreDb } from '@/lib/store/db';

// The command line runs the same export/import code through this page (cli/export.ts).
const journeySettings = async () => parseJourneySettings((await browser.storage.local.get(JOURNEY_SETTINGS_KEY))[JOURNEY_SETTINGS_KEY]);
(globalThis as unknown as { guideAuditor: PageApi }).guideAuditor = pageApi(undefined, journeySettings);

function Shell({ db, cutTarget, journeys }: { db: StoreDb; cutTarget: number; journeys: JourneySettings }) {
  const [changed, setChanged] = useState(0);
  return (
    <>
      <StoreNotice onSaved={() => setChanged((n) => n + 1)} />
      <Dashboard db={db} ctx={{ cutTarget }} journeySettings={journeys} changed={changed} onReady={() => (document.documentElement.dataset.ready = String(Math.round(performance.now())))} />
    </>
  );
}

async function start() {
  await initI18n().catch(() => {}); // the browser's language stays
  document.title = `${t('dashTitle')} · ${t('appTitle')}`;
  document.documentElement.lang = t('lang') === 'en' ? 'en' : 'zh-CN';
  document.getElementById('title')!.textContent = t('dashTitle');
  document.getElementById('subtitle')!.textContent = `${t('appTitle')} · ${t('dashSubtitle')}`;
  // `?api`: the command line only calls the page's export/import code, no table is drawn.
  if (new URLSearchParams(location.search).has('api')) return;
  const app = document.getElementById('app')!;
  const warn = (text: string) => render(<p role="alert" class="error" data-testid="error">{text}</p>, app);
  try {
    const [db, stored, journeys] = await Promise.all([
      openStore({ onBlocked: () => warn(t('storeErrBlocked')), onVersionChange: () => warn(t('dashReload')) }),
      browser.storage.local.get('settings'),
      journeySettings(),
    ]);
    const settings = parseSettings(stored.settings);
    setExtraLabels(settings.labels); // re-audits of stored pages read the reviewer's synonyms too
    render(<Shell db={db} cutTarget={settings.cutTarget} journeys={journeys} />, app);
  } catch (e) {
    warn(String((e as Error).message ?? e));
  }
}
void start();
