import './node-blob';
import { parse } from 'csv-parse/sync';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { JOURNEY_HEADER, WIDE_HEADER, exportCsv } from '@/lib/export/csv-export';
import { DEFAULT_JOURNEY_SETTINGS } from '@/lib/journey/settings';
import { departmentStats, histories, itemRows, listAudits, openStore, putJourney, saveAudit, verdictMap, type StoreDb } from '@/lib/store';
import { auditHtml, guide, snapshotOf } from '../../helpers';
import { recordJourney, type Step } from '../journey/recorded';
import { useMessages } from '../panel/i18n-mock';

/** Journeys joined to the findings: their counts come from the stored events, never from fields of the record. */

let n = 0;
const fresh = () => openStore({ name: `journey-join-${++n}-${Math.random()}` });
const rowsOf = async (b: Blob): Promise<string[][]> => parse(new TextDecoder().decode(new Uint8Array(await b.arrayBuffer())), { bom: true, record_delimiter: '\r\n' });

const CODE_A = '11231281MB193827494000117000001';
const CODE_B = '11231281MB193827494000117000002';
// guide → 在线办理 (click 1) → login page → 登录 (2) → 情形选择 → 下一步 (3) → the form: 3 clicks, 3 pages, 1 login page
const WITHIN: Step[] = [{ page: 'login.html', login: true }, { click: '登录', page: 'choose.html' }, { click: '下一步', page: 'form.html', form: '提交' }];
// one more step: 4 clicks, 4 pages, over the default budget of 3
const OVER: Step[] = [{ page: 'list.html' }, { click: '个人办事', page: 'login.html', login: true }, { click: '登录', page: 'choose.html' }, { click: '下一步', page: 'form.html', form: '提交' }];

async function audit(db: StoreDb, code: string, dept: string) {
  const html = guide({ 实施编码: code, 实施主体: dept, 事项名称: `事项${code.slice(-1)}` });
  const saved = await saveAudit(db, auditHtml(html), snapshotOf(html));
  return saved.record;
}

describe('journeys in the exports and the dashboard', () => {
  it('the journeys CSV carries the counts, status and A3-2 / B1 outcomes derived from the stored events', async () => {
    const db = await fresh();
    await audit(db, CODE_A, '甲局');
    const id = await recordJourney(db, { code: CODE_A, name: '事项1', depth: 4, steps: WITHIN });
    const stored = await db.get('journeys', id);
    expect(stored).not.toHaveProperty('clicks'); // the record keeps no counts: only the events do
    const rows = await rowsOf(await exportCsv(db, 'journeys'));
    expect(rows[0]).toEqual(JOURNEY_HEADER);
    expect(rows).toHaveLength(2);
    const r = Object.fromEntries(JOURNEY_HEADER.map((h, i) => [h, rows[1]![i]]));
    expect(r).toMatchObject({
      '旅程 Journey': id, '事项名称 Item': '事项1', '事项编码 Code': CODE_A, '状态 Status': '已到达提交页 reached',
      '点击数 Clicks': '3', '页面数 Pages': '3', '登录页数 Login pages': '1', '到达申报页 Reached': '是', '结论 Outcome': '通过 pass',
      'B1 对照结果 B1 vs journey': '通过 pass',
    });
    expect(r['起始网址 Start URL']).toBe('http://127.0.0.1:9/guide.html');
    expect(r['结束时间 Ended at']).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(r['A3-2 说明 Finding']).toContain('3次点击、3个页面（其中登录/身份认证页1个）');
  });

  it('follows the reviewer\'s click budget, and the wide CSV shows the item\'s journey', async () => {
    const db = await fresh();
    const a = await audit(db, CODE_A, '甲局');
    await recordJourney(db, { code: CODE_A, name: '事项1', steps: OVER });
    const outcome = async (clickBudget: number) => (await rowsOf(await exportCsv(db, 'journeys', { journeySettings: { ...DEFAULT_JOURNEY_SETTINGS, clickBudget } })))[1]![JOURNEY_HEADER.indexOf('结论 Outcome')];
    expect(await outcome(3)).toBe('不完整 partial');
    expect(await outcome(4)).toBe('通过 pass');
    const wide = await rowsOf(await exportCsv(db, 'wide'));
    expect(wide[0]).toEqual(WIDE_HEADER);
    const col = (h: string) => wide[1]![WIDE_HEADER.indexOf(h)];
    expect([col('旅程数 Journeys'), col('点击数 Clicks'), col('页面数 Pages'), col('登录页数 Login pages'), col('到达申报页 Reached'), col('A3-2 引导便捷度')]).toEqual(['1', '4', '4', '1', '是', '不完整 partial']);
    // a selection of other items exports none of its journeys
    const other = await audit(db, CODE_B, '乙局');
    expect(await rowsOf(await exportCsv(db, 'journeys', { itemKeys: [other.itemKey] }))).toHaveLength(1);
    expect(await rowsOf(await exportCsv(db, 'journeys', { itemKeys: [a.itemKey] }))).toHaveLength(2);
  });

  it('an open journey and a record without events export what they really have', async () => {
    const db = await fresh();
    await recordJourney(db, { code: CODE_A, name: '事项1', steps: [{ page: 'login.html', login: true }] });
    const r = (await rowsOf(await exportCsv(db, 'journeys')))[1]!;
    const c = (h: string) => r[JOURNEY_HEADER.indexOf(h)];
    expect([c('状态 Status'), c('点击数 Clicks'), c('页面数 Pages'), c('登录页数 Login pages'), c('到达申报页 Reached'), c('结论 Outcome'), c('结束时间 Ended at')])
      .toEqual(['记录中 recording', '1', '1', '1', '否', '待人工核查 review', '']);
    // Counts written into a record (an old backup) are not believed: there are no events behind them.
    await putJourney(db, { id: 'j-bare', startedAt: 2_000_000_000_000, status: 'reached', clicks: 9, pages: 9 });
    const bare = (await rowsOf(await exportCsv(db, 'journeys')))[2]!;
    expect([bare[0], bare[JOURNEY_HEADER.indexOf('点击数 Clicks')], bare[JOURNEY_HEADER.indexOf('页面数 Pages')], bare[JOURNEY_HEADER.indexOf('状态 Status')]]).toEqual(['j-bare', '0', '0', '记录中 recording']);
  });

  it('averages journey clicks and pages per department and the share within budget, on the dashboard too', async () => {
    const db = await fresh();
    await audit(db, CODE_A, '甲局');
    await audit(db, CODE_B, '乙局');
    await recordJourney(db, { code: CODE_A, name: '事项1', steps: WITHIN });
    await recordJourney(db, { code: CODE_B, name: '事项2', steps: OVER, tabId: 2 });
    const rows = itemRows(histories(await listAudits(db)).values(), verdictMap([]));
    const byKey = new Map(rows.map((r) => [r.code, r]));
    const [all, jia, yi] = departmentStats([
      { ...byKey.get(CODE_A)!, journey: { clicks: 3, pages: 3, reached: true, a32: 'pass' } },
      { ...byKey.get(CODE_B)!, journey: { clicks: 4, pages: 4, reached: true, a32: 'partial' } },
    ]);
    expect(all!.journeys).toEqual({ clicks: 3.5, pages: 3.5, reached: 2, withinBudget: { n: 1, of: 2, rate: 0.5 } });
    expect(jia!.journeys.withinBudget.rate).toBe(1);
    expect(yi!.journeys.clicks).toBe(4);

    // The dashboard reads the same from the store
    useMessages('zh_CN');
    const root = document.createElement('div');
    document.body.append(root);
    let ready!: () => void;
    const shown = new Promise<void>((r) => (ready = r));
    act(() => render(<Dashboard db={db} ctx={{ cutTarget: 0.7 }} onReady={() => ready()} />, root));
    await shown;
    await act(async () => {});
    const line = (i: number) => {
      const tr = root.querySelectorAll<HTMLElement>('[data-testid="target-row"]')[i]!;
      return { dept: tr.querySelector('th')!.textContent, clicks: tr.querySelector('[data-testid="journey-clicks"]')!.textContent, pages: tr.querySelector('[data-testid="journey-pages"]')!.textContent, text: tr.textContent };
    };
    expect(line(0)).toMatchObject({ dept: '全部', clicks: '3.5 (2)', pages: '3.5 (2)' });
    expect(line(0).text).toContain('50%');
    expect(line(1)).toMatchObject({ dept: '甲局', clicks: '3 (1)' });
    expect(line(2)).toMatchObject({ dept: '乙局', clicks: '4 (1)', pages: '4 (1)' });
    expect(root.querySelector('thead')!.textContent).toContain('预算内到达（3 次点击）');
    render(null, root);

    // In English, one language: the overall group and the headers, the departments as stored
    useMessages('en');
    let again!: () => void;
    const english = new Promise<void>((r) => (again = r));
    act(() => render(<Dashboard db={db} ctx={{ cutTarget: 0.7 }} onReady={() => again()} />, root));
    await english;
    await act(async () => {});
    expect(line(0).dept).toBe('All');
    expect(line(1).dept).toBe('甲局');
    expect(root.querySelector('thead')!.textContent).toContain('Reached within budget (3 clicks)');
    expect(root.querySelector('thead')!.textContent).not.toMatch(/[\u4e00-\u9fff]/);
    render(null, root);
  });
});
