import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PAGES_DIR = fileURLToPath(new URL('./fixtures/pages/', import.meta.url));

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

export function loadFixtures(): Fixture[] {
  return fs
    .readdirSync(PAGES_DIR)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.html$/, '');
      return {
        name,
        file: path.join(PAGES_DIR, f),
        html: fs.readFileSync(path.join(PAGES_DIR, f), 'utf8'),
        expected: JSON.parse(fs.readFileSync(path.join(PAGES_DIR, `${name}.expected.json`), 'utf8')) as Expected,
        scripted: fs.existsSync(path.join(PAGES_DIR, `${name}.data.json`)),
      };
    });
}
