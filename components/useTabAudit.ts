import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { TabFailure, TabResult, failureKey, tabKey, type Message } from '@/lib/messages';
import { openStore, type StoreDb } from '@/lib/store';
import { loadItem, type ItemState } from '@/lib/verdict-store';

/**
 * Which tab an extension page shows: `?tab=<id>` pins one tab; `?window=<id>` follows that
 * window's active tab; otherwise the active tab of the window the page lives in (the side
 * panel's browser window). Follows tab switches.
 */
export function useTargetTab(): { tabId?: number; windowId?: number; ready: boolean } {
  const [target, setTarget] = useState<{ tabId?: number; windowId?: number; ready: boolean }>({ ready: false });
  useEffect(() => {
    const q = new URLSearchParams(location.search);
    const pinned = q.has('tab') ? Number(q.get('tab')) : undefined;
    let windowId: number | undefined = q.has('window') ? Number(q.get('window')) : undefined;
    if (pinned !== undefined && !(Number.isInteger(pinned) && pinned >= 0)) {
      setTarget({ ready: true }); // `?tab=-1`: a page that shows no tab (the command line's reader)
      return;
    }
    if (pinned !== undefined) {
      void browser.tabs
        .get(pinned)
        .then((t) => setTarget({ tabId: pinned, windowId: t.windowId, ready: true }))
        .catch(() => setTarget({ tabId: pinned, ready: true }));
      return;
    }
    const pick = async () => {
      windowId ??= (await browser.windows.getCurrent()).id;
      const [tab] = await browser.tabs.query({ active: true, windowId });
      setTarget({ tabId: tab?.id, windowId, ready: true });
    };
    void pick().catch(() => setTarget({ ready: true }));
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (info.windowId === windowId) setTarget({ tabId: info.tabId, windowId, ready: true });
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, []);
  return target;
}

export interface TabAudit {
  loading: boolean;
  entry?: TabResult | null;
  error?: string;
  /** The content script could not read the page (an engine error): what it said. */
  failure?: string;
  /** Verdicts, screenshots, department of the item; undefined while loading or without a store. */
  item?: ItemState;
  storeError?: string;
  db?: StoreDb;
  /** Re-reads the item's records after a write. */
  reloadItem: () => Promise<void>;
}

/** The background's latest result for a tab (re-read whenever it changes) and the item's stored records. */
export function useTabAudit(tabId: number | undefined, ready: boolean): TabAudit {
  const [state, setState] = useState<Omit<TabAudit, 'reloadItem'>>({ loading: true });

  const readItem = useCallback(async (entry: TabResult | null | undefined) => {
    if (!entry?.result.isGuide) return { item: undefined, storeError: undefined, db: undefined };
    try {
      const db = await openStore();
      return { item: await loadItem(db, entry.result), storeError: undefined, db };
    } catch (e) {
      return { item: undefined, storeError: e instanceof Error ? e.message : String(e), db: undefined };
    }
  }, []);

  useEffect(() => {
    if (!ready) return;
    if (tabId === undefined) {
      setState({ loading: false, entry: null });
      return;
    }
    let live = true;
    const load = async () => {
      const msg: Message = { type: 'audit/get', tabId };
      const reply = (await browser.runtime.sendMessage(msg)) as { ok: boolean; result?: unknown; failure?: unknown; error?: string } | undefined;
      const failed = reply?.ok && reply.failure ? TabFailure.safeParse(reply.failure) : undefined;
      const parsed = reply?.ok && reply.result ? TabResult.safeParse(reply.result) : undefined;
      const entry = parsed?.success ? parsed.data : null;
      const item = await readItem(entry);
      if (live) setState({ loading: false, entry, error: reply?.ok ? undefined : reply?.error, failure: failed?.success ? failed.data.error : undefined, ...item });
    };
    setState({ loading: true });
    load().catch((e: unknown) => live && setState({ loading: false, error: String(e) }));
    // Portals fill guides after load and pages change: follow the background's newer results.
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && (tabKey(tabId) in changes || failureKey(tabId) in changes)) void load().catch(() => {});
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [tabId, ready, readItem]);

  const reloadItem = useCallback(async () => {
    const item = await readItem(state.entry);
    setState((s) => ({ ...s, ...item }));
  }, [state.entry, readItem]);

  return { ...state, reloadItem };
}

/** The reviewer's name, a setting kept in storage.local and written into every verdict. */
export function useReviewer(): [string, (name: string) => void] {
  const [name, setName] = useState('');
  useEffect(() => {
    void browser.storage.local.get('reviewer').then(({ reviewer }) => typeof reviewer === 'string' && setName(reviewer));
  }, []);
  const save = useCallback((n: string) => {
    setName(n);
    void browser.storage.local.set({ reviewer: n.slice(0, 200) });
  }, []);
  return [name, save];
}
