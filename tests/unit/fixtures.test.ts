import { describe, expect, it } from 'vitest';
import { loadFixtures, mismatches } from '../fixtures';
import { auditHtml } from '../helpers';

// Pages that render from their own XHR are covered end to end in a real browser (e2e/).
describe('fixture pages (static, engine in Node)', () => {
  for (const f of loadFixtures().filter((x) => !x.scripted)) {
    it(`${f.name}: every indicator as expected`, () => {
      expect(mismatches(auditHtml(f.html), f.expected)).toEqual([]);
    });
  }
});
