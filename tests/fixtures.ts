import fs from 'node:fs';
import path from 'node:path';

// Both runners start in the project root; under happy-dom import.meta.url is not a file URL.
export const PAGES_DIR = path.resolve(process.cwd(), 'tests/fixtures/pages');

export interface ExpectedOutcome {
  status: string;
  valueIncludes?: string;
  missing?: string[];
  data?: Record<string, unknown>;
  why?: string;
}
export interface Expected {
  description: string;
  isGuide: boolean;
  item?: { name?: string; code?: string | null };
  outcomes?: Record<string, ExpectedOutcome>;
}

export interface Fixture {
  name: string;
  file: string;
  html: string;
  expected: Expected;
  /** Filled in by its own script from a data file: only a real browser renders it. */
  scripted: boolean;
}

export function loadFixtures(dir = PAGES_DIR): Fixture[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.html$/, '');
      return {
        name,
        file: path.join(dir, f),
        html: fs.readFileSync(path.join(dir, f), 'utf8'),
        expected: JSON.parse(fs.readFileSync(path.join(dir, `${name}.expected.json`), 'utf8')) as Expected,
        scripted: fs.existsSync(path.join(dir, `${name}.data.json`)),
      };
    });
}

interface ResultLike {
  isGuide: boolean;
  item: { name: string | null; code: string | null };
  outcomes: { indicator: string; status: string; value: string; missing: string[]; data: Record<string, unknown> }[];
}

/** Every way a result differs from its fixture's expectation, in words; empty when it matches. */
export function mismatches(result: ResultLike, expected: Expected): string[] {
  const out: string[] = [];
  if (result.isGuide !== expected.isGuide) out.push(`isGuide ${result.isGuide}, expected ${expected.isGuide}`);
  if (!expected.isGuide) {
    if (result.outcomes.length) out.push(`a non-guide got ${result.outcomes.length} outcomes`);
    return out;
  }
  if (expected.item?.code !== undefined && result.item.code !== expected.item.code) out.push(`item.code ${result.item.code}, expected ${expected.item.code}`);
  if (expected.item?.name && !(result.item.name ?? '').includes(expected.item.name)) out.push(`item.name ${result.item.name}, expected ${expected.item.name}`);
  const ids = Object.keys(expected.outcomes ?? {});
  if (result.outcomes.map((o) => o.indicator).sort().join() !== ids.sort().join()) out.push(`indicators ${result.outcomes.map((o) => o.indicator).join()} ≠ expected`);
  for (const [id, e] of Object.entries(expected.outcomes ?? {})) {
    const o = result.outcomes.find((x) => x.indicator === id);
    if (!o) continue;
    if (o.status !== e.status) out.push(`${id}: ${o.status}, expected ${e.status}`);
    if (e.missing && [...o.missing].sort().join('|') !== [...e.missing].sort().join('|')) out.push(`${id}: missing ${JSON.stringify(o.missing)}, expected ${JSON.stringify(e.missing)}`);
    if (e.valueIncludes && !o.value.includes(e.valueIncludes)) out.push(`${id}: value "${o.value}" lacks "${e.valueIncludes}"`);
    for (const [k, v] of Object.entries(e.data ?? {})) {
      const actual = o.data[k];
      const ok = typeof v === 'number' && typeof actual === 'number' ? Math.abs(actual - v) <= 0.01 : actual === v;
      if (!ok) out.push(`${id}: data.${k} ${JSON.stringify(actual)}, expected ${JSON.stringify(v)}`);
    }
  }
  return out;
}
