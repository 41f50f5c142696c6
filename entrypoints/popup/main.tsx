import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Scorecard } from '@/components/Scorecard';
import { TabResult, tabKey, type Message } from '@/lib/messages';

/** The tab to show: `?tab=<id>` (a scorecard opened in its own tab), else the active tab. */
async function targetTab(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery >= 0 && location.search.includes('tab=')) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function App() {
  const [state, setState] = useState<{ loading: boolean; entry?: TabResult | null; error?: string }>({ loading: true });
  useEffect(() => {
    let tabId: number | undefined;
    const load = async () => {
      tabId ??= await targetTab();
      if (tabId === undefined) return setState({ loading: false, entry: null });
      const msg: Message = { type: 'audit/get', tabId };
      const reply = (await browser.runtime.sendMessage(msg)) as { ok: boolean; result?: unknown; error?: string };
      const entry = reply?.ok && reply.result ? TabResult.safeParse(reply.result) : undefined;
      setState({ loading: false, entry: entry?.success ? entry.data : null, error: reply?.ok ? undefined : reply?.error });
    };
    load().catch((e: unknown) => setState({ loading: false, error: String(e) }));
    // Portals fill guides after load: follow the background's newer results for this tab.
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && tabId !== undefined && tabKey(tabId) in changes) void load();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  if (state.loading) return <p>正在读取审核结果… Loading…</p>;
  if (state.error) return <p role="alert">读取结果失败：{state.error}</p>;
  if (!state.entry) {
    return (
      <section data-testid="no-result">
        <p>此页面没有审核结果：不在门户网站范围内，或页面尚未加载完成。</p>
        <p class="en">No audit for this page: it is not on a portal host, or it has not finished loading.</p>
      </section>
    );
  }
  return (
    <>
      {!!state.entry.frameId && (
        <p class="frame" data-testid="frame">来自页面内的框架 From a frame in the page: {state.entry.frameUrl ?? ''}</p>
      )}
      <Scorecard result={state.entry.result} />
    </>
  );
}

function Shell() {
  return (
    <>
      <App />
      <p class="links">
        <a href="#" onClick={(e) => { e.preventDefault(); void browser.runtime.openOptionsPage(); }}>设置 Settings</a>
      </p>
    </>
  );
}

render(<Shell />, document.getElementById('app')!);
