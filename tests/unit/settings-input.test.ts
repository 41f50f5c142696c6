import { describe, expect, it } from 'vitest';
import { CANONICAL_NAMES, DEFAULT_SETTINGS, MAX_HOSTS, formFromSettings, parseSettings, settingsFromForm } from '@/lib/settings';
import { shown } from './panel/i18n-mock';

describe('settings input a new user gets wrong', () => {
  it('an empty or non-numeric A4-1 target is an error, never a 0 % target', () => {
    for (const bad of ['', '  ', 'abc', '70abc', '-5']) {
      const r = settingsFromForm('*.gov.cn', '', bad);
      expect(r.settings, bad).toBeUndefined();
      expect(shown(r.errors.cutTarget)).toContain('0到100');
    }
    expect(settingsFromForm('*.gov.cn', '', '0').settings?.cutTarget).toBe(0);
    expect(settingsFromForm('*.gov.cn', '', '65%').settings?.cutTarget).toBe(0.65);
  });

  it('more than 200 hosts is explained in the form; a stored long or partly bad list keeps its good hosts, never the built-in ones', () => {
    const many = Array.from({ length: 250 }, (_, i) => `zwfw${i}.example.com`);
    const r = settingsFromForm(many.join('\n'), '', '70');
    expect(r.settings).toBeUndefined();
    expect(r.errors.hosts.map((m) => shown(m)).join()).toContain(`最多${MAX_HOSTS}个网站，现有250个`);
    const stored = parseSettings({ ...DEFAULT_SETTINGS, portalHosts: many });
    expect(stored.portalHosts).toEqual(many.slice(0, MAX_HOSTS));
    expect(stored.portalHosts).not.toContain('localhost');
    expect(parseSettings({ portalHosts: ['zwfw.example.com', 'javascript:alert(1)'] }).portalHosts).toEqual(['zwfw.example.com']);
  });

  it('prototype names (toString, constructor) are not field keys', () => {
    const s = parseSettings({ labels: { toString: ['某标签'], constructor: ['别的标签'], __proto__: ['x1'], legalLimit: ['法定审批期限'] } });
    expect(s.labels).toEqual({ legalLimit: ['法定审批期限'] });
    expect(formFromSettings(s).labels).toBe('法定办结时限：法定审批期限');
    expect(formFromSettings(s).labels).not.toContain('undefined');
    expect(settingsFromForm('*.gov.cn', 'toString：某标签', '70').errors.labels).toHaveLength(1);
  });

  it('a pasted address is cleaned to its host; the canonical names are listed for the synonym lines', () => {
    const r = settingsFromForm('https://zwfw.example.com/\nhttp://WWW.Example.gov.cn/guide?id=1\nzwfw.example.com', '', '70');
    expect(r.errors.hosts).toEqual([]);
    expect(r.settings?.portalHosts).toEqual(['zwfw.example.com', 'www.example.gov.cn']);
    expect(CANONICAL_NAMES).toContain('法定办结时限');
    expect(CANONICAL_NAMES).toContain('办理地点');
  });
});
