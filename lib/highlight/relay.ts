import { TabResult, tabKey } from '../messages';
import type { SessionStore } from '../background/handler';
import { planAll, planOne } from './marks';
import { DrawReply, type ContentMessage, type HighlightReply } from './messages';
import type { HighlightAll, HighlightClear, HighlightShow } from './messages';
import type { z } from 'zod';

/** The background's reach into a tab: a message to its content scripts (every frame). */
export interface TabAccess {
  sendToTab(tabId: number, message: ContentMessage): Promise<unknown>;
}

type Request = z.infer<typeof HighlightShow> | z.infer<typeof HighlightAll> | z.infer<typeof HighlightClear>;

const EMPTY: DrawReply = { drawn: 0, notes: [], rects: [] };

export async function storedResult(store: SessionStore, tabId: number): Promise<TabResult | null> {
  const parsed = TabResult.safeParse(await store.get(tabKey(tabId)));
  return parsed.success ? parsed.data : null;
}

/**
 * Background side of the highlights: reads the tab's latest result, decides what to outline
 * and asks the tab's frames to draw it; the frame whose document is the audited page answers.
 */
export async function relayHighlight(msg: Request, store: SessionStore, tabs: TabAccess): Promise<HighlightReply> {
  const send = async (m: ContentMessage) => {
    try {
      return await tabs.sendToTab(msg.tabId, m);
    } catch {
      return undefined; // no content script in the tab (not a portal page, or it was reloaded)
    }
  };
  if (msg.type === 'highlight/clear' || (msg.type === 'highlight/all' && !msg.on)) {
    await send({ type: 'highlight/remove' });
    return { ok: true, highlight: EMPTY };
  }
  const entry = await storedResult(store, msg.tabId);
  if (!entry?.result.isGuide) return { ok: false, error: '此标签页没有办事指南的审核结果 / no audit result for this tab' };
  const plan = msg.type === 'highlight/show' ? planOne(entry.result, msg.indicator) : planAll(entry.result);
  if (!plan) return { ok: false, error: `没有指标 ${msg.type === 'highlight/show' ? msg.indicator : ''} 的结果 / no such indicator` };
  const reply = DrawReply.safeParse(
    await send({ type: 'highlight/draw', url: entry.result.url, marks: plan.marks, scroll: msg.type === 'highlight/show', without: plan.without }),
  );
  if (!reply.success) {
    return { ok: false, error: '页面没有响应（请刷新页面后重试）/ the page did not answer (reload it and try again)' };
  }
  return { ok: true, highlight: reply.data };
}
