import { describe, expect, it } from 'vitest';
import { AuditResult, audit } from '@/lib/audit';
import { extractGuide } from '@/lib/extract/guide';
import { handleMessage } from '@/lib/background/handler';
import { BOUNDS, Outcome, boundOutcome } from '@/lib/outcome';
import { guide, materialsTable, pageOf } from '../helpers';

// 600 materials, none with a blank form: the lists and messages about them outgrow the bounds.
const bigGuide = () =>
  guide({}, materialsTable(Array.from({ length: 600 }, (_, i) => [`第${i + 1}号申请材料：${'某某证明文件'.repeat(8)}`, '无', '无'])));

describe('a very large guide is reported within the bounds, and says it was clipped', () => {
  it('600 materials and a URL over 8,192 characters: the result passes the schema the background checks', async () => {
    const url = `http://127.0.0.1/guide.html?q=${'x'.repeat(9000)}`;
    const snapshot = extractGuide(pageOf(bigGuide(), url), url);
    const result = audit(snapshot);
    expect(result.isGuide).toBe(true);
    const parsed = AuditResult.safeParse(result);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'))).toEqual([]);
    expect(result.clipped).toBe(true);
    expect(result.url.length).toBeLessThanOrEqual(8192);
    const clipped = result.outcomes.filter((o) => o.data.clipped === true);
    expect(clipped.length).toBeGreaterThan(0);
    const store = new Map<string, unknown>();
    const reply = await handleMessage({ type: 'audit/report', snapshot }, { tab: { id: 3 }, url }, {
      get: async (k) => store.get(k), set: async (k, v) => void store.set(k, v), remove: async (k) => void store.delete(k),
    }, { extensionOrigin: 'chrome-extension://x/' });
    expect(reply).toMatchObject({ ok: true, audit: { clipped: true } });
  });

  it('clips each list and text of an outcome, naming how many entries were left out', () => {
    const o: Outcome = {
      indicator: 'E2-1', status: 'partial', value: 'v'.repeat(700), message: '缺少'.repeat(3000), hint: '',
      missing: Array.from({ length: 600 }, (_, i) => `材料${i}`), found: ['x'.repeat(500)], data: { names: 'n'.repeat(500) }, evidence: { selector: 'div' },
    };
    const b = boundOutcome(o);
    expect(Outcome.safeParse(b).success).toBe(true);
    expect(b.missing).toHaveLength(BOUNDS.items);
    expect(b.message).toContain('另有100项未列出');
    expect(b.message.length).toBeLessThanOrEqual(BOUNDS.message);
    expect(b.found[0]!.endsWith('…')).toBe(true);
    expect(b.data.clipped).toBe(true);
    const small: Outcome = { ...o, value: 'v', message: 'm', missing: [], found: [], data: {} };
    expect(boundOutcome(small)).toBe(small);
  });
});
