import { z } from 'zod';
import { words } from '../text';

/**
 * Journey settings (storage.local `journeySettings`): the A3-2 click budget and the words and
 * URL patterns that mark online entries, login pages, submission pages and generic portal
 * pages. A URL pattern is a case-insensitive substring, or `re:` followed by a regular expression (`re:^https://tyrz\.`).
 */
// Built lazily (pure) so the content script, which needs only the defaults and parseJourneySettings, bundles no zod.
export const JourneySettings = /* @__PURE__ */ (() => z.object({
  clickBudget: z.number().int().min(1).max(50),
  entryWords: z.array(z.string().min(2).max(20)).max(100),
  loginWords: z.array(z.string().min(2).max(20)).max(100),
  loginUrls: z.array(z.string().min(2).max(200)).max(100),
  submitWords: z.array(z.string().min(2).max(20)).max(100),
  submitUrls: z.array(z.string().min(2).max(200)).max(100),
  /** Generic portal pages (home, search) an online entry must not lead to (B1 against reality). */
  genericUrls: z.array(z.string().min(2).max(200)).max(100),
}))();
export type JourneySettings = z.infer<typeof JourneySettings>;

export const DEFAULT_JOURNEY_SETTINGS: JourneySettings = {
  clickBudget: 3,
  entryWords: words('在线办理 在线申报 立即办理 我要办 网上办理 网上申报 在线申请 网上申请 立即申请 我要申请 申请办理 去办理 马上办'),
  loginWords: words('统一身份认证 身份认证 实名认证 用户登录 个人登录 法人登录 扫码登录 账号登录 登录'),
  loginUrls: words('/login login. signin /sso oauth /cas/ passport tyrz /auth/'),
  submitWords: words('保存并提交 确认提交 提交申请 立即提交 确认申报 提交 申报 下一步'),
  submitUrls: [],
  genericUrls: words('/search search. keyword= query='),
};

const LIST_KEYS = ['entryWords', 'loginWords', 'loginUrls', 'submitWords', 'submitUrls', 'genericUrls'] as const;

export const JOURNEY_SETTINGS_KEY = 'journeySettings';

/** Stored settings, field by field, with defaults where missing or malformed (never throws). */
export function parseJourneySettings(raw: unknown): JourneySettings {
  const out = { ...DEFAULT_JOURNEY_SETTINGS };
  if (!raw || typeof raw !== 'object') return out;
  const r = raw as Record<string, unknown>;
  const budget = r.clickBudget;
  if (typeof budget === 'number' && Number.isInteger(budget) && budget >= 1 && budget <= 50) out.clickBudget = budget;
  // The same bounds as the JourneySettings schema, checked by hand (tests/unit/journey/detect.test.ts compares them).
  for (const key of LIST_KEYS) {
    const v = r[key];
    const max = key.endsWith('Urls') ? 200 : 20;
    if (Array.isArray(v) && v.length <= 100 && v.every((x) => typeof x === 'string' && x.length >= 2 && x.length <= max)) out[key] = v as string[];
  }
  return out;
}

/** Does the URL match one of the patterns (substring, or `re:regex`)? Bad regexes match nothing. */
export function urlMatches(url: string, patterns: readonly string[]): string | undefined {
  const u = url.toLowerCase();
  return patterns.find((p) => {
    if (p.startsWith('re:')) {
      try {
        return new RegExp(p.slice(3), 'i').test(url);
      } catch {
        return false;
      }
    }
    return u.includes(p.toLowerCase());
  });
}

export type JourneyForm = Record<Exclude<keyof JourneySettings, 'clickBudget'>, string> & { clickBudget: string };

export function journeyFormFrom(s: JourneySettings): JourneyForm {
  return { clickBudget: String(s.clickBudget), ...Object.fromEntries(LIST_KEYS.map((k) => [k, s[k].join('\n')])) } as JourneyForm;
}

/** A message for the form, by its key in public/_locales and its `$n` values (shown through lib/i18n). */
export interface JourneyFormMessage {
  key: 'jsErrBudget' | 'jsErrWords' | 'jsErrUrls' | 'jsErrLines';
  subs: string[];
}
export type JourneyFormErrors = Partial<Record<keyof JourneySettings, JourneyFormMessage>>;

/** Reads the settings form (one word or pattern per line); one message per field that is wrong. */
export function journeySettingsFromForm(f: JourneyForm): { settings?: JourneySettings; errors: JourneyFormErrors } {
  const errors: JourneyFormErrors = {};
  const budget = Number(f.clickBudget);
  if (!Number.isInteger(budget) || budget < 1 || budget > 50) errors.clickBudget = { key: 'jsErrBudget', subs: [] };
  const lists: Partial<JourneySettings> = {};
  for (const k of LIST_KEYS) {
    const lines = f[k].split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    const urls = k.endsWith('Urls');
    const bad = lines.filter((l) => l.length < 2 || l.length > (urls ? 200 : 20) || (urls && l.startsWith('re:') && !validRegex(l.slice(3))));
    if (bad.length) errors[k] = { key: urls ? 'jsErrUrls' : 'jsErrWords', subs: [bad.join('”“')] };
    if (lines.length > 100) errors[k] = { key: 'jsErrLines', subs: [] };
    (lists as Record<string, string[]>)[k] = lines;
  }
  if (Object.keys(errors).length) return { errors };
  return { settings: { clickBudget: budget, ...(lists as Omit<JourneySettings, 'clickBudget'>) }, errors };
}

function validRegex(src: string): boolean {
  try {
    new RegExp(src);
    return true;
  } catch {
    return false;
  }
}
