import './node-blob';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_HEADER, csvCell } from '@/lib/csv';
import { JOURNEY_HEADER, LONG_HEADER, WIDE_HEADER, exportCsv } from '@/lib/export/csv-export';
import { openStore, putJourney, putVerdict, saveAudit, type StoreDb } from '@/lib/store';
import { auditHtml, guide, snapshotOf } from '../../helpers';

let n = 0;
const fresh = () => openStore({ name: `export-test-${++n}-${Math.random()}` });

export const FIXED_ROWS = { 办理地点: '灵山县江南路5号政务服务中心3楼302室5号窗口', 咨询电话: '0777-6512345', 办理时间: '工作日上午9:00-12:00' };

async function bytes(b: Blob) {
  return new Uint8Array(await b.arrayBuffer());
}
async function rowsOf(b: Blob): Promise<string[][]> {
  const text = new TextDecoder().decode(await bytes(b)); // TextDecoder drops the BOM
  return parse(text, { bom: true, relax_column_count: false, record_delimiter: '\r\n' });
}
async function audit(db: StoreDb, rows: Record<string, string>, at: number) {
  const html = guide(rows);
  return (await saveAudit(db, { ...auditHtml(html), auditedAt: at }, snapshotOf(html))).record;
}

describe('long CSV from the store', () => {
  it('writes a BOM, CRLF, today\'s columns then the review and history columns, one row per indicator', async () => {
    const db = await fresh();
    await audit(db, {}, 1000);
    const blob = await exportCsv(db, 'long');
    const b = await bytes(blob);
    expect([...b.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(b);
    expect(text.split('\r\n')).toHaveLength(1 + 18 + 1);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n(?!")/); // no bare LF line breaks outside cells
    const rows = await rowsOf(blob);
    expect(rows[0]).toEqual(LONG_HEADER);
    expect(rows[0]!.slice(0, CSV_HEADER.length)).toEqual(CSV_HEADER);
    expect(LONG_HEADER.slice(CSV_HEADER.length)).toEqual(['自动判定 Auto status', '复核理由 Verdict reason', '备注 Note', '复核人 Reviewer', '变化 Change', '部门 Department', '规则版本 Rules']);
    const col = (name: string) => LONG_HEADER.indexOf(name);
    expect(rows.slice(1).every((r) => r[col('变化 Change')] === '新增 new')).toBe(true);
    expect(rows[1]![col('部门 Department')]).toBe('安达市市场监督管理局');
    expect(rows[1]![col('规则版本 Rules')]).toBe('0.1.0');
  });

  it('marks fixed, regressed, changed and unchanged indicators against the item\'s previous audit', async () => {
    const db = await fresh();
    await audit(db, {}, 1000);
    await audit(db, { ...FIXED_ROWS, 法定办结时限: '15日' }, 2000);
    const rows = await rowsOf(await exportCsv(db, 'long'));
    const change = Object.fromEntries(rows.slice(1).map((r) => [r[5], r[LONG_HEADER.indexOf('变化 Change')]]));
    expect(change['E1-3']).toBe('已整改 fixed');
    expect(change['E1-4']).toBe('已整改 fixed');
    expect(change['E1-5']).toBe('已整改 fixed');
    expect(change['E1-1']).toBe('新问题 regressed');
    expect(change['B3-1']).toBe('未变 unchanged');
    expect(rows).toHaveLength(1 + 18); // latest audit only
    const all = await rowsOf(await exportCsv(db, 'long', { allAudits: true }));
    expect(all).toHaveLength(1 + 36);
  });

  it('marks a comparison across rule-set versions', async () => {
    const db = await fresh();
    const html = guide({});
    await saveAudit(db, { ...auditHtml(html), auditedAt: 1, engine: '0.0.9' });
    await saveAudit(db, { ...auditHtml(guide(FIXED_ROWS)), auditedAt: 2 });
    const rows = await rowsOf(await exportCsv(db, 'long'));
    const e13 = rows.find((r) => r[5] === 'E1-3')!;
    expect(e13[LONG_HEADER.indexOf('变化 Change')]).toBe('已整改 fixed（跨规则版本 across rules 0.0.9→0.1.0）');
  });

  it('puts the reviewer\'s verdict beside the automatic status', async () => {
    const db = await fresh();
    const a = await audit(db, {}, 1000);
    await putVerdict(db, { itemKey: a.itemKey, indicator: 'E1-3', status: 'pass', reason: 'elsewhere', note: '窗口号见大厅公告', reviewer: '张三', at: 5, autoStatus: 'fail' });
    const rows = await rowsOf(await exportCsv(db, 'long'));
    const e13 = rows.find((r) => r[5] === 'E1-3')!;
    const at = (name: string) => e13[LONG_HEADER.indexOf(name)];
    expect(at('结果 Status')).toBe('通过 pass');
    expect(at('自动判定 Auto status')).toBe('缺失 fail');
    expect(at('复核理由 Verdict reason')).toBe('页面外信息 information elsewhere');
    expect(at('备注 Note')).toBe('窗口号见大厅公告');
    expect(at('复核人 Reviewer')).toBe('张三');
  });

  it('keeps hostile cells as text: formulas neutralised, quotes, newlines, CJK, emoji and RTL marks read back', async () => {
    const hostile = [
      '=HYPERLINK("http://evil.example","点击")', '+1', '-1+1', '@SUM(1)', '\t=1', '\r=1', ' =cmd|\' /C calc\'!A0',
      '\u3000=1+1', '\u00a0=1', '＝1+1', '＋1', '－1', '＠SUM(1)', '说 "无"，逗号,换行\n第二行', '办事👍🏽指南', '\u202e\u200fمرحبا =1',
    ];
    const db = await fresh();
    for (const [i, h] of hostile.entries()) {
      await audit(db, { 事项名称: h.replace(/&/g, '&amp;').replace(/</g, '&lt;'), 实施编码: `11231281MB19382749400011700${String(1000 + i)}`, 办理地点: h }, 1000 + i);
    }
    const rows = await rowsOf(await exportCsv(db, 'long'));
    const e13 = rows.filter((r) => r[5] === 'E1-3');
    expect(e13).toHaveLength(hostile.length);
    const strip = (s: string) => s.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
    for (const r of e13) {
      for (const cell of [r[3]!, r[8]!]) {
        // A cell that a spreadsheet would run starts, after any white space, with the apostrophe
        expect(cell.replace(/^[\s\u00a0\u3000\ufeff]+/, '')).not.toMatch(/^[=+\-@＝＋－＠\t\r]/);
      }
    }
    // Every hostile name comes back as written (white space collapsed by the page), the formulas behind an apostrophe
    const names = e13.map((r) => strip(r[3]!).replace(/^'/, ''));
    for (const h of hostile) expect(names).toContain(strip(h));
    expect(csvCell('＝1+1')).toBe(`"'＝1+1"`);
  });

  it('writes one wide row per item and the journeys header (journey rows: journey-join.test.tsx)', async () => {
    const db = await fresh();
    await audit(db, {}, 1000);
    await audit(db, FIXED_ROWS, 2000);
    await audit(db, { 实施编码: '11231281MB193827494000117009999' }, 3000);
    const wide = await rowsOf(await exportCsv(db, 'wide'));
    expect(wide[0]).toEqual(WIDE_HEADER);
    expect(wide).toHaveLength(3);
    const first = wide.find((r) => r[6] === '2')!;
    expect(first[WIDE_HEADER.indexOf('E1-3 办理地点')]).toBe('通过 pass');
    expect(first[WIDE_HEADER.indexOf('法定时限 Legal limit')]).toBe('15工作日');
    expect(first[WIDE_HEADER.indexOf('减时间 Cut %')]).toBe('80');
    await putJourney(db, { id: 'j1', startedAt: 1, status: 'reached' });
    const journeys = await rowsOf(await exportCsv(db, 'journeys'));
    expect(journeys[0]).toEqual(JOURNEY_HEADER);
    expect(journeys[1]![0]).toBe('j1');
  });

  it('exports a selection of items only', async () => {
    const db = await fresh();
    const a = await audit(db, {}, 1000);
    await audit(db, { 实施编码: '11231281MB193827494000117009999' }, 3000);
    expect(await rowsOf(await exportCsv(db, 'long', { itemKeys: [a.itemKey] }))).toHaveLength(19);
  });
});
