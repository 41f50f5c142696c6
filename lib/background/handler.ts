import { audit, type AuditResult } from '../audit';
import type { RuleContext } from '../rules/types';
import type { GuideSnapshot } from '../snapshot';
import { Message, TabFailure, TabResult, failureKey, tabKey } from '../messages';
import type { DrawReply } from '../highlight/messages';
import { relayHighlight } from '../highlight/relay';
import { acceptReport } from './frames';
import { checkTabLinks, keepLinkChecks, type LinkCheckResult, type NetAccess } from './linkcheck';
import { handleJourneyMessage, type JourneyDeps, type JourneyFields } from './journey';

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

export type Reply =
  | ({ ok: true; result?: TabResult | null; failure?: TabFailure; audit?: AuditResult; highlight?: DrawReply; links?: LinkCheckResult } & JourneyFields)
  | { ok: false; error: string; origin?: string };

/**
 * Validates and answers one message. Reports come only from content scripts in a tab; reads
 * come only from our own pages. Unknown or malformed messages get a clear error, never a throw.
 */
export async function handleMessage(
  raw: unknown,
  sender: Sender,
  store: SessionStore,
  hooks: {
    onResult?: (tabId: number, result: AuditResult | undefined) => void;
    /** Each audit of a reported snapshot (the findings store keeps the guides: lib/store/autosave.ts). */
    onAudit?: (result: AuditResult, snapshot: GuideSnapshot) => Promise<unknown> | void;
    /** The reviewer's settings the rules read (the A4-1 cut target). */
    ruleContext?: () => Promise<RuleContext>;
    extensionOrigin: string; extensionId?: string; net?: NetAccess; journey?: JourneyDeps;
  },
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
      // The indicators are judged here, not in the page's content script (which only reads the page).
      const result = audit(msg.snapshot, hooks.ruleContext ? await hooks.ruleContext() : undefined);
      const entry: TabResult = {
        tabId, result: await keepLinkChecks(store, tabId, result), receivedAt: Date.now(),
        frameId, ...(sender.url ? { frameUrl: sender.url.slice(0, 8192) } : {}),
        ...(msg.docId ? { docId: msg.docId } : {}),
      };
      const chosen = await acceptReport(store, entry);
      const failed = TabFailure.safeParse(await store.get(failureKey(tabId)));
      if (failed.success && failed.data.frameId === frameId) await store.remove(failureKey(tabId));
      hooks.onResult?.(tabId, chosen?.result);
      await hooks.onAudit?.(result, msg.snapshot);
      return { ok: true, audit: result };
    }
    case 'audit/failed': {
      const tabId = sender.tab?.id;
      if (tabId === undefined || tabId < 0) return { ok: false, error: 'reports come from a tab' };
      const failure: TabFailure = {
        tabId, error: msg.error, receivedAt: Date.now(), frameId: sender.frameId ?? 0,
        ...(sender.url ? { frameUrl: sender.url.slice(0, 8192) } : {}), ...(msg.docId ? { docId: msg.docId } : {}),
      };
      await store.set(failureKey(tabId), failure);
      return { ok: true };
    }
    case 'audit/get': {
      // Our own pages only (a popup, or a scorecard opened in a tab); a content script's sender.url is the page's.
      if (!sender.url?.startsWith(hooks.extensionOrigin)) return { ok: false, error: 'not allowed' };
      const stored = TabResult.safeParse(await store.get(tabKey(msg.tabId)));
      const failed = TabFailure.safeParse(await store.get(failureKey(msg.tabId)));
      return { ok: true, result: stored.success ? stored.data : null, ...(failed.success ? { failure: failed.data } : {}) };
    }
    case 'highlight/show':
    case 'highlight/all':
    case 'highlight/clear':
    case 'links/check': {
      if (!sender.url?.startsWith(hooks.extensionOrigin)) return { ok: false, error: 'not allowed' };
      if (!hooks.net) return { ok: false, error: 'no tab access' };
      return msg.type === 'links/check' ? checkTabLinks(msg, store, hooks.net, hooks.onResult) : relayHighlight(msg, store, hooks.net);
    }
    case 'journey/capture': case 'journey/start': case 'journey/mark': case 'journey/exclude': case 'journey/list': case 'journey/get':
      if (!hooks.journey) return { ok: false, error: 'journeys unavailable' };
      return handleJourneyMessage(msg, sender, !!sender.url?.startsWith(hooks.extensionOrigin), hooks.journey);
  }
}

/** Badge: how many indicators need work (fail + partial); empty when the page is not a guide. */
export function badgeText(result: AuditResult | undefined): string {
  if (!result?.isGuide) return '';
  const n = result.outcomes.filter((o) => o.status === 'fail' || o.status === 'partial').length;
  return n ? String(n) : '✓';
}
