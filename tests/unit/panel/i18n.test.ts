import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishLine, PART_TEXT, PART_TEXT_EN } from '@/lib/indicators';

const read = (l: string) => JSON.parse(fs.readFileSync(`public/_locales/${l}/messages.json`, 'utf8')) as Record<string, { message: string }>;
const zh = read('zh_CN');
const en = read('en');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}
// Every extension page: side panel, popup, options (settings form), journeys (timeline and its
// settings form) and the dashboard (its tables, charts and the store notice it shares with the
// panel and popup). Every component is checked.
const pages = ['sidepanel', 'popup', 'options', 'journey', 'dashboard'].map((p) => path.join('entrypoints', p));
const ui = [...sources('components'), ...pages.flatMap(sources)];
// Form messages that lib/settings.ts and lib/journey/settings.ts hand to the pages by key: the
// union of keys in their message interfaces (`key: 'setErrNotHost' | …;`).
const formKeys = ['lib/settings.ts', 'lib/journey/settings.ts'].flatMap((f) =>
  [...fs.readFileSync(f, 'utf8').matchAll(/^\s*key: ('[^;]+');$/gm)].flatMap((m) => [...m[1]!.matchAll(/'([A-Za-z0-9_]+)'/g)].map((k) => k[1]!)),
);

describe('UI text through the extension i18n', () => {
  it('has the same messages, with the same $n placeholders, in zh_CN and en', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh)) {
      const slots = (m: string) => [...m.matchAll(/\$\d/g)].map((x) => x[0]).sort();
      expect(slots(en[key]!.message), key).toEqual(slots(zh[key]!.message));
    }
  });

  it('finds every key the extension pages ask for in the locales', () => {
    const used = new Set(ui.flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/\bt\('([A-Za-z0-9_]+)'/g)].map((m) => m[1]!)));
    expect(used.size).toBeGreaterThan(100);
    for (const key of used) expect(zh, key).toHaveProperty(key);
    expect(formKeys).toEqual(expect.arrayContaining(['setErrNotHost', 'setErrCut', 'jsErrBudget', 'jsErrUrls']));
    for (const key of formKeys) expect(zh, key).toHaveProperty(key);
  });

  it('lists the options, journey and dashboard pages, the settings forms and the store notice among the checked files', () => {
    for (const f of ['components/SettingsForm.tsx', 'entrypoints/options/main.tsx', 'components/journey/Timeline.tsx', 'components/journey/JourneySettingsForm.tsx', 'entrypoints/journey/main.tsx', 'components/dashboard/StoreNotice.tsx', 'components/dashboard/Dashboard.tsx', 'components/dashboard/ItemsTable.tsx', 'components/dashboard/Charts.tsx', 'components/dashboard/Confirm.tsx', 'entrypoints/dashboard/main.tsx']) {
      expect(ui).toContain(path.normalize(f));
    }
    // each page reads the reviewer's language choice before it renders
    for (const p of pages) expect(fs.readFileSync(path.join(p, 'main.tsx'), 'utf8'), p).toMatch(/await initI18n\(\)/);
  });

  it('hard-codes no Chinese text in the extension pages', () => {
    for (const f of ui) {
      const code = fs.readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      // console messages are for developers; everything a user reads comes from the locales
      const shown = code.replace(/console\.\w+\([^)]*\)/g, '');
      expect(shown, f).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('names every part in English words, never by its internal key', () => {
    expect(Object.keys(PART_TEXT_EN).sort()).toEqual(Object.keys(PART_TEXT).sort());
    const line = englishLine({
      indicator: 'E3-1', status: 'partial', value: '', message: '', hint: '', found: [], data: {}, evidence: {},
      missing: ['审查:handler', '送达:time-limit', '决定:standard'],
    });
    expect(line).toBe('Process detail: partial; missing 审查: handler, 送达: time limit, 决定: review standard');
    expect(englishLine({ indicator: 'E1-5', status: 'partial', value: '', message: '', hint: '', found: [], data: {}, evidence: {}, missing: ['area-code'] })).toBe(
      'Enquiry phone: partial; missing area code',
    );
  });
});
