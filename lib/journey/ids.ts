/**
 * Event ids and the outbox key prefix: what the content-side recorder needs of the journey
 * events, without zod (the content script stays small; the background validates every event).
 */

/**
 * A random v4 UUID. `crypto.randomUUID` exists only in secure contexts, and many portals are
 * still served over plain http, where content scripts get only `getRandomValues`.
 */
export function newEventId(c: Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string } = crypto): string {
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Content scripts' outbox keys in storage.local (lib/content/journey.ts says why). */
export const OUTBOX_PREFIX = 'jout:';
