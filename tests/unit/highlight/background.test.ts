import { describe, expect, it } from 'vitest';
import { handleMessage } from '@/lib/background/handler';
import { checkTabLinks, type NetAccess } from '@/lib/background/linkcheck';
import type { ContentMessage, FormLink } from '@/lib/highlight/messages';
import { tabKey } from '@/lib/messages';
import { auditHtml, guide, materialsTable, memoryStore, snapshotOf } from '../../helpers';


const ORIGIN = 'chrome-extension://abc/';
const PANEL = { url: `${ORIGIN}sidepanel.html` };
const page = guide({}, materialsTable([['个体工商户登记申请书', '<a href="/f/a.docx">下载</a>', '<a href="/f/a-yb.docx">下载</a>']]));
const result = auditHtml(page);
const snapshot = snapshotOf(page);
const LINKS: FormLink[] = [
  { material: '个体工商户登记申请书', text: '下载', href: '/f/a-yb.docx', path: 'td > a' },
  { material: '个体工商户登记申请书', text: '下载', href: 'http://other.example/x.docx', path: 'td > a:nth-of-type(2)' },
];

/** A fake tab and network: records what was sent to the page and every request made. */
function fakeNet(o: { granted: boolean; answer?: (url: string, init: RequestInit) => Response }) {
  const sent: ContentMessage[] = [];
  const requests: { url: string; method?: string; range?: string }[] = [];
  const net: NetAccess = {
    contains: async () => o.granted,
    sendToTab: async (_tabId, m) => {
      sent.push(m);
      if (m.type === 'links/list') return { links: LINKS };
      if (m.type === 'highlight/draw') return { drawn: m.marks.length, notes: [], rects: [] };
      return { removed: true };
    },
    fetch: async (url, init) => {
      requests.push({ url, method: init.method, range: (init.headers as Record<string, string> | undefined)?.Range });
      return o.answer!(url, init);
    },
  };
  return { net, sent, requests };
}

async function storeWithResult() {
  const store = memoryStore();
  await store.set(tabKey(3), { tabId: 3, result, receivedAt: 1 });
  return store;
}

describe('link check in the background', () => {
  it('without the host permission: asks for it and makes no request at all', async () => {
    const store = await storeWithResult();
    const { net, requests, sent } = fakeNet({ granted: false });
    expect(await checkTabLinks({ type: 'links/check', tabId: 3, indicator: 'E4-2' }, store, net)).toEqual({ ok: false, error: 'permission', origin: 'http://127.0.0.1/*' });
    expect(requests).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('HEAD refused: a ranged GET; a 404 there makes E4-2 partial in the stored result', async () => {
    const store = await storeWithResult();
    const { net, requests } = fakeNet({ granted: true, answer: (_u, init) => new Response(null, { status: init.method === 'HEAD' ? 405 : 404 }) });
    const reported: string[] = [];
    const reply = await checkTabLinks({ type: 'links/check', tabId: 3, indicator: 'E4-2' }, store, net, (_t, r) => reported.push(r.outcomes.find((o) => o.indicator === 'E4-2')!.status));
    expect(requests).toEqual([
      { url: 'http://127.0.0.1/f/a-yb.docx', method: 'HEAD', range: undefined },
      { url: 'http://127.0.0.1/f/a-yb.docx', method: 'GET', range: 'bytes=0-1023' },
    ]);
    expect(reply.ok && reply.links.checked.map((c) => c.verdict)).toEqual(['broken', 'skipped']);
    expect(reply.ok && reply.links.outcome.status).toBe('partial');
    expect(reported).toEqual(['partial']); // the badge follows
    const stored = store.data.get(tabKey(3)) as { result: typeof result };
    expect(stored.result.outcomes.find((o) => o.indicator === 'E4-2')!.status).toBe('partial');
    expect(stored.result.outcomes.find((o) => o.indicator === 'E4-1')!.status).toBe('pass');

    // The same page reported again (it changed): the finding is kept; another page starts clean.
    await handleMessage({ type: 'audit/report', snapshot }, { tab: { id: 3 }, url: result.url }, store, { extensionOrigin: ORIGIN });
    expect((store.data.get(tabKey(3)) as { result: typeof result }).result.outcomes.find((o) => o.indicator === 'E4-2')!.status).toBe('partial');
    await handleMessage({ type: 'audit/report', snapshot: { ...snapshot, url: 'http://127.0.0.1/other.html' } }, { tab: { id: 3 }, url: result.url }, store, { extensionOrigin: ORIGIN });
    expect((store.data.get(tabKey(3)) as { result: typeof result }).result.outcomes.find((o) => o.indicator === 'E4-2')!.status).toBe('pass');
  });

  it('a network failure on both requests: unreachable, counted as not downloadable', async () => {
    const store = await storeWithResult();
    const { net } = fakeNet({ granted: true, answer: () => { throw new TypeError('Failed to fetch'); } });
    const reply = await checkTabLinks({ type: 'links/check', tabId: 3, indicator: 'E4-2' }, store, net);
    expect(reply.ok && reply.links.checked[0]).toMatchObject({ verdict: 'unreachable', status: 0 });
  });
});

describe('highlight messages', () => {
  it('are taken from our own pages only, and drawn from the stored result', async () => {
    const store = await storeWithResult();
    const { net, sent } = fakeNet({ granted: false });
    const hooks = { extensionOrigin: ORIGIN, net };
    expect(await handleMessage({ type: 'highlight/show', tabId: 3, indicator: 'E1-1' }, { tab: { id: 3 }, url: result.url }, store, hooks)).toEqual({ ok: false, error: 'not allowed' });
    expect(await handleMessage({ type: 'links/check', tabId: 3, indicator: 'E4-2' }, { url: 'https://evil.example/' }, store, hooks)).toEqual({ ok: false, error: 'not allowed' });
    expect(sent).toEqual([]);

    const reply = await handleMessage({ type: 'highlight/show', tabId: 3, indicator: 'E1-1' }, PANEL, store, hooks);
    expect(reply).toMatchObject({ ok: true, highlight: { drawn: 1 } });
    // Every frame drops old outlines, then the audited frame draws.
    expect(sent[0]).toEqual({ type: 'highlight/remove' });
    expect(sent[1]).toMatchObject({ type: 'highlight/draw', url: result.url, scroll: true, marks: [{ indicator: 'E1-1', kind: 'found', status: 'pass' }] });
    await handleMessage({ type: 'highlight/all', tabId: 3, on: false }, PANEL, store, hooks);
    expect(sent[2]).toEqual({ type: 'highlight/remove' });
    expect(await handleMessage({ type: 'highlight/all', tabId: 9, on: true }, PANEL, store, hooks)).toMatchObject({ ok: false });
  });

  it('a tab with no content script gets a clear message, not a throw', async () => {
    const store = await storeWithResult();
    const net: NetAccess = { contains: async () => true, fetch: async () => new Response(), sendToTab: async () => { throw new Error('Could not establish connection'); } };
    const reply = await handleMessage({ type: 'highlight/show', tabId: 3, indicator: 'E1-1' }, PANEL, store, { extensionOrigin: ORIGIN, net });
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('页面没有响应') });
  });
});
