import type { Outcome } from '../outcome';
import type { Derived, Step } from './derive';
import type { Journey } from './events';
import { urlMatches, type JourneySettings } from './settings';

/**
 * The journey's outcomes: A3-2 引导便捷度 (rule book wording: pass = reached within the click
 * budget, partial = reached over budget, fail = not reached, review = abandoned) and B1 网办深度
 * checked against what the journey met (a guide claiming 全程网办 whose online entry leads to a
 * generic portal page, or whose journey ends on a page sending the applicant to a window).
 */

const ROOT = /^\/(?:(?:portal|web|www|home|zwfw|index)\/?)?(?:(?:index|home|default|main|portal)(?:\.\w{2,6})?)?\/?$/i;

/** Why this page is a generic portal page (home or search) rather than the item's own, or null. */
export function genericPage(step: Pick<Step, 'url' | 'title'>, s: Pick<JourneySettings, 'genericUrls'>): string | null {
  let path = '';
  try {
    path = new URL(step.url).pathname;
  } catch {
    return null;
  }
  if (ROOT.test(path)) return '门户首页';
  const m = urlMatches(step.url, s.genericUrls);
  if (m) return `搜索页（网址含“${m}”）`;
  if (/搜索结果|检索结果|站内搜索/.test(step.title)) return '搜索页';
  if (/(?:^|[-_|·\s])首页$|^首页(?:[-_|·\s]|$)/.test(step.title.trim())) return '门户首页';
  return null;
}

const base = (indicator: string) => ({ indicator, value: '', hint: '', missing: [] as string[], found: [] as string[] });

/** A3-2 for one journey. `review` while it is still open or was interrupted. */
export function a32Outcome(j: Pick<Journey, 'journeyId'>, d: Derived, s: Pick<JourneySettings, 'clickBudget' | 'genericUrls'>): Outcome {
  const counts = `${d.clicks}次点击、${d.pages}个页面（其中登录/身份认证页${d.loginPages}个）`;
  const data = { clicks: d.clicks, pages: d.pages, loginPages: d.loginPages, budget: s.clickBudget, journeyId: j.journeyId, status: d.status };
  const end = d.lastPage;
  const evidence = end ? { selector: end.url.slice(0, 2000), label: end.title.slice(0, 200) } : {};
  const o = (status: Outcome['status'], message: string, hint = ''): Outcome => ({ ...base('A3-2'), status, message, hint: status === 'pass' ? '' : hint, data, evidence, value: end?.url.slice(0, 500) ?? '' });
  switch (d.status) {
    case 'reached':
      return d.clicks <= s.clickBudget
        ? o('pass', `在点击预算（${s.clickBudget}次）内到达在线提交页面：${counts}`)
        : o('partial', `到达在线提交页面，但超出点击预算（${s.clickBudget}次）：${counts}`, '缩短从办事指南到在线申报的路径（网上办理入口直达本事项申报页）');
    case 'dead-end':
    case 'open':
    case 'interrupted': {
      if (d.status === 'open') return o('review', `办事路径尚在记录中：已${counts}`, '走到在线提交页面，或标记为死路/放弃');
      if (d.status === 'interrupted') return o('review', `办事路径被中断（浏览器关闭或扩展重载），未到达在线提交页面：已${counts}`, '重新走一遍办事路径');
      const generic = d.landing && genericPage(d.landing, s);
      return o('fail', generic ? `未到达在线提交页面：网上办理入口打开的是${generic}，不是本事项的申报页面（${counts}）` : `未到达在线提交页面（死路或链接失效）：${counts}`, '网上办理入口应直达本事项的在线申报页面');
    }
    case 'abandoned':
      return o('review', `评审人放弃了办事路径，需人工核查：已${counts}`, '重新走一遍办事路径，或说明放弃原因');
  }
}

/**
 * B1 against reality, or null when the journey has nothing to say (the guide does not claim
 * 全程网办, or the journey is still open without evidence either way).
 */
export function b1Outcome(j: Journey, d: Derived, s: Pick<JourneySettings, 'genericUrls'>): Outcome | null {
  if (j.guide.depth !== 4) return null;
  const data = { level: 4, journeyId: j.journeyId, clicks: d.clicks, pages: d.pages };
  const mk = (status: Outcome['status'], message: string, page: Step | undefined, value: string, missing: string[] = []): Outcome => ({
    ...base('B1'), status, message, missing, data, value: value.slice(0, 500),
    hint: status === 'pass' ? '' : '网办深度与实际办理路径保持一致：全程网办应能从网上办理入口直达在线申报并提交',
    evidence: page ? { selector: page.url.slice(0, 2000), label: page.title.slice(0, 200) } : {},
  });
  const generic = d.landing && genericPage(d.landing, s);
  if (d.landing && generic) {
    return mk('partial', `写明全程网办（Ⅳ级），但网上办理入口打开的是${generic}“${d.landing.title || d.landing.url}”（${d.landing.url}），不是本事项的申报页面`, d.landing, d.landing.url, ['item-form']);
  }
  const offline = [...d.steps].reverse().find((st) => st.kind === 'page' && st.counted && st.offline);
  if (offline && (d.status !== 'reached' || offline === d.lastPage)) {
    return mk('partial', `写明全程网办（Ⅳ级），但办事路径在“${offline.title || offline.url}”页面要求到现场办理：“${offline.offline}”`, offline, offline.offline ?? '', ['online-submission']);
  }
  if (d.status === 'reached') return mk('pass', `写明全程网办（Ⅳ级），办事路径到达在线提交页面（${d.clicks}次点击、${d.pages}个页面）`, d.lastPage, d.lastPage?.url ?? '');
  return null;
}
