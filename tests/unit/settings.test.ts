import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, hostMatches, parseSettings } from '@/lib/settings';

describe('settings', () => {
  it('matches portal hosts by pattern: *.gov.cn covers its subdomains, exact hosts themselves', () => {
    expect(hostMatches('www.gdzwfw.gov.cn', DEFAULT_SETTINGS.portalHosts)).toBe(true);
    expect(hostMatches('gov.cn', DEFAULT_SETTINGS.portalHosts)).toBe(true);
    expect(hostMatches('evilgov.cn', DEFAULT_SETTINGS.portalHosts)).toBe(false);
    expect(hostMatches('gov.cn.example.com', DEFAULT_SETTINGS.portalHosts)).toBe(false);
    expect(hostMatches('zwfw.example.org', ['zwfw.example.org'])).toBe(true);
  });

  it('falls back to the defaults for missing or malformed stored settings, never throwing', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ cutTarget: 'seventy' })).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ cutTarget: 0.5 })).toEqual({ ...DEFAULT_SETTINGS, cutTarget: 0.5 });
  });
});
