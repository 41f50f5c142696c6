import { openDB, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { DB_NAME, type StoreSchema } from './schema';

/**
 * Opening the findings store: the versioned upgrade, and the failures a user must hear about
 * (blocked upgrade, no IndexedDB in a private window, a full disk). See schema.ts for the stores.
 */

export type StoreDb = IDBPDatabase<StoreSchema>;
type UpgradeTx = IDBPTransaction<StoreSchema, StoreNames<StoreSchema>[], 'versionchange'>;

/**
 * One step per version: UPGRADES[n - 1] takes a database from version n - 1 to n. A shipped
 * step is never edited; a new version appends a step (and a test from the previous version).
 */
export const UPGRADES: ((db: StoreDb, tx: UpgradeTx) => void)[] = [
  // 1: the first schema.
  (db) => {
    const audits = db.createObjectStore('audits', { keyPath: 'id' });
    audits.createIndex('byItem', ['itemKey', 'auditedAt']);
    audits.createIndex('byAuditedAt', 'auditedAt');
    audits.createIndex('byHash', 'hash');
    db.createObjectStore('auditDetails', { keyPath: 'auditId' });
    db.createObjectStore('verdicts', { keyPath: ['itemKey', 'indicator'] }).createIndex('byItem', 'itemKey');
    db.createObjectStore('journeys', { keyPath: 'id' }).createIndex('byStartedAt', 'startedAt');
    db.createObjectStore('events', { keyPath: 'eventId' }).createIndex('byJourneyTs', ['journeyId', 'ts']);
    db.createObjectStore('screenshots', { keyPath: 'id' }).createIndex('byAudit', 'auditId');
    db.createObjectStore('settings', { keyPath: 'key' });
  },
];
export const DB_VERSION = UPGRADES.length;

export type StoreErrorKind = 'blocked' | 'unavailable' | 'quota' | 'invalid' | 'newer' | 'failed';

/** A failure the user is told about, in Chinese first. */
export class StoreError extends Error {
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export const STORE_MESSAGES: Record<StoreErrorKind, string> = {
  blocked: '审核记录库需要升级，但另一个扩展页面（看板、弹窗或侧边栏）仍在使用旧版本：请关闭或刷新这些页面。 The findings store must be upgraded; close or reload the other extension pages that hold the old version.',
  unavailable: '此浏览器窗口不能使用本地数据库（隐私/无痕模式或浏览器设置禁止）：审核结果只在当前页面显示，不会保存，也不会进入看板和导出。 IndexedDB is not available (private window or browser settings): results are shown but not kept, and do not reach the dashboard or exports.',
  quota: '磁盘空间或浏览器存储配额已满：这条审核结果没有保存（之前的记录完好）。请在看板中删除旧记录或释放磁盘空间。 Storage is full: this audit was not saved (earlier records are intact). Delete old audits in the dashboard or free disk space.',
  invalid: '数据无效，未写入任何内容。 Invalid data; nothing was written.',
  newer: '数据来自更新版本的扩展，无法识别，未写入任何内容。 The data comes from a newer version of the extension; nothing was written.',
  failed: '审核记录库操作失败。 The findings store failed.',
};

/** Maps what IndexedDB throws to what the user is told; the original reason is kept in the text. */
export function toStoreError(e: unknown): StoreError {
  if (e instanceof StoreError) return e;
  const name = (e as { name?: string } | null)?.name ?? '';
  const detail = e instanceof Error ? e.message : String(e);
  if (name === 'QuotaExceededError' || /quota/i.test(detail)) return new StoreError('quota', STORE_MESSAGES.quota);
  // Firefox private mode: "A mutation operation was attempted on a database that did not allow mutations."
  if (name === 'InvalidStateError' || name === 'SecurityError' || /indexedDB is not defined|not allow mutations/i.test(detail)) {
    return new StoreError('unavailable', STORE_MESSAGES.unavailable);
  }
  if (name === 'VersionError') return new StoreError('newer', `${STORE_MESSAGES.newer} (${detail})`);
  return new StoreError('failed', `${STORE_MESSAGES.failed} (${name || 'Error'}: ${detail})`);
}

export interface OpenOptions {
  /** Called when another page keeps the old version open and our upgrade waits. */
  onBlocked?: (message: string) => void;
  /** Called when this connection is closed so a newer version can open (reload the page). */
  onVersionChange?: () => void;
  /** How long to wait on a blocked upgrade before giving up with a `blocked` error. */
  blockedTimeoutMs?: number;
  name?: string;
  version?: number;
}

let shared: Promise<StoreDb> | undefined;

/**
 * The store, opened once per page or worker lifetime and reopened lazily after it was closed.
 * Throws StoreError: `unavailable` (no IndexedDB), `blocked` (an old page holds the old version
 * longer than blockedTimeoutMs), `newer` (the database is from a newer extension).
 */
export function openStore(o: OpenOptions = {}): Promise<StoreDb> {
  if (o.name || o.version) return openFresh(o);
  shared ??= openFresh(o).catch((e: unknown) => {
    shared = undefined;
    throw e;
  });
  return shared;
}

/** Forget the shared connection (after deleting the database, in tests). */
export function closeStore(): void {
  const p = shared;
  shared = undefined;
  void p?.then((db) => db.close()).catch(() => {});
}

function openFresh(o: OpenOptions): Promise<StoreDb> {
  if (typeof indexedDB === 'undefined') return Promise.reject(new StoreError('unavailable', STORE_MESSAGES.unavailable));
  const version = o.version ?? DB_VERSION;
  return new Promise<StoreDb>((resolve, reject) => {
    let opening: Promise<StoreDb>;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let settled = false;
    try {
      opening = openDB<StoreSchema>(o.name ?? DB_NAME, version, {
        upgrade(db, oldVersion, newVersion, tx) {
          for (let v = oldVersion; v < (newVersion ?? version); v++) UPGRADES[v]?.(db, tx);
        },
        blocked() {
          o.onBlocked?.(STORE_MESSAGES.blocked);
          timer ??= setTimeout(() => {
            if (settled) return;
            settled = true;
            reject(new StoreError('blocked', STORE_MESSAGES.blocked));
            // If the old page closes later, the open still completes: close that connection.
            void opening.then((db) => db.close()).catch(() => {});
          }, o.blockedTimeoutMs ?? 10_000);
        },
        blocking() {
          // A newer version waits for us: step aside, and let the page say "reload".
          void opening.then((db) => db.close());
          if (!o.name) shared = undefined;
          o.onVersionChange?.();
        },
        terminated() {
          if (!o.name) shared = undefined;
        },
      });
    } catch (e) {
      // Firefox private mode throws from indexedDB.open itself
      reject(toStoreError(e));
      return;
    }
    opening.then(
      (db) => {
        if (timer) clearTimeout(timer);
        if (settled) return;
        settled = true;
        resolve(db);
      },
      (e: unknown) => {
        if (timer) clearTimeout(timer);
        if (settled) return;
        settled = true;
        reject(toStoreError(e));
      },
    );
  });
}
