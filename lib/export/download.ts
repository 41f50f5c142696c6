import { safeFileName } from './writer';

/** Hands a file to the browser's downloads from an extension page (no `downloads` permission). */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: safeFileName(name) });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `办事指南审核-长表-2026-12-02.csv` */
export function exportFileName(kind: string, ext: string, now = new Date()): string {
  const d = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `办事指南审核-${kind}-${d}.${ext}`;
}
