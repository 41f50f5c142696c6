import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, Settings } from '@/lib/settings';

// parseSettings checks by hand (the content script carries no zod); it must agree with the
// Settings schema the options page and background keep, field by field.
describe('parseSettings without zod', () => {
  const hosts: unknown[] = [['zwfw.example.com', '*.gov.cn'], [], ['javascript:alert(1)'], ['a.example.com', 'ftp://x'], Array.from({ length: 201 }, (_, i) => `h${i}.example.com`), 'x', 7, null];
  const labels: unknown[] = [{ legalLimit: ['法定审批期限'] }, {}, { legalLimit: ['甲'] }, { legalLimit: 'x' }, [], { visits: Array.from({ length: 51 }, () => '跑动') }, { toString: ['法定期限'] }, null];
  const cuts: unknown[] = [0, 0.5, 1, 1.5, -0.1, Number.NaN, Number.POSITIVE_INFINITY, '0.5', undefined];

  it('takes what the schema takes and keeps the defaults for what it rejects', () => {
    for (const h of hosts) for (const l of labels) for (const c of cuts) {
      const raw = { portalHosts: h, labels: l, cutTarget: c };
      const out = parseSettings(raw);
      expect(Settings.safeParse(out).success).toBe(true);
      const whole = Settings.shape.cutTarget.safeParse(c);
      expect(out.cutTarget).toBe(whole.success ? whole.data : DEFAULT_SETTINGS.cutTarget);
      const lab = Settings.shape.labels.safeParse(l);
      expect(out.labels).toEqual(lab.success ? Object.fromEntries(Object.entries(lab.data).filter(([k]) => k !== 'toString')) : {});
      const hs = Settings.shape.portalHosts.safeParse(h);
      if (hs.success) expect(out.portalHosts).toEqual(hs.data);
      else if (Array.isArray(h) && h.some((x) => x === 'a.example.com' || x === 'h0.example.com')) expect(out.portalHosts.length).toBeGreaterThan(0);
      else expect(out.portalHosts).toEqual(DEFAULT_SETTINGS.portalHosts);
    }
  });
});
