/**
 * Long work cut into slices, so that reading a big page never blocks it (issue 7: no task over
 * 50 ms). The extraction is written as a generator that yields at points where it may pause (every
 * few hundred nodes of the walk, between phases); `runAtOnce` runs it to the end in one go (Node,
 * tests, re-audits of stored pages), `runInSlices` gives the page its turn whenever a slice has
 * used its budget, and stops when the work is no longer wanted (the page changed again).
 */

/** Work that may pause wherever it yields. */
export type Steps<T> = Generator<void, T, void>;

export function runAtOnce<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

export interface SliceOptions {
  /** The most a slice may take before the page gets its turn. */
  budgetMs?: number;
  /** Asked after each pause: true drops the work (null is returned). */
  cancelled?: () => boolean;
  /** Gives the page its turn: a new task (lib/content uses `scheduler.yield` or a message). */
  pause?: () => Promise<void>;
  now?: () => number;
}

/**
 * Runs the steps in slices of about `budgetMs`. Work that fits in one slice finishes before
 * this returns (no promise, no extra task: a small guide is read at once); otherwise the
 * result comes as a promise, null if it was cancelled on the way.
 */
export function runInSlices<T>(steps: Steps<T>, o: SliceOptions = {}): T | Promise<T | null> {
  const budget = o.budgetMs ?? 20;
  const now = o.now ?? (() => performance.now());
  const pause = o.pause ?? nextTask;
  let start = now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (now() - start >= budget) break;
  }
  return (async () => {
    for (;;) {
      await pause();
      if (o.cancelled?.()) {
        steps.return(undefined as T);
        return null;
      }
      start = now();
      for (;;) {
        const r = steps.next();
        if (r.done) return r.value;
        if (now() - start >= budget) break;
      }
    }
  })();
}

/** A new task: `scheduler.yield()` where the browser has it (the page's input goes first), else a posted message. */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((done) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      done();
    };
    channel.port2.postMessage(null);
  });
}
