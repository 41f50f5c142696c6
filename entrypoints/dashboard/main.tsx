import { render } from 'preact';
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { StoreNotice } from '@/components/dashboard/StoreNotice';
import { pageApi, type PageApi } from '@/lib/export/index';
import { parseSettings } from '@/lib/settings';
import { openStore, type StoreDb } from '@/lib/store/db';

// The command line runs the same export/import code through this page (cli/export.ts).
(globalThis as unknown as { guideAuditor: PageApi }).guideAuditor = pageApi();

function Shell({ db, cutTarget }: { db: StoreDb; cutTarget: number }) {
  const [changed, setChanged] = useState(0);
  return (
    <>
      <StoreNotice onSaved={() => setChanged((n) => n + 1)} />
      <Dashboard db={db} ctx={{ cutTarget }} changed={changed} onReady={() => (document.documentElement.dataset.ready = String(Math.round(performance.now())))} />
    </>
  );
}

async function start() {
  // `?api`: the command line only calls the page's export/import code, no table is drawn.
  if (new URLSearchParams(location.search).has('api')) return;
  const app = document.getElementById('app')!;
  const warn = (text: string) => render(<p role="alert" class="error" data-testid="error">{text}</p>, app);
  try {
    const [db, stored] = await Promise.all([
      openStore({ onBlocked: warn, onVersionChange: () => warn('扩展已更新，请刷新本页。 The extension was updated: reload this page.') }),
      browser.storage.local.get('settings'),
    ]);
    render(<Shell db={db} cutTarget={parseSettings(stored.settings).cutTarget} />, app);
  } catch (e) {
    warn(String((e as Error).message ?? e));
  }
}
void start();
