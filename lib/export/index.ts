import { openStore, toStoreError, type StoreDb } from '../store/db';
import { DEFAULT_JOURNEY_SETTINGS, type JourneySettings } from '../journey/settings';
import { exportBackup, importBackup, type ImportSummary } from './backup';
import { exportCsv, type CsvFormat, type ExportOptions } from './csv-export';

/**
 * The exports the dashboard's buttons run, by format; the command line calls the same through
 * the dashboard page (`npm run export` / `npm run import`).
 */
export type ExportFormat = CsvFormat | 'backup';
export const EXPORT_FORMATS: ExportFormat[] = ['long', 'wide', 'journeys', 'backup'];
export const FORMAT_TEXT: Record<ExportFormat, string> = { long: '长表', wide: '宽表', journeys: '旅程', backup: '备份' };

export function exportFile(db: StoreDb, format: ExportFormat, o: ExportOptions = {}): Promise<Blob> {
  return format === 'backup' ? exportBackup(db, { itemKeys: o.itemKeys }) : exportCsv(db, format, o);
}

/** What the dashboard page offers the command line (window.guideAuditor). */
export interface PageApi {
  /** The file's exact bytes (BOM included), base64: Blob.text() would drop the BOM. */
  exportBase64(format: ExportFormat, o?: { allAudits?: boolean }): Promise<string>;
  /** The size in bytes of an export, made but not handed out (the benchmark). */
  exportSize(format: ExportFormat, o?: { allAudits?: boolean; itemKeys?: string[] }): Promise<number>;
  /** Never throws: a refused file answers with the reason the user is told. */
  importText(text: string): Promise<{ ok: true; summary: ImportSummary } | { ok: false; kind: string; message: string }>;
}

/** `journeySettings` reads the reviewer's journey settings (the A3-2 outcome in the journey columns follows them). */
export function pageApi(open: () => Promise<StoreDb> = () => openStore(), journeySettings: () => Promise<JourneySettings> = async () => DEFAULT_JOURNEY_SETTINGS): PageApi {
  return {
    exportBase64: async (format, o = {}) => base64Of(await exportFile(await open(), format, { ...o, journeySettings: await journeySettings() })),
    exportSize: async (format, o = {}) => (await exportFile(await open(), format, { ...o, journeySettings: await journeySettings() })).size,
    importText: async (text) => {
      try {
        return { ok: true, summary: await importBackup(await open(), text) };
      } catch (e) {
        const err = toStoreError(e);
        return { ok: false, kind: err.kind, message: err.message };
      }
    },
  };
}

function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(blob);
  });
}
