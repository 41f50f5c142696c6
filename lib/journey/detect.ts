import { urlMatches, type JourneySettings } from './settings';

/**
 * What a journey page is (DOM, no layout): what a click hit, whether it is the guide's online
 * entry, a login / identity page, an application form one can fill in and submit, or a page
 * that sends the applicant to a window. Pure functions of the document, tested under happy-dom.
 */

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const bare = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '');

const ACTIONABLE = [
  'a[href]', 'button', 'summary', 'area[href]',
  'input[type=submit]', 'input[type=button]', 'input[type=image]', 'input[type=reset]',
  '[role=button]', '[role=link]', '[role=tab]', '[role=menuitem]', '[onclick]',
].join(',');
const FIELD = 'input:not([type=submit]):not([type=button]):not([type=image]):not([type=reset]),textarea,select,option,label';

/**
 * The link or button a click landed on, or null (a click on text, a form field, empty space).
 * Portals also make clickable cards of plain elements with a pointer cursor; those count as buttons.
 */
export function actionableOf(target: Element | null): Element | null {
  if (!target) return null;
  const hit = target.closest(ACTIONABLE);
  if (hit) return hit;
  if (target.closest(FIELD)) return null;
  const view = target.ownerDocument.defaultView;
  let el: Element | null = target;
  for (let depth = 0; el && depth < 4 && el !== target.ownerDocument.body; depth++, el = el.parentElement) {
    if (view?.getComputedStyle(el).cursor === 'pointer') return el;
  }
  return null;
}

/** What a reviewer reads in the timeline for a clicked element. */
export function labelOf(el: Element): string {
  const input = el as HTMLInputElement;
  // A clickable wrapper may hold the whole page: read only the start of its text.
  const t = squash(el.getAttribute('aria-label')) || squash(el.textContent?.slice(0, 2000)) || squash(input.value) || squash(el.getAttribute('title')) || squash(el.getAttribute('alt'));
  return t.slice(0, 200);
}

/** A short CSS path (an id where there is one) that finds the element again. */
export function cssPath(el: Element): string {
  const parts: string[] = [];
  for (let e: Element | null = el; e && parts.length < 6; e = e.parentElement) {
    const tag = e.tagName.toLowerCase();
    if (e.id && /^[A-Za-z][\w-]*$/.test(e.id)) {
      parts.unshift(`${tag}#${e.id}`);
      break;
    }
    const same = e.parentElement ? [...e.parentElement.children].filter((c) => c.tagName === e!.tagName) : [];
    parts.unshift(same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(e) + 1})` : tag);
    if (tag === 'body') break;
  }
  return parts.join(' > ').slice(0, 1000);
}

/** The online-entry word the element carries (在线办理 …), if any. */
export function entryWord(el: Element, s: JourneySettings): string | undefined {
  const t = bare(labelOf(el));
  if (t.length > 20) return undefined; // a paragraph that mentions 网上办理 is not the entry button
  return s.entryWords.find((w) => t.includes(w));
}

function roots(doc: Document): Document[] {
  const out = [doc];
  // Same-origin frames only: the application form may sit in a frame of the page that reached it.
  for (const f of doc.querySelectorAll('iframe, frame')) {
    try {
      const d = (f as HTMLIFrameElement).contentDocument;
      if (d?.body && out.length < 8) out.push(d);
    } catch {
      /* cross-origin: not ours to read */
    }
  }
  return out;
}

const hasPassword = (root: ParentNode) => !!root.querySelector('input[type=password]');

/** Why the page is a login / identity page, or null. */
export function loginSign(doc: Document, url: string, s: JourneySettings): string | null {
  const byUrl = urlMatches(url, s.loginUrls);
  if (byUrl) return `网址含“${byUrl}”`;
  const title = bare(doc.title);
  const inTitle = s.loginWords.find((w) => title.includes(w));
  if (inTitle) return `标题含“${inTitle}”`;
  for (const root of roots(doc)) {
    if (!hasPassword(root)) continue;
    const heads = [...root.querySelectorAll('h1,h2,h3,h4,legend,button,input[type=submit],[role=button],a')].map((e) => bare(labelOf(e)));
    const w = s.loginWords.find((word) => heads.some((h) => h.length <= 12 && h.includes(word)));
    if (w) return `密码输入框和“${w}”`;
  }
  return null;
}

const TEXT_FIELD = 'input:not([type]),input[type=text],input[type=tel],input[type=email],input[type=number],input[type=date],input[type=file],input[type=url],textarea,select';
const SUBMIT = 'button,input[type=submit],input[type=button],a,[role=button]';

/**
 * The application form on the page: a form (or, on pages without one, the document) with at
 * least two fields to fill in and a submit control (提交 / 申报 / 下一步 …). A login form (one with
 * a password field) is not an application form; a search box is not one either (one field).
 * Returns the submit control's text, or null.
 */
export function applicationForm(doc: Document, s: JourneySettings): string | null {
  for (const root of roots(doc)) {
    const forms = [...root.querySelectorAll('form')];
    const containers: ParentNode[] = forms.length ? forms : [root];
    if (forms.length && !forms.some((f) => f.querySelector(TEXT_FIELD))) containers.push(root);
    for (const c of containers) {
      if (hasPassword(c)) continue;
      const fields = [...c.querySelectorAll(TEXT_FIELD)].filter((f) => !(f as HTMLElement).hidden && (f as HTMLInputElement).type !== 'hidden' && !f.closest('[hidden]'));
      if (fields.length < 2) continue;
      for (const b of c.querySelectorAll(SUBMIT)) {
        const t = bare(labelOf(b));
        if (t.length > 8) continue;
        const w = s.submitWords.find((word) => t.includes(word));
        if (w) return t;
      }
    }
  }
  return null;
}

// "请携带…到…窗口办理", "需到政务服务中心现场提交": the page sends the applicant to a window.
const OFFLINE = /(?:请|需|须|应)[^。！!？?\n]{0,24}?(?:携带|持|到|前往|至)[^。！!？?\n]{0,40}?(?:窗口|大厅|服务中心|现场)[^。！!？?\n]{0,16}?(?:办理|提交|递交|申请|受理)/;

/** Text on the page telling the applicant to come in person, or null. */
export function offlineText(doc: Document): string | null {
  const t = squash((doc.body?.textContent ?? '').slice(0, 200_000));
  return OFFLINE.exec(t)?.[0].slice(0, 300) ?? null;
}
