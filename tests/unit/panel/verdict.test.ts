import { describe, expect, it } from 'vitest';
import { captureEvidence, CaptureError, dataUrlToBlob } from '@/lib/screenshot';
import { ScreenshotRecord, itemKey, openStore, putVerdict, saveAudit, saveScreenshot, deleteAudits } from '@/lib/store';
import { review, verdictProblems, verdictRecord } from '@/lib/verdict';
import { loadItem } from '@/lib/verdict-store';
import { auditHtml, guide, snapshotOf } from '../../helpers';

let n = 0;
const fresh = () => openStore({ name: `panel-test-${++n}-${Math.random()}` });
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('verdicts', () => {
  it('needs a reason and a reviewer before it is saved', () => {
    expect(verdictProblems({ status: 'pass', reason: '', note: '' }, '')).toEqual(['verdictNeedsReason', 'verdictNeedsReviewer']);
    expect(verdictProblems({ status: 'pass', reason: 'other', note: 'x'.repeat(4001) }, '张三')).toEqual(['verdictNoteTooLong']);
    expect(verdictProblems({ status: 'pass', reason: 'other', note: '' }, '张三')).toEqual([]);
  });

  it('keeps the automatic status beside the verdict and flags it when a re-audit changes it', () => {
    const before = auditHtml(guide({ 办理地点: '灵山县江南路5号县政务服务中心' }));
    const e13 = before.outcomes.find((o) => o.indicator === 'E1-3')!;
    expect(e13.status).toBe('partial');
    const v = verdictRecord(itemKey(before), e13, { status: 'pass', reason: 'elsewhere', note: ' 见大厅公示 ' }, ' 张三 ', undefined, 1000);
    expect(v).toMatchObject({ indicator: 'E1-3', status: 'pass', autoStatus: 'partial', reviewer: '张三', note: '见大厅公示', at: 1000 });
    expect(review(before.outcomes, [v]).find((r) => r.outcome.indicator === 'E1-3')).toMatchObject({ status: 'pass', autoChanged: false });
    // The page is fixed: the automatic status is now pass, unlike when the reviewer decided.
    const after = auditHtml(guide({ 办理地点: '灵山县江南路5号县政务服务中心2楼201室3号窗口' }));
    const r = review(after.outcomes, [v]).find((x) => x.outcome.indicator === 'E1-3')!;
    expect(r).toMatchObject({ status: 'pass', autoChanged: true });
    expect(r.outcome.status).toBe('pass');
    // Other indicators keep their automatic status.
    expect(review(after.outcomes, [v]).find((x) => x.outcome.indicator === 'E1-1')).toMatchObject({ status: 'pass', autoChanged: false, verdict: undefined });
  });

  it('restores verdicts for the same item: same 实施编码 at another URL, else the same URL', async () => {
    const db = await fresh();
    const a = auditHtml(guide({}));
    const e15 = a.outcomes.find((o) => o.indicator === 'E1-5')!;
    await putVerdict(db, verdictRecord(itemKey(a), e15, { status: 'fail', reason: 'machine-wrong', note: '' }, '张三', undefined));
    const moved = { ...a, url: 'http://other.gov.cn/guide?id=9' };
    expect((await loadItem(db, moved)).verdicts.map((v) => v.indicator)).toEqual(['E1-5']);
    // No code: the URL identifies the item.
    const noCode = { ...a, item: { ...a.item, code: null } };
    await putVerdict(db, verdictRecord(itemKey(noCode), e15, { status: 'pass', reason: 'other', note: '' }, '张三', undefined));
    expect((await loadItem(db, { ...noCode, url: 'http://127.0.0.1/guide.html#top' })).verdicts).toHaveLength(1);
    expect((await loadItem(db, { ...noCode, url: 'http://127.0.0.1/another.html' })).verdicts).toHaveLength(0);
  });
});

describe('evidence screenshots', () => {
  const target = { tabId: 7, windowId: 2 };
  const deps = { activeTab: async () => 7, capture: async () => PNG, now: () => 5, id: () => 'shot-1' };

  it('captures the visible tab as a PNG Blob with the audit and the outlined rectangles', async () => {
    const rects = [{ x: 1, y: 2, width: 3, height: 4, indicator: 'E1-3' }, { x: 5, y: 6, width: 7, height: 8, indicator: 'E2-1 E2-2' }];
    const shot = await captureEvidence(target, { auditId: 'a1', itemKey: 'code:X', rects }, deps);
    expect(shot).toMatchObject({ id: 'shot-1', auditId: 'a1', itemKey: 'code:X', takenAt: 5 });
    // An element outlined for two indicators is kept once for each (the store keeps one id per rectangle).
    expect(shot.rects.map((r) => r.indicator)).toEqual(['E1-3', 'E2-1', 'E2-2']);
    expect(ScreenshotRecord.safeParse(shot).success).toBe(true);
    expect(shot.blob.type).toBe('image/png');
    const bytes = new Uint8Array(await shot.blob.arrayBuffer());
    expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
  });

  it('refuses to capture another tab than the audited one, and says why the browser refused', async () => {
    await expect(captureEvidence(target, { auditId: 'a1', itemKey: 'k', rects: [] }, { ...deps, activeTab: async () => 8 })).rejects.toMatchObject({ kind: 'not-visible' });
    const denied = captureEvidence(target, { auditId: 'a1', itemKey: 'k', rects: [] }, { ...deps, capture: async () => { throw new Error('Missing activeTab permission'); } });
    await expect(denied).rejects.toBeInstanceOf(CaptureError);
    await expect(denied).rejects.toMatchObject({ kind: 'denied', message: 'Missing activeTab permission' });
    expect(() => dataUrlToBlob('not a data url')).toThrow(CaptureError);
  });

  it('lists the item’s screenshots with its audit, and deleting the audit deletes them', async () => {
    const db = await fresh();
    const html = guide({});
    const result = auditHtml(html);
    const saved = await saveAudit(db, result, snapshotOf(html));
    const item = await loadItem(db, result);
    expect(item.audit?.id).toBe(saved.record.id);
    expect(item.audit?.item.department).toBe('安达市市场监督管理局');
    await saveScreenshot(db, await captureEvidence(target, { auditId: item.audit!.id, itemKey: item.itemKey, rects: [] }, deps));
    expect((await loadItem(db, result)).screenshots).toHaveLength(1);
    await deleteAudits(db, [saved.record.id]);
    expect((await loadItem(db, result)).screenshots).toHaveLength(0);
  });
});
