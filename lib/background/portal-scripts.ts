import { extraMatches, type Settings } from '../settings';

export interface ScriptingApi {
  contains(origins: string[]): Promise<boolean>;
  unregister(id: string): Promise<void>;
  register(id: string, matches: string[]): Promise<void>;
}

export const EXTRA_SCRIPT_ID = 'guide-auditor-extra-portals';

/**
 * Registers the content script on the portal hosts the user added and granted; hosts not (or no
 * longer) granted are left out. Returns the match patterns now covered.
 */
export async function syncPortalScripts(settings: Settings, api: ScriptingApi): Promise<string[]> {
  const granted: string[] = [];
  for (const m of extraMatches(settings.portalHosts)) if (await api.contains([m])) granted.push(m);
  await api.unregister(EXTRA_SCRIPT_ID).catch(() => {});
  if (granted.length) await api.register(EXTRA_SCRIPT_ID, granted);
  return granted;
}
