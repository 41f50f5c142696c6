import { z } from 'zod';

/**
 * User settings (storage.local). Portal hosts decide where guides are audited; synonyms extend
 * the label lists; the A4-1 target is the time-cut share that passes.
 */
export const Settings = z.object({
  /** Host patterns: `*.gov.cn` matches every subdomain of gov.cn; exact hosts match themselves. */
  portalHosts: z.array(z.string().min(1).max(253)).max(200),
  cutTarget: z.number().min(0).max(1),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  // Loopback too: staff preview draft guides locally, and the command line serves files there.
  portalHosts: ['*.gov.cn', 'localhost', '127.0.0.1'],
  cutTarget: 0.7,
};

/** Stored settings, or the defaults where they are missing or malformed (never throws). */
export function parseSettings(raw: unknown): Settings {
  const p = Settings.partial().safeParse(raw);
  return { ...DEFAULT_SETTINGS, ...(p.success ? p.data : {}) };
}

export function hostMatches(host: string, patterns: readonly string[]): boolean {
  const h = host.toLowerCase();
  return patterns.some((raw) => {
    const p = raw.trim().toLowerCase();
    if (p === '*') return true;
    if (p.startsWith('*.')) return h === p.slice(2) || h.endsWith(p.slice(1));
    return h === p;
  });
}
