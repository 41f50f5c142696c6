import { describe, expect, it } from 'vitest';
import { acceptReport, framesKey, pruneGone } from '@/lib/background/frames';
import { handleMessage } from '@/lib/background/handler';
import { frameReporter } from '@/lib/content/frame-reporter';
import { TabResult, tabKey } from '@/lib/messages';
import { auditHtml, guide, memoryStore, snapshotOf } from '../helpers';

const hooks = { extensionOrigin: 'chrome-extension://abc/' };
const notGuidePage = '<p>某省政务服务网 首页</p>';
const fullGuidePage = guide({ 办理地点: '某市某路1号', 咨询电话: '0000-12345678' });
const notGuide = auditHtml(notGuidePage);
const fullGuide = auditHtml(fullGuidePage);
const thinGuide = auditHtml(guide({ 承诺办结时限: '__omit__' }));
const tabOf = (store: ReturnType<typeof memoryStore>, id = 5) => TabResult.parse(store.data.get(tabKey(id)));

describe("a tab's result comes from its guide frame", () => {
  it('a non-guide top page never replaces a guide found in a frame; the frame is named', async () => {
    const store = memoryStore();
    await handleMessage({ type: 'audit/report', snapshot: snapshotOf(fullGuidePage), docId: 'f' }, { tab: { id: 5 }, frameId: 3, url: 'http://other/guide.html' }, store, hooks);
    await handleMessage({ type: 'audit/report', snapshot: snapshotOf(notGuidePage), docId: 't' }, { tab: { id: 5 }, frameId: 0, url: 'http://top/' }, store, hooks);
    expect(tabOf(store)).toMatchObject({ frameId: 3, frameUrl: 'http://other/guide.html', docId: 'f' });
    expect(tabOf(store).result.isGuide).toBe(true);
  });

  it('with several guide frames, the one showing the most elements wins; a frame that stops being a guide gives way', async () => {
    const store = memoryStore();
    await acceptReport(store, { tabId: 5, frameId: 1, result: thinGuide, receivedAt: 1 });
    await acceptReport(store, { tabId: 5, frameId: 2, result: fullGuide, receivedAt: 2 });
    await acceptReport(store, { tabId: 5, frameId: 1, result: thinGuide, receivedAt: 3 });
    expect(tabOf(store).frameId).toBe(2);
    await acceptReport(store, { tabId: 5, frameId: 2, result: notGuide, receivedAt: 4 });
    expect(tabOf(store).frameId).toBe(1);
    await acceptReport(store, { tabId: 5, frameId: 1, result: notGuide, receivedAt: 5 });
    expect(store.data.has(tabKey(5))).toBe(false);
  });

  it('after a navigation, results of documents still there are kept (pushState) and the others dropped', async () => {
    const store = memoryStore();
    await acceptReport(store, { tabId: 5, frameId: 0, result: fullGuide, receivedAt: 1, docId: 'same' });
    expect((await pruneGone(store, 5, async (_f, id) => id === 'same'))?.docId).toBe('same');
    expect(tabOf(store).docId).toBe('same');
    expect(await pruneGone(store, 5, async () => { throw new Error('no receiver'); })).toBeUndefined();
    expect(store.data.has(tabKey(5))).toBe(false);
    expect(store.data.get(framesKey(5))).toEqual({});
  });

  it('frames that are not guides stay silent, but say once that they stopped being one', () => {
    const sent: boolean[] = [];
    const inFrame = frameReporter(false, (_s, isGuide) => sent.push(isGuide));
    inFrame(notGuide, false);
    inFrame(fullGuide, true);
    inFrame(notGuide, false);
    inFrame(notGuide, false);
    expect(sent).toEqual([true, false]);
    const top = frameReporter(true, (_s, isGuide) => sent.push(isGuide));
    top(notGuide, false);
    expect(sent).toEqual([true, false, false]);
  });
});
