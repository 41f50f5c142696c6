import { describe, expect, it } from 'vitest';
import { extractGuide, extractionSteps } from '@/lib/extract/guide';
import { runAtOnce, runInSlices, type Steps } from '@/lib/extract/slices';
import { guide, pageOf } from '../helpers';

/** Steps that each take `cost` ms on a fake clock. */
function counting(n: number, clock: { t: number }, cost: number): Steps<number> {
  return (function* () {
    for (let i = 0; i < n; i++) {
      clock.t += cost;
      yield;
    }
    return n;
  })();
}

describe('long work in slices (the page keeps its turn)', () => {
  it('work that fits in one slice is done before the call returns: no promise, no pause', () => {
    const clock = { t: 0 };
    let pauses = 0;
    const r = runInSlices(counting(5, clock, 1), { budgetMs: 20, now: () => clock.t, pause: async () => void pauses++ });
    expect(r).toBe(5);
    expect(pauses).toBe(0);
  });

  it('longer work pauses whenever a slice has used its budget, and ends with the same result', async () => {
    const clock = { t: 0 };
    const slices: number[] = [];
    let sliceStart = 0;
    const r = runInSlices(counting(100, clock, 3), {
      budgetMs: 20, now: () => clock.t,
      pause: async () => { slices.push(clock.t - sliceStart); sliceStart = clock.t; },
    });
    expect(r).toBeInstanceOf(Promise);
    expect(await r).toBe(100);
    expect(slices.length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...slices)).toBeLessThanOrEqual(21); // 7 steps of 3 ms
  });

  it('work no longer wanted stops at the next pause', async () => {
    const clock = { t: 0 };
    let wanted = true;
    const steps = counting(100, clock, 5);
    const r = runInSlices(steps, { budgetMs: 20, now: () => clock.t, pause: async () => void (wanted = false), cancelled: () => !wanted });
    expect(await r).toBeNull();
    expect(clock.t).toBeLessThan(100); // it did not run on
  });

  it('the extraction read in slices is the one read at once', async () => {
    const html = guide({ 办理地点: '某市某路1号' });
    const doc = pageOf(html);
    const clock = { t: 0 };
    // every step "costs" 30 ms: the walk and the parts each pause
    let pauses = 0;
    const sliced = await runInSlices(extractionSteps(doc), { budgetMs: 20, now: () => (clock.t += 30), pause: async () => void pauses++ });
    expect(pauses).toBeGreaterThan(4);
    expect(sliced).toEqual(extractGuide(doc));
    expect(runAtOnce(extractionSteps(doc))).toEqual(sliced);
  });
});
