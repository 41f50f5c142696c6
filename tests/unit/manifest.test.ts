import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

type ManifestFn = (env: { browser: string; mode: string; manifestVersion: number }) => Record<string, any>;
const manifest = config.manifest as unknown as ManifestFn;

describe('manifest', () => {
  it('states the browser versions storage.session needs, and a real Firefox add-on id', () => {
    expect(manifest({ browser: 'chrome', mode: 'production', manifestVersion: 3 }).minimum_chrome_version).toBe('102');
    const gecko = manifest({ browser: 'firefox', mode: 'production', manifestVersion: 2 }).browser_specific_settings.gecko;
    expect(gecko.strict_min_version).toBe('115.0');
    expect(gecko.id).toMatch(/^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/);
  });

  it('only the cli build may run on every host', () => {
    expect(manifest({ browser: 'chrome', mode: 'production', manifestVersion: 3 }).host_permissions).toBeUndefined();
    expect(manifest({ browser: 'chrome', mode: 'cli', manifestVersion: 3 }).host_permissions).toEqual(['<all_urls>']);
  });

  it('keeps the findings store from eviction (evidence is kept for weeks)', () => {
    for (const [browser, manifestVersion] of [['chrome', 3], ['firefox', 2]] as const) {
      expect(manifest({ browser, mode: 'production', manifestVersion }).permissions).toContain('unlimitedStorage');
    }
  });
});
