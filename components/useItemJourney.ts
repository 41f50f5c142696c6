import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { JOURNEY_SETTINGS_KEY, parseJourneySettings } from '@/lib/journey/settings';
import { itemJourney, storedJourneyViews, type JourneyView } from '@/lib/journey/view';
import type { StoreDb } from '@/lib/store';

/**
 * The journey that stands for an item (same item key), read from the store and derived from its
 * stored events under the reviewer's journey settings; re-read whenever `version` changes (the
 * panel's item records were re-read). `undefined` while loading or when the item has none.
 */
export function useItemJourney(db: StoreDb | undefined, itemKey: string | undefined, version: unknown): JourneyView | undefined {
  const [journey, setJourney] = useState<JourneyView | undefined>();
  useEffect(() => {
    if (!db || !itemKey) {
      setJourney(undefined);
      return;
    }
    let live = true;
    const read = async () => {
      const stored = await browser.storage.local.get(JOURNEY_SETTINGS_KEY);
      const views = await storedJourneyViews(db, parseJourneySettings(stored[JOURNEY_SETTINGS_KEY]), [itemKey]);
      if (live) setJourney(itemJourney(views.map((v) => v.view)));
    };
    read().catch((e: unknown) => console.warn('[办事指南审核助手] journey', e));
    return () => {
      live = false;
    };
  }, [db, itemKey, version]);
  return journey;
}
