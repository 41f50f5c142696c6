import { describe, expect, it } from 'vitest';
import { pruneFailure } from '@/lib/background/frames';
import { badgeText, handleMessage } from '@/lib/background/handler';
import { auditHtml, guide, memoryStore, snapshotOf } from '../helpers';

const ORIGIN = 'chrome-extension://abc/';
const hooks = { extensionOrigin: ORIGIN };

describe('background message handling', () => {
  it('keeps the latest result per tab and serves it to our own pages', async () => {
    const store = memoryStore();
    const reported = await handleMessage({ type: 'audit/report', snapshot: snapshotOf(guide({})) }, { tab: { id: 7 }, url: 'http://127.0.0.1/g.html' }, store, hooks);
    // the background judges the indicators on the snapshot and answers with the result
    expect(reported).toEqual({ ok: true, audit: expect.objectContaining({ isGuide: true }) });
    expect(reported.ok && reported.audit?.outcomes.map((o) => o.status)).toEqual(auditHtml(guide({})).outcomes.map((o) => o.status));
    const reply = await handleMessage({ type: 'audit/get', tabId: 7 }, { url: `${ORIGIN}popup.html` }, store, hooks);
    expect(reply.ok && reply.result?.result.item.name).toBe('个体工商户设立登记');
    expect(reply.ok && reply.result?.tabId).toBe(7);
  });

  it('keeps a frame’s reading failure for our pages until that frame reports again', async () => {
    const store = memoryStore();
    const page = { tab: { id: 7 }, frameId: 0, url: 'http://127.0.0.1/g.html' };
    expect(await handleMessage({ type: 'audit/failed', error: 'TypeError: boom' }, page, store, hooks)).toEqual({ ok: true });
    const reply = await handleMessage({ type: 'audit/get', tabId: 7 }, { url: `${ORIGIN}popup.html` }, store, hooks);
    expect(reply).toMatchObject({ ok: true, result: null, failure: { tabId: 7, error: 'TypeError: boom', frameId: 0 } });
    // another frame's report leaves it; the failing frame's own next report clears it
    await handleMessage({ type: 'audit/report', snapshot: snapshotOf('<p>广告</p>') }, { ...page, frameId: 3 }, store, hooks);
    expect(await handleMessage({ type: 'audit/get', tabId: 7 }, { url: `${ORIGIN}popup.html` }, store, hooks)).toMatchObject({ failure: { error: 'TypeError: boom' } });
    await handleMessage({ type: 'audit/report', snapshot: snapshotOf(guide({})) }, page, store, hooks);
    expect(await handleMessage({ type: 'audit/get', tabId: 7 }, { url: `${ORIGIN}popup.html` }, store, hooks)).not.toHaveProperty('failure');
    // only a tab's content script reports one, and a hostile error text is bounded
    expect(await handleMessage({ type: 'audit/failed', error: 'x' }, { url: `${ORIGIN}popup.html` }, store, hooks)).toMatchObject({ ok: false });
    expect(await handleMessage({ type: 'audit/failed', error: 'x'.repeat(501) }, page, store, hooks)).toEqual({ ok: false, error: 'invalid message' });
  });

  it('drops a failure once its document is gone from the tab (the reviewer went on to another page)', async () => {
    const store = memoryStore();
    const page = { tab: { id: 7 }, frameId: 0, url: 'http://127.0.0.1/g.html' };
    await handleMessage({ type: 'audit/failed', error: 'TypeError: boom', docId: 'doc-1' }, page, store, hooks);
    await pruneFailure(store, 7, async (_frame, docId) => docId === 'doc-1'); // still there
    expect(store.data.has('failure:7')).toBe(true);
    await pruneFailure(store, 7, async () => false); // a new page answers with another docId, or none
    expect(store.data.has('failure:7')).toBe(false);
  });

  it('rejects malformed messages, reports from no tab, and reads from web pages', async () => {
    const store = memoryStore();
    expect(await handleMessage({ type: 'audit/report', snapshot: { isGuide: 'yes' } }, { tab: { id: 1 } }, store, hooks)).toEqual({ ok: false, error: 'invalid message' });
    expect(await handleMessage('<img src=x onerror=alert(1)>', { tab: { id: 1 } }, store, hooks)).toEqual({ ok: false, error: 'invalid message' });
    expect(await handleMessage({ type: 'audit/report', snapshot: snapshotOf(guide({})) }, { url: `${ORIGIN}popup.html` }, store, hooks)).toMatchObject({ ok: false });
    expect(await handleMessage({ type: 'audit/get', tabId: 1 }, { tab: { id: 1 }, url: 'https://www.gdzwfw.gov.cn/' }, store, hooks)).toEqual({ ok: false, error: 'not allowed' });
    expect(store.data.size).toBe(0);
  });

  it('badges the number of indicators that need work, nothing for a non-guide', () => {
    const r = auditHtml(guide({ 法定办结时限: '20日', 承诺办结时限: '__omit__' }));
    const needWork = r.outcomes.filter((o) => o.status === 'fail' || o.status === 'partial').length;
    expect(badgeText(r)).toBe(String(needWork));
    expect(badgeText(auditHtml('<p>通知公告</p>'))).toBe('');
  });
});
