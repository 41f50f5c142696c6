import type { Outcome } from './outcome';
import type { FormLink, LinkStatus } from './highlight/messages';

/**
 * The link check's pure parts (issue 8 item 5): which form links may be checked, what an HTTP
 * answer means for a link that promised a document, and how the findings change E4-1 / E4-2.
 * The requests themselves are made by lib/background/linkcheck.ts, only on the user's click.
 */

/** The host permission pattern that covers a page's own host (any port). */
export function originPattern(pageUrl: string): string | null {
  try {
    const u = new URL(pageUrl);
    return /^https?:$/.test(u.protocol) ? `${u.protocol}//${u.hostname}/*` : null;
  } catch {
    return null;
  }
}

export interface Planned {
  link: FormLink;
  /** Absolute URL to request; absent when the link is not checked (see `skipped`). */
  url?: string;
  skipped?: string;
}

/**
 * Each distinct link, resolved against the page: only http(s) links on the page's own host are
 * requested; the others are listed as not checked, with the reason.
 */
export function linksToCheck(links: FormLink[], pageUrl: string): Planned[] {
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return links.map((link) => ({ link, skipped: '页面地址无效，未检查 / page URL invalid' }));
  }
  const seen = new Set<string>();
  const out: Planned[] = [];
  for (const link of links) {
    let u: URL | undefined;
    try {
      u = link.href.trim() ? new URL(link.href.trim(), page) : undefined;
    } catch {
      u = undefined;
    }
    if (!u || !/^https?:$/.test(u.protocol)) {
      out.push({ link, skipped: '没有可下载的网址（由页面脚本处理），未检查 / no URL to fetch' });
      continue;
    }
    u.hash = '';
    if (u.hostname !== page.hostname) {
      out.push({ link, skipped: `不是本站（${page.hostname}）的链接，未检查 / another host, not checked` });
      continue;
    }
    if (seen.has(u.href)) continue;
    seen.add(u.href);
    out.push({ link, url: u.href });
  }
  return out;
}

/** File types a form link promises (a blank or sample form is a document, not a web page). */
const DOCUMENT = /\.(?:docx?|xlsx?|pdf|wps|et|ofd|zip|rar|7z|jpe?g|png|txt|rtf|odt|ods)(?:$|[?#])/i;
const ERROR_WORDS = /404|403|500|502|503|not\s*found|error|错误|不存在|找不到|无法访问|已删除|失效|出错|异常|禁止访问|无权/i;

export interface Answer {
  status: number;
  contentType: string;
  /** The first KiB of the body, when it was read (a ranged GET). */
  head?: string;
}

/** What an answer means for a form link. */
export function judgeAnswer(url: string, a: Answer): { verdict: LinkStatus['verdict']; reason: string } {
  if (a.status >= 400) return { verdict: 'broken', reason: `链接失效：HTTP ${a.status} / broken link` };
  const html = /text\/html|application\/xhtml/i.test(a.contentType);
  if (html) {
    const title = /<title[^>]*>([^<]*)/i.exec(a.head ?? '')?.[1]?.trim() ?? '';
    if (DOCUMENT.test(new URL(url).pathname) || ERROR_WORDS.test(title)) {
      return { verdict: 'error-page', reason: `应为文件，返回的是网页${title ? `“${title.slice(0, 40)}”` : ''} / an HTML page instead of the document` };
    }
  }
  return { verdict: 'ok', reason: `可下载：HTTP ${a.status} / downloadable` };
}

const BROKEN = new Set<LinkStatus['verdict']>(['broken', 'error-page', 'unreachable']);
export const isBroken = (s: LinkStatus) => BROKEN.has(s.verdict);

/**
 * The outcome after a link check: a broken link turns a pass (or a review) into `partial`, names
 * the material, and points the evidence at the link; a fail stays a fail. The check's counts go
 * into `data` so reports show that it was done.
 */
export function applyLinkCheck(o: Outcome, checked: LinkStatus[]): Outcome {
  const requested = checked.filter((c) => c.verdict !== 'skipped');
  const broken = checked.filter(isBroken);
  const data = { ...o.data, linksChecked: requested.length, linksBroken: broken.length };
  if (!broken.length) {
    const note = requested.length ? `链接检查：${requested.length}个本站链接均可下载` : '链接检查：没有可检查的本站链接';
    return { ...o, data, message: `${o.message}（${note}）`.slice(0, 4000) };
  }
  const first = broken[0]!;
  const names = broken.map((b) => `${b.material}（${b.status ? `HTTP ${b.status}` : b.verdict === 'unreachable' ? '无法连接' : '网页'}）`);
  return {
    ...o,
    status: o.status === 'pass' || o.status === 'review' ? 'partial' : o.status,
    message: `${o.message}；链接检查：${broken.length}/${requested.length}个链接无法下载：${names.join('、')}`.slice(0, 4000),
    hint: '修复无法下载的表格链接（文件已删除或地址错误）',
    missing: [...o.missing, ...broken.map((b) => `${b.material}（链接失效）`)].slice(0, 500).map((m) => m.slice(0, 400)),
    data,
    evidence: { selector: first.path, label: `失效链接：${first.text || first.href}`.slice(0, 200) },
  };
}
