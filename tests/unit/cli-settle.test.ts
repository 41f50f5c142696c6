/**
 * The command line's settle rule (cli/settle.ts) on a page that never gets a result: it waits to
 * its limit, unless the extension said it failed to read the page, when it stops once the page is quiet.
 */
import type { Page } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { settle } from '../../cli/settle';

// A page that stands still: the same fingerprint every time it is asked.
const stillPage = { evaluate: async () => ({ sig: 'same', href: 'http://127.0.0.1/g.html', inert: false, html: true }) } as unknown as Page;
const options = { timeoutMs: 2_500, settleMs: 2_500, quietMs: 200 };
const state = (failed: boolean) => ({ crashed: () => false, fetching: () => false, loadedAt: () => Date.now(), refreshes: false, failed: async () => failed });

describe('cli settle', () => {
  it('gives up on a page the extension failed to read as soon as it is quiet, not at the time limit', async () => {
    const started = Date.now();
    const settled = await settle(stillPage, async () => undefined, options, state(true));
    expect(settled.entry).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1_500);
  }, 15_000);

  it('without a failure, a page with no result is waited for to the limit', async () => {
    const started = Date.now();
    await settle(stillPage, async () => undefined, options, state(false));
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_400);
  }, 15_000);
});
