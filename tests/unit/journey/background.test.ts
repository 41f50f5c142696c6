import { beforeEach, describe, expect, it } from 'vitest';
import { handleMessage } from '@/lib/background/handler';
import { drainOutbox, onTabCreated, onTabRemoved, reconcile, type JourneyDeps } from '@/lib/background/journey';
import type { Captured } from '@/lib/journey/events';
import { DEFAULT_JOURNEY_SETTINGS } from '@/lib/journey/settings';
import { openStore } from '@/lib/store';
import { memoryStore } from '../../helpers';

const ORIGIN = 'chrome-extension://abc/';
let n = 0;
const uid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const O = 'http://127.0.0.1:9/';


describe('background journeys (IndexedDB + storage.session, no state in memory)', () => {
  let deps: JourneyDeps;
  let session: ReturnType<typeof memoryStore>;
  beforeEach(() => {
    session = memoryStore();
    const name = `t-${uid()}`;
    deps = { session, db: () => openStore({ name }), settings: async () => DEFAULT_JOURNEY_SETTINGS };
  });
  const fromTab = (tabId: number, event: Captured) => handleMessage({ type: 'journey/capture', event }, { tab: { id: tabId }, url: O }, session, { extensionOrigin: ORIGIN, journey: deps });
  const fromPage = (msg: unknown) => handleMessage(msg, { url: `${ORIGIN}journey.html` }, session, { extensionOrigin: ORIGIN, journey: deps });
  const click = (ts: number, text: string, guide = false): Captured => ({
    kind: 'click', eventId: uid(), ts, url: `${O}guide.html`, title: '指南', trusted: true, via: 'pointer', entry: text === '在线办理',
    target: { tag: 'a', text, selector: 'a' }, guide: guide ? { itemName: '事项', itemCode: null, depth: 4 } : null,
  });
  const page = (ts: number, path: string, form: string | null = null): Captured => ({ kind: 'page', eventId: uid(), ts, url: `${O}${path}`, title: path, nav: 'load', redirects: 0, login: null, form, offline: null });

  it('an entry click on a guide starts a journey; a new tab joins it; duplicates do not count twice', async () => {
    expect(await fromTab(1, page(1, 'before.html'))).toMatchObject({ ok: true, recorded: false });
    expect(await fromTab(1, click(2, '在线办理'))).toMatchObject({ ok: true, recorded: false }); // not a guide page
    const entry = click(10, '在线办理', true);
    const r = await fromTab(1, entry);
    expect(r).toMatchObject({ ok: true, recorded: true });
    await onTabCreated(deps, { id: 2, openerTabId: 1 });
    const p1 = page(20, 'a.html');
    await fromTab(2, p1);
    await fromTab(2, p1); // a retry
    await fromTab(1, entry);
    await fromTab(2, click(30, '下一步'));
    const list = await fromPage({ type: 'journey/list' });
    expect(list.ok && list.journeys).toHaveLength(1);
    const jid = (r as { journeyId: string }).journeyId;
    const got = await fromPage({ type: 'journey/get', journeyId: jid });
    expect(got.ok && got.journey).toMatchObject({ clicks: 2, pages: 1, status: 'open', journey: { guide: { depth: 4, itemName: '事项' } } });
    await fromTab(2, page(40, 'form.html', '提交'));
    const done = await fromPage({ type: 'journey/get', journeyId: jid });
    expect(done.ok && done.journey).toMatchObject({ clicks: 2, pages: 2, status: 'reached' });
    expect(done.ok && done.journey?.outcomes[0]).toMatchObject({ indicator: 'A3-2', status: 'pass' });
    // Recording stopped: later pages in the tab are not part of it.
    expect(await fromTab(2, page(50, 'after.html'))).toMatchObject({ recorded: false });
  });

  it('only our pages read or mark journeys; only tabs capture', async () => {
    expect(await handleMessage({ type: 'journey/list' }, { tab: { id: 1 }, url: O }, session, { extensionOrigin: ORIGIN, journey: deps })).toMatchObject({ ok: false });
    expect(await fromPage({ type: 'journey/capture', event: page(1, 'x') })).toMatchObject({ ok: false });
  });

  it('a journey no tab feeds any more (browser restart) is marked interrupted, with its steps', async () => {
    const r = (await fromTab(1, click(10, '在线办理', true))) as { journeyId: string };
    await fromTab(1, page(20, 'a.html'));
    await reconcile(deps); // worker restart: the tab is still in storage.session
    expect(((await fromPage({ type: 'journey/get', journeyId: r.journeyId })) as { journey: { status: string } }).journey.status).toBe('open');
    session.data.clear(); // browser restart: storage.session is empty
    await reconcile(deps);
    const got = (await fromPage({ type: 'journey/get', journeyId: r.journeyId })) as { journey: { status: string; pages: number; outcomes: { status: string }[] } };
    expect(got.journey).toMatchObject({ status: 'interrupted', pages: 1 });
    expect(got.journey.outcomes[0]).toMatchObject({ status: 'review' });
  });

  it('closing the last journey tab interrupts it; the reviewer can mark and exclude', async () => {
    const r = (await fromTab(3, click(10, '在线办理', true))) as { journeyId: string };
    const c = click(15, '广告');
    await fromTab(3, c);
    expect(await fromPage({ type: 'journey/exclude', journeyId: r.journeyId, ref: c.eventId, reason: '关闭广告' })).toMatchObject({ ok: true });
    expect(((await fromPage({ type: 'journey/get', journeyId: r.journeyId })) as { journey: { clicks: number } }).journey.clicks).toBe(1);
    expect(await fromPage({ type: 'journey/mark', journeyId: r.journeyId, mark: 'dead-end' })).toMatchObject({ ok: true });
    await onTabRemoved(deps, 3);
    const got = (await fromPage({ type: 'journey/get', journeyId: r.journeyId })) as { journey: { status: string } };
    expect(got.journey.status).toBe('dead-end');
  });

  it('events a stopped worker never got come in from the outbox once, only for tabs in a journey', async () => {
    const local = memoryStore();
    deps.outbox = { all: local.all, remove: async (keys) => keys.forEach((k) => local.data.delete(k)) };
    const r = (await fromTab(1, click(10, '在线办理', true))) as { journeyId: string; tabId: number };
    expect(r.tabId).toBe(1);
    const lost = click(20, '登录');
    local.data.set(`jout:${lost.eventId}`, { tabId: 1, event: lost });
    const stranger = click(21, '别的标签页');
    local.data.set(`jout:${stranger.eventId}`, { tabId: 9, event: stranger });
    local.data.set('jout:garbage', { tabId: 'x' });
    local.data.set('settings', { keep: true });
    await drainOutbox(deps);
    await drainOutbox(deps);
    await fromTab(1, lost); // the message arrives after all
    const got = (await fromPage({ type: 'journey/get', journeyId: r.journeyId })) as { journey: { clicks: number } };
    expect(got.journey.clicks).toBe(2);
    expect([...local.data.keys()]).toEqual(['settings']);
  });

  it('an event from before the end that arrives after it (a late outbox entry) still counts; later ones do not', async () => {
    const r = (await fromTab(1, click(10, '在线办理', true))) as { journeyId: string };
    const lateClick = click(30, '开始申报');
    await fromTab(1, page(40, 'form.html', '提交'));
    expect(await fromTab(1, lateClick)).toMatchObject({ recorded: true });
    expect(await fromTab(1, click(50, '提交'))).toMatchObject({ recorded: false });
    const got = (await fromPage({ type: 'journey/get', journeyId: r.journeyId })) as { journey: { clicks: number; status: string } };
    expect(got.journey).toMatchObject({ clicks: 2, status: 'reached' });
  });

  it('the reviewer starts a journey by hand in a tab: the guide comes from that tab\'s audit; clicks from then on count', async () => {
    const outcome = { indicator: 'B1', status: 'pass', value: '全程网办', message: '', hint: '', missing: [], found: [], data: { level: 4 }, evidence: {} };
    session.data.set('tab:5', { tabId: 5, receivedAt: 1, result: { url: `${O}guide.html`, title: '指南', isGuide: true, reason: '', item: { name: '事项甲', code: null }, outcomes: [outcome], auditedAt: 1, engine: 'test' } });
    const r = (await fromPage({ type: 'journey/start', tabId: 5 })) as { ok: boolean; journeyId: string };
    expect(r.ok).toBe(true);
    expect(await fromPage({ type: 'journey/start', tabId: 5 })).toMatchObject({ journeyId: r.journeyId });
    await fromTab(5, click(Date.now() + 10, '个人办事'));
    const got = (await fromPage({ type: 'journey/get', journeyId: r.journeyId })) as { journey: { clicks: number; journey: { guide: unknown } } };
    expect(got.journey.clicks).toBe(1);
    expect(got.journey.journey.guide).toMatchObject({ url: `${O}guide.html`, itemName: '事项甲', depth: 4 });
  });
});
