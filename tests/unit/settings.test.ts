import { describe, expect, it } from 'vitest';
import { syncPortalScripts } from '@/lib/background/portal-scripts';
import { DEFAULT_SETTINGS, extraMatches, formFromSettings, hostMatches, parseSettings, settingsFromForm } from '@/lib/settings';
import { shown } from './panel/i18n-mock';

describe('settings', () => {
  it('matches portal hosts by pattern: *.gov.cn covers its subdomains, exact hosts themselves', () => {
    expect(hostMatches('www.gdzwfw.gov.cn', DEFAULT_SETTINGS.portalHosts)).toBe(true);
    expect(hostMatches('gov.cn', DEFAULT_SETTINGS.portalHosts)).toBe(true);
    expect(hostMatches('evilgov.cn', DEFAULT_SETTINGS.portalHosts)).toBe(false);
    expect(hostMatches('gov.cn.example.com', DEFAULT_SETTINGS.portalHosts)).toBe(false);
    expect(hostMatches('zwfw.example.org', ['zwfw.example.org'])).toBe(true);
  });

  it('falls back to the defaults, field by field, for missing or malformed stored settings', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('<img src=x>')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ cutTarget: 'seventy' })).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ cutTarget: 0.5, portalHosts: ['javascript:alert(1)'] })).toEqual({ ...DEFAULT_SETTINGS, cutTarget: 0.5 });
    expect(parseSettings({ labels: { legalLimit: ['法定审批期限'], notAField: ['x1'] } }).labels).toEqual({ legalLimit: ['法定审批期限'] });
  });

  it('reads the form, explains every bad line in Chinese, and round-trips good input', () => {
    const ok = settingsFromForm('*.gov.cn\nZWFW.example.com\n', '法定办结时限：法定审批期限、审批期限\n承诺办结时限=承诺期', '60');
    expect(ok.settings).toEqual({ portalHosts: ['*.gov.cn', 'zwfw.example.com'], labels: { legalLimit: ['法定审批期限', '审批期限'], promisedLimit: ['承诺期'] }, cutTarget: 0.6 });
    const back = formFromSettings(ok.settings!);
    expect(settingsFromForm(back.hosts, back.labels, back.cutPercent).settings).toEqual(ok.settings);

    const bad = settingsFromForm('ftp://x.gov.cn/path\n=HYPERLINK("x")', '不存在的要素：某标签\n法定办结时限：甲', '170');
    expect(bad.settings).toBeUndefined();
    expect(bad.errors.hosts).toHaveLength(2);
    expect(shown(bad.errors.hosts[0])).toContain('不是网站域名');
    expect(shown(bad.errors.hosts[0], 'en')).toContain('is not a host');
    expect(bad.errors.labels).toHaveLength(2);
    expect(shown(bad.errors.cutTarget)).toContain('0到100');
    expect(shown(bad.errors.cutTarget, 'en')).toContain('from 0 to 100');
  });

  it('registers the content script only on added hosts the user granted', async () => {
    expect(extraMatches(['*.gov.cn', 'www.example.gov.cn', '127.0.0.1', 'zwfw.example.com', '*.portal.org'])).toEqual(['*://zwfw.example.com/*', '*://*.portal.org/*']);
    const calls: string[] = [];
    const granted = await syncPortalScripts(
      { ...DEFAULT_SETTINGS, portalHosts: ['*.gov.cn', 'zwfw.example.com', 'other.example.com'] },
      {
        contains: async ([o]) => o === '*://zwfw.example.com/*',
        unregister: async (id) => void calls.push(`unregister ${id}`),
        register: async (id, matches) => void calls.push(`register ${id} ${matches.join(' ')}`),
      },
    );
    expect(granted).toEqual(['*://zwfw.example.com/*']);
    expect(calls).toEqual(['unregister guide-auditor-extra-portals', 'register guide-auditor-extra-portals *://zwfw.example.com/*']);
  });
});

describe('synonyms from the settings', () => {
  it('a new set replaces the last one (the background follows the settings); the built-in labels stay', async () => {
    const { fieldOf, setExtraLabels } = await import('@/lib/labels');
    setExtraLabels({ address: ['服务场所：', '办理地点'] });
    expect(fieldOf('服务场所')).toBe('address');
    setExtraLabels({ hours: ['对外服务时间'] });
    expect(fieldOf('服务场所')).toBeUndefined(); // removed from the settings: gone
    expect(fieldOf('对外服务时间')).toBe('hours');
    expect(fieldOf('办理地点')).toBe('address'); // a built-in label the user also listed is never removed
    setExtraLabels({});
    expect(fieldOf('对外服务时间')).toBeUndefined();
  });
});
