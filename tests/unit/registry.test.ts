import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDICATOR_IDS } from '@/lib/indicators';
import { RULES } from '@/lib/rules';

// vitest runs from the project root (under happy-dom, import.meta.url is not a file URL)
const ROOT = process.cwd();
const ruleFiles = fs.readdirSync(path.join(ROOT, 'lib/rules')).filter((f) => /^[A-E]\d(-\d)?\.ts$/.test(f)).map((f) => f.replace(/\.ts$/, ''));

describe('rule registry', () => {
  it('registers exactly one rule per indicator file, named by it, in report order', () => {
    expect(RULES.map((r) => r.id)).toEqual(INDICATOR_IDS);
    expect([...ruleFiles].sort()).toEqual([...INDICATOR_IDS].sort());
  });

  it('has a unit test file for every rule', () => {
    const missing = INDICATOR_IDS.filter((id) => !fs.existsSync(path.join(ROOT, `tests/unit/rules/${id}.test.ts`)));
    expect(missing).toEqual([]);
  });

  // The rule book is the contract: every per-item indicator it defines has a rule. A3-2 is
  // measured on journeys across pages, not on one guide page, so it is not a page rule.
  const book = path.join(ROOT, '../shared/guide-rules.md');
  it.runIf(fs.existsSync(book))('covers every per-item indicator of the rule book', () => {
    const text = fs.readFileSync(book, 'utf8');
    const ids = new Set([...text.matchAll(/^###\s+([A-E]\d(?:-\d)?)\b.*$/gm)].flatMap((m) => [m[1]!, ...[...m[0].matchAll(/·\s*([A-E]\d-\d)/g)].map((x) => x[1]!)]));
    ids.delete('A3-2');
    expect([...ids].sort()).toEqual([...INDICATOR_IDS].sort());
  });
});
