import type { AuditResult } from '../audit';
import { Message, TabResult, tabKey } from '../messages';
import { acceptReport } from './frames';

/** The storage the background keeps per-tab results in (browser.storage.session in the extension). */
export interface SessionStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface Sender {
  /** The sending extension: ours, or the message is not ours to take. */
  id?: string;
  tab?: { id?: number };
  /** The sending frame (0: the top page). */
  frameId?: number;
  /** The sending document: one of our pages (chrome-extension://…) or, for content scripts, the web page. */
  url?: string;
}

export type Reply = { ok: true; result?: TabResult | null } | { ok: false; error: string };

/**
 * Validates and answers one message. Reports come only from content scripts in a tab; reads
 * come only from our own pages. Unknown or malformed messages get a clear error, never a throw.
 */
export async function handleMessage(
  raw: unknown,
  sender: Sender,
  store: SessionStore,
  hooks: { onResult?: (tabId: number, result: AuditResult | undefined) => void; extensionOrigin: string; extensionId?: string },
): Promise<Reply> {
  if (hooks.extensionId && sender.id !== hooks.extensionId) return { ok: false, error: 'not allowed' };
  const parsed = Message.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'invalid message' };
  const msg = parsed.data;
  switch (msg.type) {
    case 'audit/report': {
      const tabId = sender.tab?.id;
      if (tabId === undefined || tabId < 0) return { ok: false, error: 'reports come from a tab' };
      const frameId = sender.frameId ?? 0;
      const entry: TabResult = {
        tabId, result: msg.result, receivedAt: Date.now(),
        frameId, ...(sender.url ? { frameUrl: sender.url.slice(0, 8192) } : {}),
        ...(msg.docId ? { docId: msg.docId } : {}),
      };
      const chosen = await acceptReport(store, entry);
      hooks.onResult?.(tabId, chosen?.result);
      return { ok: true };
    }
    case 'audit/get': {
      // Our own pages only (a popup, or a scorecard opened in a tab); a content script's sender.url is the page's.
      if (!sender.url?.startsWith(hooks.extensionOrigin)) return { ok: false, error: 'not allowed' };
      const stored = TabResult.safeParse(await store.get(tabKey(msg.tabId)));
      return { ok: true, result: stored.success ? stored.data : null };
    }
  }
}

/** Badge: how many indicators need work (fail + partial); empty when the page is not a guide. */
export function badgeText(result: AuditResult | undefined): string {
  if (!result?.isGuide) return '';
  const n = result.outcomes.filter((o) => o.status === 'fail' || o.status === 'partial').length;
  return n ? String(n) : '✓';
}
