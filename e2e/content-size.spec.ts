// The content script runs on every page of every portal the reviewer opens: its size is a cost
// each page pays. Read from the build the e2e run has just made (`wxt build` before playwright).
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const FILE = path.resolve('.output/chrome-mv3/content-scripts/content.js');
// It reads the page (the extractor, ~30 KB, and the labels, ~8 KB) and records journeys (~8 KB);
// the indicator rules run in the background, the outlines' drawing code is loaded on the first
// outline (highlights.js), and it carries neither zod nor the webextension polyfill (wxt.config.ts).
const MAX_BYTES = 60 * 1024;
const DRAWING = path.resolve('.output/chrome-mv3/highlights.js');

test('the content script is small: no zod, no polyfill, no rules, no drawing code, at most 60 KB minified', () => {
  const code = fs.readFileSync(FILE, 'utf8');
  expect(code).not.toMatch(/ZodError|\$ZodType|zod\.dev/);
  expect(code).not.toContain('This script should only be loaded in a browser extension'); // the polyfill's guard
  // the rules' messages (E1-3 …) stay in the background
  expect(code).not.toContain('未说明必须到现场办理的原因');
  expect(code).not.toContain('guide-auditor-highlights'); // the overlay's host element is drawn by highlights.js
  expect(Buffer.byteLength(code), `${FILE} is ${Buffer.byteLength(code)} bytes`).toBeLessThanOrEqual(MAX_BYTES);
  // the drawing code is small too, and carries no copy of the engine
  const drawing = fs.readFileSync(DRAWING, 'utf8');
  expect(drawing).toContain('guide-auditor-highlights');
  expect(drawing).not.toContain('法定办结时限');
  expect(Buffer.byteLength(drawing)).toBeLessThanOrEqual(12 * 1024);
});
