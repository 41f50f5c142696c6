import { describe, expect, it } from 'vitest';
import { audit } from '@/lib/audit';
import { extractGuide } from '@/lib/extract/guide';
import { guideSection } from '../../../bench/pages';
import { pageOf } from '../../helpers';

describe('a catalogue of many items is known for one before its materials are read', () => {
  it('eight items, each with its base-info table, materials and process: no materials read, the verdict of a catalogue', () => {
    const s = extractGuide(pageOf(Array.from({ length: 8 }, (_, i) => guideSection(i + 1, 3)).join('')));
    expect(s.materials).toBeNull(); // not read
    const r = audit(s);
    expect(r.isGuide).toBe(false);
    expect(r.reason).toMatch(/出现8次：像是事项列表/);
    // one item alone is a guide, its materials read
    const one = extractGuide(pageOf(guideSection(1, 3)));
    expect(one.materials).toHaveLength(3);
    expect(audit(one).isGuide).toBe(true);
  });
});
