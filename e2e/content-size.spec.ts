// The content script runs on every page of every portal the reviewer opens: its size is a cost
// each page pays. Read from the build the e2e run has just made (`wxt build` before playwright).
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const FILE = path.resolve('.output/chrome-mv3/content-scripts/content.js');
// Issue 7 aims at 60 KB; the engine itself (labels, extractor, 18 rules) is ~70 KB minified and the
// journey recorder and highlights add ~35 KB (104 KB in all today), so the bound catches a regression
// such as zod coming back (~90 KB more) while the 60 KB target stays open work.
const MAX_BYTES = 112 * 1024;

test('the content script is small: no zod, at most 112 KB minified', () => {
  const code = fs.readFileSync(FILE, 'utf8');
  expect(code).not.toMatch(/ZodError|\$ZodType|zod\.dev/);
  expect(Buffer.byteLength(code), `${FILE} is ${Buffer.byteLength(code)} bytes`).toBeLessThanOrEqual(MAX_BYTES);
});
