import './node-blob';
import { describe, expect, it } from 'vitest';
import { STORE_STATUS_KEY, StoreError, STORE_MESSAGES, autosave, listAudits, openStore } from '@/lib/store';
import { auditHtml, guide, memoryStore, snapshotOf } from '../../helpers';

function sink() {
  const data = new Map<string, unknown>();
  return { data, set: async (k: string, v: unknown) => void data.set(k, v) };
}

describe('the background saves every reported audit', () => {
  it('keeps a guide with its snapshot once, and says all is well', async () => {
    const db = await openStore({ name: `autosave-${Math.random()}` });
    const s = sink();
    const html = guide({});
    expect((await autosave(auditHtml(html), snapshotOf(html), s, async () => db))?.saved).toBe(true);
    expect((await autosave(auditHtml(html), snapshotOf(html), s, async () => db))?.saved).toBe(false);
    expect(await autosave(auditHtml('<p>通知公告</p>'), undefined, s, async () => db)).toBeUndefined();
    expect(await listAudits(db)).toHaveLength(1);
    expect(s.data.get(STORE_STATUS_KEY)).toMatchObject({ ok: true });
  });

  it('tells the user what was not kept when the store cannot take it (private window, full disk)', async () => {
    for (const kind of ['unavailable', 'quota'] as const) {
      const s = sink();
      const r = await autosave(auditHtml(guide({})), undefined, s, async () => {
        throw new StoreError(kind, STORE_MESSAGES[kind]);
      });
      expect(r).toBeUndefined();
      expect(s.data.get(STORE_STATUS_KEY)).toMatchObject({ ok: false, kind, message: STORE_MESSAGES[kind], lost: '个体工商户设立登记' });
    }
  });
});

describe('reports reaching the background', () => {
  it('saves the audits of reports from our content scripts in a tab, nothing else', async () => {
    const { autosave } = await import('@/lib/store/autosave');
    const { handleMessage } = await import('@/lib/background/handler');
    const name = `reported-${Math.random()}`;
    const db = await openStore({ name });
    const msg = { type: 'audit/report', snapshot: snapshotOf(guide({})) };
    const s = sink();
    const report = (raw: unknown, sender: { id?: string; tab?: { id?: number } }) =>
      handleMessage(raw, sender, memoryStore(), { extensionOrigin: 'chrome-extension://ours/', extensionId: 'ours', onAudit: (r, snap) => autosave(r, snap, s, async () => db) });
    // Not ours, not from a tab, not a report, malformed: not kept
    await report(msg, { id: 'other', tab: { id: 1 } });
    await report(msg, { id: 'ours' });
    await report({ type: 'audit/get', tabId: 1 }, { id: 'ours', tab: { id: 1 } });
    await report({ type: 'audit/report', snapshot: { url: 1 } }, { id: 'ours', tab: { id: 1 } });
    expect(await listAudits(db)).toHaveLength(0);
    await report(msg, { id: 'ours', tab: { id: 1 } });
    const [saved] = await listAudits(db);
    expect(saved?.item.department).toBe('安达市市场监督管理局');
    expect((await db.get('auditDetails', saved!.id))?.snapshot?.url).toBe(msg.snapshot.url);
  });
});
