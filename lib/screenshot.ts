import type { ScreenshotRecord } from './store';

/**
 * Evidence screenshots: the visible part of the audited tab (`tabs.captureVisibleTab`), kept as
 * a Blob with the audit it documents and the rectangles of the elements outlined at that moment.
 */

export interface CaptureTarget {
  tabId: number;
  windowId: number;
}

export interface CaptureDeps {
  /** The tab shown in a window now (captureVisibleTab takes whatever is shown). */
  activeTab(windowId: number): Promise<number | undefined>;
  /** A PNG data URL of the window's visible tab. */
  capture(windowId: number): Promise<string>;
  now?: () => number;
  id?: () => string;
}

export class CaptureError extends Error {
  constructor(
    readonly kind: 'not-visible' | 'denied',
    detail = '',
  ) {
    super(detail || kind);
    this.name = 'CaptureError';
  }
}

export type Rect = ScreenshotRecord['rects'][number];

/** One rectangle per indicator: an element outlined for several (`"E2-1 E2-2"`) is listed for each. */
export function rectsByIndicator(rects: { x: number; y: number; width: number; height: number; indicator?: string }[]): Rect[] {
  return rects.flatMap(({ indicator, ...box }) => {
    const ids = (indicator ?? '').split(/\s+/).filter(Boolean);
    return ids.length ? ids.map((id) => ({ ...box, indicator: id.slice(0, 8) })) : [box];
  });
}

/** Captures the target tab, refusing when another tab is the one shown (that would be the wrong evidence). */
export async function captureEvidence(
  target: CaptureTarget,
  of: { auditId: string; itemKey: string; rects: Parameters<typeof rectsByIndicator>[0] },
  deps: CaptureDeps,
): Promise<ScreenshotRecord> {
  if ((await deps.activeTab(target.windowId)) !== target.tabId) throw new CaptureError('not-visible');
  let dataUrl: string;
  try {
    dataUrl = await deps.capture(target.windowId);
  } catch (e) {
    throw new CaptureError('denied', e instanceof Error ? e.message : String(e));
  }
  return {
    id: deps.id?.() ?? crypto.randomUUID(),
    auditId: of.auditId,
    itemKey: of.itemKey,
    takenAt: deps.now?.() ?? Date.now(),
    blob: dataUrlToBlob(dataUrl),
    rects: rectsByIndicator(of.rects).slice(0, 500),
  };
}

/** `data:image/png;base64,…` → Blob, without a fetch (extension pages may forbid data: fetches). */
export function dataUrlToBlob(dataUrl: string): Blob {
  const m = /^data:([^;,]+)(;base64)?,(.*)$/s.exec(dataUrl);
  if (!m) throw new CaptureError('denied', 'not an image');
  const bytes = m[2] ? Uint8Array.from(atob(m[3]!), (c) => c.charCodeAt(0)) : new TextEncoder().encode(decodeURIComponent(m[3]!));
  return new Blob([bytes], { type: m[1] });
}
