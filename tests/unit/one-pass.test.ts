import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractGuide } from '@/lib/extract/guide';
import { loadFixtures } from '../fixtures';
import { pageOf } from '../helpers';

// The engine runs on every guide page a reviewer opens: it must read the DOM once and never ask
// the browser for layout (getBoundingClientRect, offsetHeight, innerText, getComputedStyle).
describe('extraction cost', () => {
  afterEach(() => vi.restoreAllMocks());

  it('visits each element once and forces no layout', () => {
    const html = loadFixtures().find((f) => f.name === 'guangdong-matters-table')!.html;
    const doc = pageOf(html);
    const proto = Object.getPrototypeOf(doc.body) as object;
    const calls: string[] = [];
    const spy = (obj: object, name: string) => {
      let o: object | null = obj;
      while (o && !Object.getOwnPropertyDescriptor(o, name)) o = Object.getPrototypeOf(o);
      const d = o && Object.getOwnPropertyDescriptor(o, name);
      if (!d || !o) return;
      if (typeof d.value === 'function') vi.spyOn(o as Record<string, () => unknown>, name).mockImplementation(function () { calls.push(name); return undefined; });
      else if (d.get) vi.spyOn(o as Record<string, unknown>, name, 'get').mockImplementation(() => { calls.push(name); return 0; });
    };
    for (const name of ['getBoundingClientRect', 'getClientRects', 'offsetHeight', 'offsetWidth', 'offsetTop', 'clientHeight', 'scrollHeight', 'innerText']) spy(proto, name);
    vi.spyOn(window, 'getComputedStyle').mockImplementation(() => { calls.push('getComputedStyle'); return {} as CSSStyleDeclaration; });

    const s = extractGuide(doc);
    expect(calls).toEqual([]);
    const elements = doc.body.querySelectorAll('*').length + 1;
    const skipped = doc.body.querySelectorAll('script, style, script *, style *').length;
    expect(s.visited).toBe(elements - skipped);
  });
});
