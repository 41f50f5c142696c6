import { describe, expect, it } from 'vitest';
import { actionableOf, applicationForm, cssPath, entryWord, loginSign, offlineText } from '@/lib/journey/detect';
import { DEFAULT_JOURNEY_SETTINGS as S, JourneySettings, parseJourneySettings, urlMatches } from '@/lib/journey/settings';

const doc = (html: string, title = '') => {
  const d = document.implementation.createHTMLDocument('');
  d.title = title;
  d.body.innerHTML = html;
  return d;
};

describe('journey page detection', () => {
  it('finds the link or button a click hit, not form fields or text', () => {
    const d = doc('<p id="p">说明 <a href="/x"><span id="s">在线办理</span></a></p><input id="i" type="text"><button id="b">查询</button>');
    expect(actionableOf(d.getElementById('s'))?.tagName).toBe('A');
    expect(actionableOf(d.getElementById('i'))).toBeNull();
    expect(actionableOf(d.getElementById('b'))?.tagName).toBe('BUTTON');
    expect(actionableOf(d.getElementById('p'))).toBeNull();
    expect(cssPath(d.getElementById('s')!)).toBe('span#s');
    expect(cssPath(d.querySelector('a')!)).toBe('p#p > a');
  });

  it('knows the online entry by its words, not a paragraph that mentions them', () => {
    const d = doc('<a id="a" href="#">我要办</a><a id="b" href="#">本事项支持网上办理，请先阅读以下须知后再提交申请材料</a>');
    expect(entryWord(d.getElementById('a')!, S)).toBe('我要办');
    expect(entryWord(d.getElementById('b')!, S)).toBeUndefined();
  });

  it('marks login pages by URL, title, or a password field with a login word; a header 登录 link is not one', () => {
    expect(loginSign(doc(''), 'https://tyrz.example.gov.cn/portal', S)).toContain('tyrz');
    expect(loginSign(doc('', '某省统一身份认证平台'), 'https://x.gov.cn/a', S)).toContain('统一身份认证');
    expect(loginSign(doc('<h2>用户登录</h2><input type="password"><button>登 录</button>'), 'https://x.gov.cn/a', S)).toContain('密码输入框');
    expect(loginSign(doc('<a href="/login">登录</a> <a>注册</a><h1>办事指南</h1>'), 'https://x.gov.cn/bszn/1.html', S)).toBeNull();
  });

  it('an application form has fields to fill in and a submit control; login forms and search boxes are not', () => {
    expect(applicationForm(doc('<form><input name="a"><textarea name="b"></textarea><button type="submit">提交申请</button></form>'), S)).toBe('提交申请');
    expect(applicationForm(doc('<div><input><select><option>1</option></select><a role="button">下一步</a></div>'), S)).toBe('下一步');
    expect(applicationForm(doc('<form><input name="u"><input type="password"><input name="code"><button>提交</button></form>'), S)).toBeNull();
    expect(applicationForm(doc('<form><input name="q"><button>搜索</button></form>'), S)).toBeNull();
    expect(applicationForm(doc('<label><input type="radio" name="s">个人</label><label><input type="radio" name="s">企业</label><button>下一步</button>'), S)).toBeNull();
  });

  it('finds text sending the applicant to a window', () => {
    expect(offlineText(doc('<p>本事项暂不支持网上申报，请携带申请材料到政务服务中心3号窗口办理。</p>'))).toContain('窗口办理');
    expect(offlineText(doc('<p>网上申报，全程网办。</p>'))).toBeNull();
  });

  it('settings fall back to defaults field by field; URL patterns are substrings or re:', () => {
    const s = parseJourneySettings({ clickBudget: 5, loginWords: 'oops', submitUrls: ['re:^https://sb\\.'] });
    expect(s.clickBudget).toBe(5);
    expect(s.loginWords).toEqual(S.loginWords);
    expect(urlMatches('https://sb.example.gov.cn/a', s.submitUrls)).toBeTruthy();
    expect(urlMatches('https://x/cas/login', ['/cas/'])).toBe('/cas/');
    expect(urlMatches('https://x/a', ['re:('])).toBeUndefined();
  });
});

describe('journey settings parsed by hand (the content script has no zod)', () => {
  it('keeps a field exactly when the schema accepts it', () => {
    const cases: [string, unknown][] = [
      ['clickBudget', 3], ['clickBudget', 0], ['clickBudget', 51], ['clickBudget', 2.5], ['clickBudget', '3'],
      ['entryWords', ['在线办理']], ['entryWords', ['办']], ['entryWords', ['一二三四五六七八九十一二三四五六七八九十一']], ['entryWords', 'x'],
      ['loginUrls', ['/login']], ['loginUrls', ['x'.repeat(201)]], ['genericUrls', Array.from({ length: 101 }, () => '/s')], ['submitUrls', [1]],
    ];
    for (const [key, value] of cases) {
      const byHand = (parseJourneySettings({ [key]: value }) as Record<string, unknown>)[key];
      const bySchema = JourneySettings.shape[key as keyof typeof JourneySettings.shape].safeParse(value);
      expect(byHand, `${key} = ${JSON.stringify(value)}`).toEqual(bySchema.success ? bySchema.data : (S as Record<string, unknown>)[key]);
    }
  });
});

describe('event ids', () => {
  it('are v4 UUIDs also where crypto.randomUUID is missing (plain-http portals)', async () => {
    const { newEventId } = await import('@/lib/journey/events');
    const ids = new Set(Array.from({ length: 200 }, () => newEventId({ getRandomValues: (a) => crypto.getRandomValues(a) })));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
