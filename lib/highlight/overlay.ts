import { OWN_UI_ATTR } from '../extract/walk';
import type { Status } from '../outcome';

/**
 * The on-page outlines: one host element of ours with a closed shadow root, in the top layer
 * where the browser offers it (a manual popover), positioned from getBoundingClientRect and
 * kept in place on scroll and resize. The page's CSS cannot reach inside, and the host's own
 * styles are set from inside with !important, which beats any page rule on the host (for
 * important declarations the inner, shadow context wins). Removing it leaves nothing behind:
 * no node, listener, observer or style.
 */

export const STATUS_COLOR: Record<Status, string> = {
  pass: '#2e7d32',
  partial: '#b45309',
  fail: '#c62828',
  review: '#1565c0',
  na: '#616161',
};

export interface Outline {
  el: Element;
  status: Status;
  label: string;
  /** Dashed: where something was expected but is missing. */
  dashed: boolean;
  indicator: string;
}

const HOST_TAG = 'guide-auditor-highlights';

const CSS = `
:host {
  all: initial !important;
  display: block !important; position: fixed !important; inset: 0 auto auto 0 !important;
  width: 0 !important; height: 0 !important; min-width: 0 !important; min-height: 0 !important;
  margin: 0 !important; padding: 0 !important; border: 0 !important; overflow: visible !important;
  background: transparent !important; z-index: 2147483647 !important; pointer-events: none !important;
  visibility: visible !important; opacity: 1 !important; transform: none !important; filter: none !important;
  clip-path: none !important; mask: none !important; contain: none !important; translate: none !important;
  scale: none !important; rotate: none !important; zoom: 1 !important; content-visibility: visible !important;
}
.box {
  position: fixed; box-sizing: border-box; margin: 0; padding: 0; pointer-events: none;
  border: 3px solid var(--c); border-radius: 3px; box-shadow: 0 0 0 1px #fff, 0 0 0 4px rgba(0,0,0,.18);
  display: block; visibility: visible; opacity: 1;
}
.box.expected { border-style: dashed; background: rgba(198, 40, 40, .07); }
.label {
  position: absolute; left: -3px; bottom: 100%; margin: 0 0 1px; max-width: 520px; min-width: 120px;
  box-sizing: border-box; padding: 2px 8px; border-radius: 3px 3px 0 0; background: var(--c); color: #fff;
  font: 600 12px/1.5 "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; letter-spacing: 0;
  white-space: pre-line; text-align: left; text-shadow: none; direction: ltr;
}
.box.below .label { bottom: auto; top: 100%; margin: 1px 0 0; border-radius: 0 0 3px 3px; }
`;

export class Overlay {
  private host?: HTMLElement;
  private layer?: HTMLElement;
  private outlines: { o: Outline; box: HTMLElement }[] = [];
  private abort?: AbortController;
  private observers: { disconnect(): void }[] = [];
  private frame = 0;

  constructor(private readonly doc: Document) {}

  get shown(): boolean {
    return this.outlines.length > 0;
  }

  /** Replaces what is drawn with these outlines. */
  draw(outlines: Outline[]): void {
    this.clear();
    if (!outlines.length) return;
    const doc = this.doc;
    const win = doc.defaultView!;
    const host = doc.createElement(HOST_TAG);
    host.setAttribute(OWN_UI_ATTR, 'highlights');
    const root = host.attachShadow({ mode: 'closed' });
    this.adoptStyle(root);
    const layer = doc.createElement('div');
    root.append(layer);
    for (const o of outlines) {
      const box = doc.createElement('div');
      box.className = o.dashed ? 'box expected' : 'box';
      box.style.setProperty('--c', STATUS_COLOR[o.status]);
      box.dataset.indicator = o.indicator;
      const label = doc.createElement('div');
      label.className = 'label';
      label.textContent = o.label; // page text stays text
      box.append(label);
      layer.append(box);
      this.outlines.push({ o, box });
    }
    doc.documentElement.append(host);
    // The top layer paints above any z-index the page uses (Chrome 114+, Firefox 125+).
    if (typeof host.showPopover === 'function') {
      host.setAttribute('popover', 'manual');
      try {
        host.showPopover();
      } catch {
        /* not connected or not supported: the z-index still applies */
      }
    }
    this.host = host;
    this.layer = layer;

    const abort = new AbortController();
    this.abort = abort;
    const opts = { capture: true, passive: true, signal: abort.signal };
    win.addEventListener('scroll', this.schedule, opts);
    win.addEventListener('resize', this.schedule, opts);
    const ro = new win.ResizeObserver(this.schedule);
    for (const { o } of this.outlines) ro.observe(o.el);
    const mo = new win.MutationObserver((records) => {
      if (records.some((r) => !host.contains(r.target))) this.schedule();
    });
    mo.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, characterData: true });
    this.observers.push(ro, mo);
    this.layout();
  }

  /** Viewport rectangles of the outlined elements, as drawn now. */
  rects(): { indicator: string; x: number; y: number; width: number; height: number }[] {
    return this.outlines.map(({ o }) => {
      const r = o.el.getBoundingClientRect();
      return { indicator: o.indicator, x: r.x, y: r.y, width: r.width, height: r.height };
    });
  }

  layout(): void {
    this.frame = 0;
    try {
      const top = 22; // room for a label above the box
      for (const { o, box } of this.outlines) {
        const r = o.el.getBoundingClientRect();
        const s = box.style;
        s.left = `${r.left}px`;
        s.top = `${r.top}px`;
        s.width = `${Math.max(r.width, 4)}px`;
        s.height = `${Math.max(r.height, 4)}px`;
        // Detached (the page re-rendered it): nothing to point at any more.
        s.display = o.el.isConnected ? 'block' : 'none';
        box.classList.toggle('below', r.top < top);
      }
    } catch (e) {
      console.warn('[办事指南审核助手] highlight layout failed', e);
    }
  }

  /** Removes everything of ours from the page. */
  clear(): void {
    this.abort?.abort();
    this.abort = undefined;
    for (const o of this.observers) o.disconnect();
    this.observers = [];
    if (this.frame) this.doc.defaultView?.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.host?.remove();
    this.host = undefined;
    this.layer = undefined;
    this.outlines = [];
  }

  private readonly schedule = () => {
    if (this.frame || !this.layer) return;
    this.frame = this.doc.defaultView?.requestAnimationFrame(() => this.layout()) ?? 0;
  };

  /**
   * A constructed sheet is not subject to the page's style-src CSP; where a content script
   * cannot adopt one (Firefox's Xray wrappers), a <style> element inside the closed root.
   */
  private adoptStyle(root: ShadowRoot): void {
    const win = this.doc.defaultView as (Window & typeof globalThis) | null;
    try {
      const sheet = new win!.CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
      if (root.adoptedStyleSheets.length === 1) return;
    } catch {
      /* fall through */
    }
    const style = this.doc.createElement('style');
    style.textContent = CSS;
    root.append(style);
  }
}
