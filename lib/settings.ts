import { z } from 'zod';
import { FIELD_LABELS, fieldOf, type FieldKey } from './labels';
import { labelKey } from './text';

/**
 * User settings (storage.local). Portal hosts decide where guides are audited; extra label
 * synonyms extend lib/labels.ts; the A4-1 target is the time-cut share that passes.
 */
const HOST = /^(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** The most portal hosts kept (the form says so past it; stored lists are cut there, never reset). */
export const MAX_HOSTS = 200;

export const Settings = /* @__PURE__ */ (() => z.object({
  /** `*.gov.cn` matches every subdomain of gov.cn; an exact host matches itself. */
  portalHosts: z.array(z.string().regex(HOST)).max(MAX_HOSTS),
  /** Extra labels per field, e.g. { legalLimit: ['法定审批期限'] }. */
  labels: z.record(z.string(), z.array(z.string().min(2).max(24)).max(50)),
  cutTarget: z.number().min(0).max(1),
}))();
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  // Loopback too: staff preview draft guides locally, and the command line serves files there.
  // The options page shows them with that reason; a user who removes them is not audited there.
  portalHosts: ['*.gov.cn', 'localhost', '127.0.0.1'],
  labels: {},
  cutTarget: 0.7,
};

/** The hosts the content script is declared for in the manifest; others need a runtime grant. */
export const BUILT_IN_MATCHES = ['*://*.gov.cn/*', 'http://localhost/*', 'http://127.0.0.1/*'];

/** Stored settings, or the defaults where they are missing or malformed (never throws). */
export function parseSettings(raw: unknown): Settings {
  // Checked by hand, as the `Settings` schema would: the content script parses settings on every
  // page, and zod would be most of its size (the background and the options page keep the schema).
  const out = { ...DEFAULT_SETTINGS };
  if (!raw || typeof raw !== 'object') return out;
  const { portalHosts: hosts, labels, cutTarget } = raw as Record<string, unknown>;
  // A list that is too long or holds a bad entry keeps its good entries: falling back to the
  // built-in hosts would audit again a host the user removed.
  const good = Array.isArray(hosts) ? hosts.filter((h): h is string => typeof h === 'string' && HOST.test(h)).slice(0, MAX_HOSTS) : [];
  if (good.length || (Array.isArray(hosts) && !hosts.length)) out.portalHosts = good;
  const synonym = (w: unknown) => typeof w === 'string' && w.length >= 2 && w.length <= 24;
  if (labels && typeof labels === 'object' && !Array.isArray(labels) && Object.values(labels).every((v) => Array.isArray(v) && v.length <= 50 && v.every(synonym))) {
    out.labels = Object.fromEntries(Object.entries(labels as Settings['labels']).filter(([k]) => isFieldKey(k)));
  }
  if (typeof cutTarget === 'number' && Number.isFinite(cutTarget) && cutTarget >= 0 && cutTarget <= 1) out.cutTarget = cutTarget;
  return out;
}

/** A canonical field key; `toString`, `constructor` and the other prototype names are not. */
export const isFieldKey = (k: string): k is FieldKey => Object.prototype.hasOwnProperty.call(FIELD_LABELS, k);

/** The canonical element names the synonym lines start with (法定办结时限, 办理地点, …). */
export const CANONICAL_NAMES: readonly string[] = Object.values(FIELD_LABELS).map((v) => v[0]!);

/** A pasted address (`https://zwfw.example.com/guide?id=1`) is cleaned to its host. */
function hostOf(line: string): string {
  const h = line.trim().toLowerCase();
  if (!/^https?:\/\//.test(h)) return h.replace(/\/+$/, '');
  try {
    return new URL(h).hostname;
  } catch {
    return h;
  }
}

export function hostMatches(host: string, patterns: readonly string[]): boolean {
  const h = host.toLowerCase();
  return patterns.some((raw) => {
    const p = raw.trim().toLowerCase();
    if (p.startsWith('*.')) return h === p.slice(2) || h.endsWith(p.slice(1));
    return h === p;
  });
}

/** Match patterns for the portal hosts the manifest does not already cover. */
export function extraMatches(hosts: readonly string[]): string[] {
  return hosts
    .filter((h) => !['*.gov.cn', 'localhost', '127.0.0.1'].includes(h) && !h.endsWith('.gov.cn'))
    .map((h) => `*://${h}/*`);
}

/**
 * A message for the form, by its key in public/_locales and its `$n` values: the options page
 * shows it through lib/i18n; this module stays free of the browser's i18n (the content script
 * imports parseSettings from here).
 */
export interface FormMessage {
  key: 'setErrNotHost' | 'setErrTooManyHosts' | 'setErrLabelLine' | 'setErrSynonymLength' | 'setErrSynonymTaken' | 'setErrCut';
  subs: string[];
}

export interface FormErrors {
  hosts: FormMessage[];
  labels: FormMessage[];
  cutTarget?: FormMessage;
}

/** Read the settings form: one host per line; `法定办结时限：法定审批期限、审批期限` per label line. */
export function settingsFromForm(hostsText: string, labelsText: string, cutPercent: string): { settings?: Settings; errors: FormErrors } {
  const errors: FormErrors = { hosts: [], labels: [] };
  const portalHosts = [...new Set(hostsText.split(/\r?\n/).map(hostOf).filter(Boolean))];
  for (const h of portalHosts) if (!HOST.test(h)) errors.hosts.push({ key: 'setErrNotHost', subs: [h] });
  if (portalHosts.length > MAX_HOSTS) errors.hosts.push({ key: 'setErrTooManyHosts', subs: [String(MAX_HOSTS), String(portalHosts.length)] });
  const byZh = new Map(Object.entries(FIELD_LABELS).map(([k, v]) => [v[0] as string, k as FieldKey]));
  const labels: Record<string, string[]> = {};
  for (const line of labelsText.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
    const m = /^([^:：=]+)[:：=](.+)$/.exec(line);
    const key = m && byZh.get(m[1]!.trim());
    if (!m || !key) {
      errors.labels.push({ key: 'setErrLabelLine', subs: [line] });
      continue;
    }
    const words = m[2]!.split(/[、,，;；]+/).map((w) => w.trim()).filter(Boolean);
    const bad = words.filter((w) => labelKey(w).length < 2 || w.length > 24);
    if (bad.length) errors.labels.push({ key: 'setErrSynonymLength', subs: [bad.join('、')] });
    const taken = words.filter((w) => { const other = fieldOf(labelKey(w)); return other && other !== key; });
    if (taken.length) errors.labels.push({ key: 'setErrSynonymTaken', subs: [taken.join('、')] });
    (labels[key] ??= []).push(...words.filter((w) => !bad.includes(w) && !taken.includes(w)));
  }
  // Number('') is 0: an empty or non-numeric field must not become a 0 % target.
  const pctText = cutPercent.trim().replace(/[%％]$/, '').trim();
  const pct = /^\d+(?:\.\d+)?$/.test(pctText) ? Number(pctText) : NaN;
  if (!Number.isFinite(pct) || pct < 0 || pct > 100) errors.cutTarget = { key: 'setErrCut', subs: [] };
  if (errors.hosts.length || errors.labels.length || errors.cutTarget) return { errors };
  return { settings: { portalHosts, labels, cutTarget: pct / 100 }, errors };
}

/** The form's text for stored settings (the inverse of settingsFromForm). */
export function formFromSettings(s: Settings): { hosts: string; labels: string; cutPercent: string } {
  return {
    hosts: s.portalHosts.join('\n'),
    labels: Object.entries(s.labels).filter(([k]) => isFieldKey(k)).map(([k, v]) => `${FIELD_LABELS[k as FieldKey][0]}：${v.join('、')}`).join('\n'),
    cutPercent: String(Math.round(s.cutTarget * 100)),
  };
}
