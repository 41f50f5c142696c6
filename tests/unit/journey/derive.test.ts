import { describe, expect, it } from 'vitest';
import { deriveJourney } from '@/lib/journey/derive';
import type { JourneyEvent } from '@/lib/journey/events';
import { a32Outcome, b1Outcome, genericPage } from '@/lib/journey/outcome';
import { DEFAULT_JOURNEY_SETTINGS as S } from '@/lib/journey/settings';

const J = 'journey-0001';
let n = 0;
const eid = () => `ev-${String(++n).padStart(6, '0')}`;
const O = 'http://127.0.0.1:8080';
type Page = Partial<Extract<JourneyEvent, { kind: 'page' }>>;
const start = (ts: number): JourneyEvent => ({ kind: 'start', eventId: eid(), ts, url: `${O}/guide.html`, title: '指南', by: 'entry', journeyId: J, tabId: 1 });
const click = (ts: number, text: string, o: { trusted?: boolean; href?: string; tabId?: number; via?: 'pointer' | 'enter' } = {}): JourneyEvent => ({
  kind: 'click', eventId: eid(), ts, url: `${O}/x`, title: 'x', trusted: o.trusted ?? true, via: o.via ?? 'pointer', entry: text === '在线办理',
  target: { tag: 'a', text, selector: 'a', ...(o.href ? { href: o.href } : {}) }, journeyId: J, tabId: o.tabId ?? 1,
});
const page = (ts: number, path: string, o: Page = {}): JourneyEvent => ({
  kind: 'page', eventId: eid(), ts, url: `${O}${path}`, title: path, nav: 'load', redirects: 0, login: null, form: null, offline: null, journeyId: J, tabId: 1, ...o,
} as JourneyEvent);

/** The fixture portal's journey: guide → 在线办理 (new tab, redirect) → login → 情形选择 (SPA route) → back → form. */
function portalJourney(): JourneyEvent[] {
  return [
    start(1000),
    click(1000, '在线办理', { href: `${O}/go/apply` }),
    { kind: 'tab', eventId: eid(), ts: 1010, url: '', title: '', opener: 1, journeyId: J, tabId: 2 },
    page(1100, '/login.html', { tabId: 2, redirects: 1, login: '网址含“/login”' }),
    click(1200, '登录', { tabId: 2 }),
    page(1300, '/situation.html', { tabId: 2 }),
    click(1400, '个人办理', { tabId: 2 }),
    page(1500, '/situation.html#/personal', { tabId: 2, nav: 'push' }),
    page(1600, '/situation.html', { tabId: 2, nav: 'traverse' }),
    click(1700, '企业办理', { tabId: 2 }),
    page(1800, '/form.html', { tabId: 2, form: '提交申请' }),
  ];
}

describe('deriveJourney: the counting definition', () => {
  it('counts the fixture journey exactly: 4 clicks, 5 pages, 1 login page, reached', () => {
    const d = deriveJourney(portalJourney(), S);
    expect({ clicks: d.clicks, pages: d.pages, loginPages: d.loginPages, status: d.status }).toEqual({ clicks: 4, pages: 5, loginPages: 1, status: 'reached' });
    const redirect = d.steps.find((s) => s.kind === 'redirect');
    expect(redirect).toMatchObject({ url: `${O}/go/apply`, counted: false });
  });

  it('gives the same figures for shuffled and duplicated events', () => {
    const events = portalJourney();
    const want = deriveJourney(events, S);
    for (let seed = 1; seed <= 20; seed++) {
      let x = seed;
      const rnd = () => ((x = (x * 16807) % 2147483647) / 2147483647);
      const messy = [...events, ...events.filter(() => rnd() < 0.5)].sort(() => rnd() - 0.5);
      const got = deriveJourney(messy, S);
      expect(got.steps.map((s) => s.eventId)).toEqual(want.steps.map((s) => s.eventId));
      expect([got.clicks, got.pages, got.loginPages]).toEqual([want.clicks, want.pages, want.loginPages]);
    }
  });

  it('keeps synthetic clicks in the path without counting them; Enter that submits counts', () => {
    const d = deriveJourney([start(0), click(0, '在线办理'), click(5, '自动跳转', { trusted: false }), page(10, '/a'), click(20, '', { via: 'enter' }), page(30, '/b')], S);
    expect(d.clicks).toBe(2);
    expect(d.steps.find((s) => s.clicked === '自动跳转')).toMatchObject({ counted: false });
  });

  it('does not count reloads or a replaceState on the same route, and stops at the submission page', () => {
    const d = deriveJourney([start(0), click(0, '在线办理'), page(10, '/a'), page(20, '/a', { nav: 'reload' }), page(30, '/a?x=1', { nav: 'replace' }), page(40, '/form', { form: '提交' }), click(50, '提交'), page(60, '/done')], S);
    expect([d.clicks, d.pages, d.status]).toEqual([1, 2, 'reached']);
  });

  it('a login form is not the submission page; a configured submission URL is', () => {
    const withLogin = deriveJourney([start(0), click(0, '在线办理'), page(10, '/login', { login: 'x', form: '登录' }), page(20, '/next')], S);
    expect(withLogin.status).toBe('open');
    const byUrl = deriveJourney([start(0), click(0, '在线办理'), page(10, '/declare/apply.do')], { submitUrls: ['/declare/'] });
    expect(byUrl.status).toBe('reached');
  });

  it('excluded steps are kept, not counted; undo restores them', () => {
    const events = [start(0), click(0, '在线办理'), click(5, '关闭弹窗'), page(10, '/form', { form: '提交' })];
    const ref = events[2]!.eventId;
    const ex: JourneyEvent = { kind: 'exclude', eventId: eid(), ts: 100, url: '', title: '', ref, reason: '评审人关闭广告弹窗', undo: false, journeyId: J, tabId: -1 };
    const d = deriveJourney([...events, ex], S);
    expect(d.clicks).toBe(1);
    expect(d.steps.find((s) => s.eventId === ref)).toMatchObject({ counted: false, excluded: '评审人关闭广告弹窗' });
    const undo: JourneyEvent = { ...ex, eventId: eid(), ts: 200, undo: true };
    expect(deriveJourney([...events, ex, undo], S).clicks).toBe(2);
  });

  it('a form that appears after the page view ends the journey there; marks end it too', () => {
    const p = page(10, '/apply');
    const f: JourneyEvent = { kind: 'form', eventId: eid(), ts: 20, url: p.url, title: '', page: p.eventId, form: '下一步', journeyId: J, tabId: 1 };
    expect(deriveJourney([start(0), click(0, '在线办理'), p, f, page(30, '/x')], S)).toMatchObject({ pages: 1, status: 'reached' });
    const m: JourneyEvent = { kind: 'mark', eventId: eid(), ts: 20, url: '', title: '', mark: 'interrupted', journeyId: J, tabId: -1 };
    expect(deriveJourney([start(0), click(0, '在线办理'), page(10, '/a'), m], S)).toMatchObject({ pages: 1, status: 'interrupted' });
  });
});

describe('A3-2 and B1 outcomes', () => {
  const j = (depth: number | null) => ({ journeyId: J, startedAt: 0, guide: { url: `${O}/guide.html`, title: '指南', itemName: null, itemCode: null, depth } });
  it('pass within budget, partial over budget', () => {
    const d = deriveJourney(portalJourney(), S);
    expect(a32Outcome(j(4), d, { ...S, clickBudget: 4 }).status).toBe('pass');
    const over = a32Outcome(j(4), d, S);
    expect(over.status).toBe('partial');
    expect(over.message).toContain('超出点击预算（3次）');
    expect(over.data).toMatchObject({ clicks: 4, pages: 5, loginPages: 1 });
  });

  it('全程网办 whose entry leads to the portal home page: B1 partial and A3-2 fail with the page as evidence', () => {
    const dead: JourneyEvent = { kind: 'mark', eventId: eid(), ts: 50, url: '', title: '', mark: 'dead-end', journeyId: J, tabId: -1 };
    const d = deriveJourney([start(0), click(0, '在线办理'), page(10, '/login.html', { login: 'x' }), click(20, '登录'), page(30, '/index.html', { title: '某省政务服务网' }), dead], S);
    const b1 = b1Outcome(j(4), d, S)!;
    expect(b1.status).toBe('partial');
    expect(b1.message).toContain('门户首页');
    expect(b1.evidence.selector).toBe(`${O}/index.html`);
    expect(a32Outcome(j(4), d, S)).toMatchObject({ status: 'fail' });
    expect(b1Outcome(j(3), d, S)).toBeNull();
  });

  it('全程网办 whose journey ends on a page sending the applicant to a window: B1 partial', () => {
    const d = deriveJourney([start(0), click(0, '在线办理'), page(10, '/item', { offline: '请携带材料到3号窗口办理' })], S);
    expect(b1Outcome(j(4), d, S)).toMatchObject({ status: 'partial', value: '请携带材料到3号窗口办理' });
  });

  it('abandoned is review; the generic-page test knows home and search pages', () => {
    const m: JourneyEvent = { kind: 'mark', eventId: eid(), ts: 20, url: '', title: '', mark: 'abandoned', journeyId: J, tabId: -1 };
    expect(a32Outcome(j(null), deriveJourney([start(0), m], S), S).status).toBe('review');
    expect(genericPage({ url: 'https://zwfw.example.gov.cn/', title: '' }, S)).toBe('门户首页');
    expect(genericPage({ url: 'https://x.gov.cn/portal/index.html', title: '' }, S)).toBe('门户首页');
    expect(genericPage({ url: 'https://x.gov.cn/search?keyword=a', title: '' }, S)).toContain('搜索页');
    expect(genericPage({ url: 'https://x.gov.cn/item/apply.html', title: '申报' }, S)).toBeNull();
  });
});

describe('client-side redirects', () => {
  it('a page that replaces itself at once without a click is a redirect hop, not a page (nor a login page)', () => {
    const d = deriveJourney([
      start(0), click(0, '在线办理'),
      page(100, '/jump.html'), // "正在跳转…"
      page(600, '/sso/check', { login: 'x' }), // already signed in: the identity service sends the browser on
      page(900, '/apply/list'),
      click(5000, '申请'),
      page(5200, '/apply/form', { form: '提交' }),
    ], S);
    expect([d.clicks, d.pages, d.loginPages]).toEqual([2, 2, 0]);
    expect(d.steps.filter((x) => x.kind === 'page' && !x.counted).map((x) => x.why)).toEqual(['页面自动跳走（客户端重定向），不计页面', '页面自动跳走（客户端重定向），不计页面']);
  });

  it('Back soon after a page loaded, or a page left after a while, still counts', () => {
    const d = deriveJourney([start(0), click(0, '在线办理'), page(100, '/a'), page(400, '/b', { nav: 'back_forward' }), page(9000, '/c')], S);
    expect(d.pages).toBe(3);
  });
});
