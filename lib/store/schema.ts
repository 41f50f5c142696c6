import type { DBSchema } from 'idb';
import { z } from 'zod';
import { Outcome, Status } from '../outcome';
import { GuideSnapshot } from '../snapshot';

/**
 * The findings store: one IndexedDB database (`guide-auditor`), opened only in extension contexts
 * (the background or an extension page, never the content script, where IndexedDB would belong
 * to the government site). Object stores, schema version 1:
 *
 * - `audits`       one light record per saved audit, key `id`: URL, normalised URL, `itemKey`
 *                  (实施编码, else the normalised URL), time, item name/code/department, engine
 *                  (rule-set) version, the status of each indicator, the key values, and `hash`
 *                  (content hash: an item's result is saved once per distinct result).
 *                  Indexes `byItem` [itemKey, auditedAt], `byAuditedAt`, `byHash`.
 * - `auditDetails` the heavy part of an audit, key `auditId`: the outcomes and the guide snapshot
 *                  (re-audit runs today's rules on it). Kept apart so the dashboard lists 10,000
 *                  audits without reading every snapshot. Written in the same transaction.
 * - `verdicts`     the reviewer's status per item + indicator, key [itemKey, indicator]: status,
 *                  reason, note, reviewer, time and the automatic status at that time. Index `byItem`.
 * - `journeys`     one per journey, key `id`. Index `byStartedAt`.
 * - `events`       journey events appended by id (a retry overwrites itself), key `eventId`.
 *                  Index `byJourneyTs` [journeyId, ts]: counts are derived from these, never kept.
 * - `screenshots`  evidence images, key `id`: Blob + audit id + rectangles. Index `byAudit`.
 * - `settings`     key `key`, any value.
 *
 * Every record is validated with the zod schemas below where it enters (a message, a backup
 * file). A new version adds one step to UPGRADES (never edit a shipped step) and a test in
 * tests/unit/store/upgrade.test.ts that upgrades a database made by the previous version.
 */

export const DB_NAME = 'guide-auditor';

const text = (max: number) => z.string().max(max);

/** Key values the dashboard sums and the wide CSV shows (from the outcomes' data). */
export const KeyValues = z.object({
  legalDays: z.number().nullable(),
  legalUnit: text(20).nullable(),
  promisedDays: z.number().nullable(),
  promisedUnit: text(20).nullable(),
  /** A4-1 cut, 0..1 (may be negative); null when not computed. */
  cut: z.number().nullable(),
  /** A4-4 即办 */
  instant: z.boolean().nullable(),
  /** E3-2 / A4-3 到现场次数 */
  visits: z.number().nullable(),
  /** B1 网办深度 level 1..4 */
  depth: z.number().nullable(),
});
export type KeyValues = z.infer<typeof KeyValues>;

export const AuditRecord = z.object({
  id: text(64).min(1),
  url: text(8192),
  normUrl: text(8192),
  itemKey: text(8192).min(1),
  title: text(2000),
  auditedAt: z.number(),
  savedAt: z.number(),
  item: z.object({ name: text(2000).nullable(), code: text(200).nullable(), department: text(500).nullable() }),
  isGuide: z.boolean(),
  reason: text(2000),
  /** Engine and rule-set version that produced the outcomes. */
  engine: text(40),
  /** Indicator id → automatic status. */
  statuses: z.record(text(8), Status),
  values: KeyValues,
  hash: text(128),
  /** Set when this audit re-ran today's rules on the snapshot of `from`. */
  reauditOf: text(64).optional(),
  /** How it was made: a reviewer browsing, the command line, a re-audit, an import. */
  source: z.enum(['browser', 'reaudit', 'import']).optional(),
});
export type AuditRecord = z.infer<typeof AuditRecord>;

export const AuditDetail = z.object({
  auditId: text(64).min(1),
  outcomes: z.array(Outcome).max(50),
  snapshot: GuideSnapshot.nullable(),
});
export type AuditDetail = z.infer<typeof AuditDetail>;

/** The reviewer's reasons (issue 8); Chinese first for the CSV. */
export const VERDICT_REASONS = {
  'machine-wrong': '误判 machine wrong',
  elsewhere: '页面外信息 information elsewhere',
  interpretation: '标准解释 interpretation',
  other: '其他 other',
} as const;
export const VerdictReason = z.enum(Object.keys(VERDICT_REASONS) as [keyof typeof VERDICT_REASONS, ...(keyof typeof VERDICT_REASONS)[]]);

export const VerdictRecord = z.object({
  itemKey: text(8192).min(1),
  indicator: text(8).min(1),
  status: Status,
  reason: VerdictReason,
  note: text(4000),
  reviewer: text(200),
  at: z.number(),
  /** The automatic status when the verdict was given (a later change is flagged). */
  autoStatus: Status,
  auditId: text(64).optional(),
});
export type VerdictRecord = z.infer<typeof VerdictRecord>;

/** Journeys and their events belong to the journeys feature; the store fixes only the keys. */
export const JourneyRecord = z.looseObject({
  id: text(64).min(1),
  startedAt: z.number(),
  status: text(40),
  itemKey: text(8192).optional(),
});
export type JourneyRecord = z.infer<typeof JourneyRecord>;

export const EventRecord = z.looseObject({
  eventId: text(64).min(1),
  journeyId: text(64).min(1),
  ts: z.number(),
  kind: text(40),
});
export type EventRecord = z.infer<typeof EventRecord>;

export const Rect = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number(), indicator: text(8).optional() });
export const ScreenshotRecord = z.object({
  id: text(64).min(1),
  auditId: text(64).min(1),
  itemKey: text(8192).optional(),
  takenAt: z.number(),
  blob: z.instanceof(Blob),
  rects: z.array(Rect).max(500),
});
export type ScreenshotRecord = z.infer<typeof ScreenshotRecord>;

export const SettingRecord = z.object({ key: text(200).min(1), value: z.unknown() });
export type SettingRecord = z.infer<typeof SettingRecord>;

export interface StoreSchema extends DBSchema {
  audits: { key: string; value: AuditRecord; indexes: { byItem: [string, number]; byAuditedAt: number; byHash: string } };
  auditDetails: { key: string; value: AuditDetail };
  verdicts: { key: [string, string]; value: VerdictRecord; indexes: { byItem: string } };
  journeys: { key: string; value: JourneyRecord; indexes: { byStartedAt: number } };
  events: { key: string; value: EventRecord; indexes: { byJourneyTs: [string, number] } };
  screenshots: { key: string; value: ScreenshotRecord; indexes: { byAudit: string } };
  settings: { key: string; value: SettingRecord };
}

export type StoreName = 'audits' | 'auditDetails' | 'verdicts' | 'journeys' | 'events' | 'screenshots' | 'settings';
export const STORE_NAMES: StoreName[] = ['audits', 'auditDetails', 'verdicts', 'journeys', 'events', 'screenshots', 'settings'];
