import { TabFailure, TabResult, failureKey, tabKey } from '../messages';
import type { SessionStore } from './handler';

/**
 * Which frame's result is the tab's. The content script runs in every frame of a portal page;
 * a frame that is not a guide stays silent unless it was one before. The tab's result is the
 * guide frame's (with several, the one whose guide shows the most elements); a frame that is
 * not a guide never replaces a guide found in another frame. Every frame's latest result is
 * kept under `frames:<tabId>` so the choice can be made again when one of them changes or goes.
 */
export const framesKey = (tabId: number) => `frames:${tabId}`;

/** How much of a guide a result shows: the indicators whose element was found at all. */
export const guideElements = (e: TabResult) =>
  e.result.isGuide ? e.result.outcomes.filter((o) => o.status !== 'fail' && o.status !== 'na').length : -1;

async function framesOf(store: SessionStore, tabId: number): Promise<Map<number, TabResult>> {
  const raw = await store.get(framesKey(tabId));
  const out = new Map<number, TabResult>();
  if (raw && typeof raw === 'object') {
    for (const v of Object.values(raw)) {
      const p = TabResult.safeParse(v);
      if (p.success) out.set(p.data.frameId ?? 0, p.data);
    }
  }
  return out;
}

/** The guide frame with the most elements (ties: the top page, then the lowest frame id), else the top page. */
export function chooseFrame(frames: Map<number, TabResult>): TabResult | undefined {
  const guides = [...frames.values()].filter((e) => e.result.isGuide);
  guides.sort((a, b) => guideElements(b) - guideElements(a) || (a.frameId ?? 0) - (b.frameId ?? 0));
  return guides[0] ?? frames.get(0);
}

// One tab's frames report at once; their read-modify-write of the same keys must not interleave.
const queues = new Map<number, Promise<unknown>>();
function serial<T>(tabId: number, task: () => Promise<T>): Promise<T> {
  const run = (queues.get(tabId) ?? Promise.resolve()).then(task, task);
  const tail = run.catch(() => {});
  queues.set(tabId, tail);
  void tail.then(() => queues.get(tabId) === tail && queues.delete(tabId));
  return run;
}

async function settle(store: SessionStore, tabId: number, frames: Map<number, TabResult>): Promise<TabResult | undefined> {
  const chosen = chooseFrame(frames);
  await store.set(framesKey(tabId), Object.fromEntries([...frames].map(([id, e]) => [String(id), e])));
  if (chosen) await store.set(tabKey(tabId), chosen);
  else await store.remove(tabKey(tabId));
  return chosen;
}

/** Takes one frame's report; returns the tab's result after it (undefined: the tab has none). */
export function acceptReport(store: SessionStore, entry: TabResult): Promise<TabResult | undefined> {
  const frameId = entry.frameId ?? 0;
  return serial(entry.tabId, async () => {
    const frames = await framesOf(store, entry.tabId);
    if (frameId === 0 || entry.result.isGuide) frames.set(frameId, entry);
    else frames.delete(frameId); // a frame that was a guide and is no longer one
    return settle(store, entry.tabId, frames);
  });
}

/**
 * After a navigation in the tab, drops the results of documents that are gone (a new page, or
 * a frame that navigated away) and keeps those still there (a pushState keeps its document).
 * `alive` asks the frame whether it still holds the document that sent the result.
 */
export function pruneGone(
  store: SessionStore,
  tabId: number,
  alive: (frameId: number, docId: string) => Promise<boolean>,
): Promise<TabResult | undefined> {
  return serial(tabId, async () => {
    const frames = await framesOf(store, tabId);
    for (const [id, e] of [...frames]) {
      if (!e.docId || !(await alive(id, e.docId).catch(() => false))) frames.delete(id);
    }
    return settle(store, tabId, frames);
  });
}

/** A reading failure whose document is gone (the tab went on to another page) is no longer the tab's. */
export async function pruneFailure(store: SessionStore, tabId: number, alive: (frameId: number, docId: string) => Promise<boolean>): Promise<void> {
  const f = TabFailure.safeParse(await store.get(failureKey(tabId)));
  if (!f.success) return;
  if (!f.data.docId || !(await alive(f.data.frameId, f.data.docId).catch(() => false))) await store.remove(failureKey(tabId));
}
