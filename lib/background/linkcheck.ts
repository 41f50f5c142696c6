import type { AuditResult } from '../audit';
import { LinkCheckOutcome, LinksReply, type FormLink, type LinkStatus } from '../highlight/messages';
import type { LinksCheck } from '../highlight/messages';
import { storedResult, type TabAccess } from '../highlight/relay';
import { applyLinkCheck, judgeAnswer, linksToCheck, originPattern, type Answer } from '../linkcheck';
import { tabKey, type TabResult } from '../messages';
import type { SessionStore } from './handler';
import type { z } from 'zod';

/**
 * The link check (issue 8 item 5): the only network requests the extension makes, and only for
 * a `links/check` message sent on the reviewer's click. Requests go to the audited page's own
 * host, and only while the extension holds that host's permission (asked for by the page that
 * sent the click, lib/linkcheck-permission.ts); a HEAD, then a GET of the first KiB where HEAD is
 * refused. Nothing is sent but the request itself.
 */

export interface NetAccess extends TabAccess {
  contains(origins: string[]): Promise<boolean>;
  fetch(url: string, init: RequestInit): Promise<Response>;
}

export interface LinkCheckResult {
  checked: LinkStatus[];
  /** The outcome as it now stands (also written to the stored tab result). */
  outcome: AuditResult['outcomes'][number];
}
export type LinkCheckReply =
  | { ok: true; links: LinkCheckResult }
  | { ok: false; error: string; origin?: string };

/** Checks stored per tab so that a re-audit of the same page keeps them (`links:<tabId>`). */
export const linksKey = (tabId: number) => `links:${tabId}`;
const TIMEOUT_MS = 15_000;

async function request(net: NetAccess, url: string): Promise<{ method: LinkStatus['method']; answer?: Answer }> {
  const init = (method: string, headers?: Record<string, string>): RequestInit => ({
    method, headers, redirect: 'follow', cache: 'no-store', credentials: 'include', signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  let headAnswer: Answer | undefined;
  try {
    const r = await net.fetch(url, init('HEAD'));
    headAnswer = { status: r.status, contentType: r.headers.get('content-type') ?? '' };
    // A document link answering HTML: read its first KiB to tell an error page from a viewer.
    if (r.ok && !/html/i.test(headAnswer.contentType)) return { method: 'HEAD', answer: headAnswer };
  } catch {
    /* HEAD refused at the network level: try the ranged GET */
  }
  try {
    const r = await net.fetch(url, init('GET', { Range: 'bytes=0-1023' }));
    const head = await firstBytes(r, 1024);
    return { method: 'GET', answer: { status: r.status, contentType: r.headers.get('content-type') ?? '', head } };
  } catch {
    return headAnswer ? { method: 'HEAD', answer: headAnswer } : { method: 'GET' };
  }
}

async function firstBytes(r: Response, n: number): Promise<string> {
  const reader = r.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < n) {
      const { done, value } = await reader.read();
      if (done || !value) break;
      chunks.push(value);
      size += value.length;
    }
  } finally {
    void reader.cancel().catch(() => {});
  }
  const all = new Uint8Array(Math.min(size, n));
  let at = 0;
  for (const c of chunks) {
    const part = c.subarray(0, all.length - at);
    all.set(part, at);
    at += part.length;
    if (at >= all.length) break;
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(all);
}

async function checkOne(net: NetAccess, link: FormLink, url: string): Promise<LinkStatus> {
  const { method, answer } = await request(net, url);
  if (!answer) return { ...link, status: 0, method, verdict: 'unreachable', reason: '无法连接 / unreachable' };
  return { ...link, status: answer.status, method, ...judgeAnswer(url, answer) };
}

export async function checkTabLinks(
  msg: z.infer<typeof LinksCheck>,
  store: SessionStore,
  net: NetAccess,
  onResult?: (tabId: number, result: AuditResult) => void,
): Promise<LinkCheckReply> {
  const entry = await storedResult(store, msg.tabId);
  const outcome = entry?.result.outcomes.find((o) => o.indicator === msg.indicator);
  if (!entry || !outcome) return { ok: false, error: '此标签页没有办事指南的审核结果 / no audit result for this tab' };
  const origin = originPattern(entry.result.url);
  if (!origin) return { ok: false, error: '只能检查网页上的链接 / only web pages can be checked' };
  if (!(await net.contains([origin]))) return { ok: false, error: 'permission', origin };

  let listed: unknown;
  try {
    listed = await net.sendToTab(msg.tabId, { type: 'links/list', url: entry.result.url, indicator: msg.indicator });
  } catch {
    listed = undefined;
  }
  const links = LinksReply.safeParse(listed);
  if (!links.success) return { ok: false, error: '页面没有响应（请刷新页面后重试）/ the page did not answer (reload it and try again)' };

  const checked: LinkStatus[] = [];
  for (const p of linksToCheck(links.data.links, entry.result.url)) {
    checked.push(p.url ? await checkOne(net, p.link, p.url) : { ...p.link, status: 0, method: 'none', verdict: 'skipped', reason: p.skipped ?? '' });
  }
  const record: LinkCheckOutcome = { indicator: msg.indicator, checked, checkedAt: Date.now() };
  const saved = await savedChecks(store, msg.tabId, entry.result.url);
  await store.set(linksKey(msg.tabId), { url: entry.result.url, checks: [...saved.filter((c) => c.indicator !== msg.indicator), record] });
  const result = withChecks(entry.result, [record]);
  await store.set(tabKey(msg.tabId), { ...entry, result } satisfies TabResult);
  onResult?.(msg.tabId, result);
  return { ok: true, links: { checked, outcome: result.outcomes.find((o) => o.indicator === msg.indicator)! } };
}

async function savedChecks(store: SessionStore, tabId: number, url: string): Promise<LinkCheckOutcome[]> {
  const raw = (await store.get(linksKey(tabId))) as { url?: unknown; checks?: unknown } | undefined;
  if (!raw || raw.url !== url || !Array.isArray(raw.checks)) return [];
  return raw.checks.flatMap((c) => {
    const p = LinkCheckOutcome.safeParse(c);
    return p.success ? [p.data] : [];
  });
}

function withChecks(result: AuditResult, checks: LinkCheckOutcome[]): AuditResult {
  if (!checks.length) return result;
  return {
    ...result,
    outcomes: result.outcomes.map((o) => {
      const c = checks.find((x) => x.indicator === o.indicator);
      return c ? applyLinkCheck(o, c.checked) : o;
    }),
  };
}

/** A new report of the same page keeps the link checks already made on it. */
export async function keepLinkChecks(store: SessionStore, tabId: number, result: AuditResult): Promise<AuditResult> {
  return withChecks(result, await savedChecks(store, tabId, result.url));
}
