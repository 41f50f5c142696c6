import { z } from 'zod';
import type { AuditResult } from '../audit';
import type { GuideSnapshot } from '../snapshot';
import { STORE_MESSAGES, StoreError, openStore, toStoreError } from './db';
import { saveAudit, type SaveResult } from './audits';

/**
 * The background saves every audit of a page a content script reports (once per distinct result). When
 * the store cannot keep it (private window, full disk, blocked upgrade) the reason is put where
 * the popup and the dashboard read it, so the user is told what is not kept.
 */

export const STORE_STATUS_KEY = 'store:status';
export const StoreStatus = z.object({
  ok: z.boolean(),
  kind: z.string().max(40).optional(),
  message: z.string().max(2000).optional(),
  at: z.number(),
  /** What was not kept (the item's name or URL). */
  lost: z.string().max(2000).optional(),
});
export type StoreStatus = z.infer<typeof StoreStatus>;

export interface StatusSink {
  set(key: string, value: unknown): Promise<void>;
}

/** Keeps an audit of a reported page (the background's `onAudit`, lib/background/handler.ts); a page that is not a guide is not kept. Never throws. */
export async function autosave(result: AuditResult, snapshot: GuideSnapshot | undefined, sink: StatusSink, open = () => openStore()): Promise<SaveResult | undefined> {
  if (!result.isGuide) return undefined;
  try {
    const saved = await saveAudit(await open(), result, snapshot ?? null, { source: 'browser' });
    if (saved.saved) await sink.set(STORE_STATUS_KEY, { ok: true, at: Date.now() } satisfies StoreStatus);
    return saved;
  } catch (e) {
    const err = e instanceof StoreError ? e : toStoreError(e);
    const status: StoreStatus = {
      ok: false, kind: err.kind, message: err.message || STORE_MESSAGES.failed, at: Date.now(), lost: result.item.name ?? result.url,
    };
    console.warn('[办事指南审核助手] audit not saved', err.kind, err.message);
    await sink.set(STORE_STATUS_KEY, status).catch(() => {});
    return undefined;
  }
}
