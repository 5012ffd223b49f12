import type { Postponement } from '../core/breaks/schedule';
import type { OpenSegment, Segment } from '../core/exposure/clock';
import type { SiteEntry } from '../core/sites/site-entry';
import type { Problem } from '../core/validation';
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { withOutlineFirst } from '../core/shield/settings';
import type { BreakRecord, CheckInRecord, MemoRecord, OverrideRecord, AnswerRecord, NoteRecord, RevealRecord, SharedMarkRecord } from '../core/records';
import type { Sealed, VaultRecord } from './vault';

export type { BreakRecord, CheckInRecord, MemoRecord, OverrideRecord, AnswerRecord, NoteRecord, RevealRecord, SharedMarkRecord };

/**
 * The one local database. Open it only from the background or extension pages: a content
 * script's IndexedDB belongs to the web page's origin.
 */
export const DB_NAME = 'gauze';

export type MetaRecord =
  | { key: 'installedAt'; value: number }
  /** Before v7: a per-install secret the frames once shared with each other. Deleted by step 7. */
  | { key: 'frameToken'; value: string }
  /** Raw HMAC key for note hashes, so a stored hash cannot be matched against a list of addresses made elsewhere. */
  | { key: 'noteKey'; value: ArrayBuffer | { sealed: Sealed } }
  /** The exposure segment running now, so a killed worker loses at most one heartbeat. */
  | { key: 'openSegment'; value: (OpenSegment & { sealed?: Sealed }) | null }
  /** Encryption at rest: the wrapped keys (utils/storage/vault.ts); absent when it is off. */
  | { key: 'vault'; value: VaultRecord | null }
  /** The person's break rules (validated on read; defaults when absent or damaged). */
  | { key: 'breakRules'; value: unknown }
  /** Which break was last warned about or prompted, and postponements used. */
  | { key: 'breakState'; value: BreakProgress }
  /** The person's daily limits and break strictness (validated on read; defaults when absent or damaged). */
  | { key: 'limits'; value: unknown }
  /** The person's bedtime schedule (validated on read). */
  | { key: 'bedtime'; value: unknown }
  /** The person's reveal settings (validated on read). */
  | { key: 'shieldSettings'; value: unknown }
  /** A team policy imported from a file, and when (validated on read). */
  | { key: 'policyFile'; value: { policy: unknown; at: number } | null }
  /** The last valid policy from the browser's managed storage, and when it came (last-known-good). */
  | { key: 'policyManaged'; value: { policy: unknown; at: number } | null }
  /** What the managed store said when last read. */
  | { key: 'policyManagedStatus'; value: ManagedStatus }
  /** What the guard has told the person already (the soft cap, once a day; the bedtime warning). */
  | { key: 'guardState'; value: GuardState };

/** The managed store when last read: a valid policy, nothing, a malformed one (with its errors), or no answer. */
export interface ManagedStatus {
  state: 'ok' | 'empty' | 'invalid' | 'unavailable';
  checkedAt: number;
  /** Why the store gave no answer ('unavailable'), in the browser's words: a detail for an administrator. */
  errors: string[];
  /** What is wrong with a malformed policy ('invalid'), as data a page says in the person's language. Absent in older records. */
  problems?: Problem[];
}

/** Things said once: the exposure day the soft cap was reached, the night the wind-down was announced. */
export interface GuardState {
  softCapDay: string | null;
  bedtimeWarned: number | null;
}

/** Where the break scheduler is: what it last warned and prompted about, and postponements. */
export interface BreakProgress {
  /** The break (kind and stretch, see utils/core/breaks/schedule.ts) last warned about. */
  warned: string | null;
  /** The break last prompted, with how many postponements it had then. */
  prompted: string | null;
  postponed: Postponement | null;
  /** The break prompted and not yet taken: its kind and the stretch that made it due. */
  pending?: { kind: 'pause' | 'break'; stretch: string } | null;
  /** In strict mode, reveals stay locked until this time (the prompted break's length). */
  strictUntil?: number | null;
}

export interface GauzeDB extends DBSchema {
  /** Small facts about this installation (when it was installed). */
  meta: { key: MetaRecord['key']; value: MetaRecord };
  /** Flagged sites: hosts only, never page addresses. */
  sites: { key: string; value: SiteEntry };
  /** Private notes and reviewed marks, keyed by a keyed hash of the media address (never the address). */
  notes: { key: string; value: NoteRecord };
  /** Breaks prompted and postponed, for the dashboard. */
  breaks: { key: number; value: BreakRecord; indexes: { at: number } };
  /** Exposure segments: flagged-site host, start, end, time zone. No addresses, no titles. */
  exposure: { key: number; value: Segment & { id?: number }; indexes: { start: number } };
  /** Reveals of covered media, for the exposure record. */
  reveals: { key: number; value: RevealRecord; indexes: { endedAt: number } };
  /** Private check-ins (self-rating and note), for the dashboard. */
  checkins: { key: number; value: CheckInRecord; indexes: { at: number } };
  /** Bedtime-guard overrides, each with its typed reason. */
  overrides: { key: number; value: OverrideRecord; indexes: { at: number } };
  /** Answers to the organisation's own questionnaires, scored. */
  answers: { key: number; value: AnswerRecord; indexes: { at: number } };
  /** Notes to self, written on the bedtime page (v8). */
  memos: { key: number; value: MemoRecord; indexes: { at: number } };
  /** Items colleagues marked reviewed, by their team id (v10): no address, no colleague's name. */
  sharedMarks: { key: string; value: SharedMarkRecord };
}

export type GauzeStore = StoreNames<GauzeDB>;
type UpgradeTx = IDBPTransaction<GauzeDB, GauzeStore[], 'versionchange'>;

/**
 * Upgrade steps: entry N takes the database from version N to N + 1. Never change a step that has
 * shipped; add a new one. utils/storage/schema.test.ts opens every old version with data and upgrades it.
 */
export const migrations: ReadonlyArray<(db: IDBPDatabase<GauzeDB>, tx: UpgradeTx) => void> = [
  (db) => {
    db.createObjectStore('meta', { keyPath: 'key' });
  },
  (db) => {
    db.createObjectStore('sites', { keyPath: 'host' });
    db.createObjectStore('reveals', { keyPath: 'id', autoIncrement: true }).createIndex('endedAt', 'endedAt');
    db.createObjectStore('notes', { keyPath: 'hash' });
  },
  (db) => {
    db.createObjectStore('exposure', { keyPath: 'id', autoIncrement: true }).createIndex('start', 'start');
  },
  (db) => {
    db.createObjectStore('breaks', { keyPath: 'id', autoIncrement: true }).createIndex('at', 'at');
  },
  (db) => {
    db.createObjectStore('checkins', { keyPath: 'id', autoIncrement: true }).createIndex('at', 'at');
    db.createObjectStore('overrides', { keyPath: 'id', autoIncrement: true }).createIndex('at', 'at');
  },
  (db) => {
    db.createObjectStore('answers', { keyPath: 'id', autoIncrement: true }).createIndex('at', 'at');
  },
  (_db, tx) => {
    // Frames are now released by the background from what each frame's own shield told it; the
    // per-install secret they shared is no longer needed, and a stable per-install value is
    // exactly what should not be kept.
    void tx.objectStore('meta').delete('frameToken');
  },
  (db) => {
    db.createObjectStore('memos', { keyPath: 'id', autoIncrement: true }).createIndex('at', 'at');
  },
  (_db, tx) => {
    // The ladder's first real look is now the outline, not blur (docs/evidence.md). Stored steps
    // exactly like the old default were never chosen, so they move to the new default, once: done
    // at every read instead, a person who later turns blur on would see it turned off again.
    const meta = tx.objectStore('meta');
    void meta.get('shieldSettings').then((record) => {
      if (record?.key !== 'shieldSettings') return;
      const value = withOutlineFirst(record.value);
      if (value !== record.value) return meta.put({ key: 'shieldSettings', value });
    });
  },
  (db) => {
    db.createObjectStore('sharedMarks', { keyPath: 'id' });
  },
];

export const DB_VERSION = migrations.length;

/** What the open connection hears from other contexts (another tab of Gauze's, a newer version). */
export interface OpenEvents {
  /** Another context wants to upgrade or delete the database: this connection must let go. */
  blocking?(): void;
  /** The browser closed the connection (the database deleted, storage cleared). */
  terminated?(): void;
}

export async function openGauzeDB(version: number = DB_VERSION, events: OpenEvents = {}): Promise<IDBPDatabase<GauzeDB>> {
  const callbacks = {
    blocking: () => events.blocking?.(),
    terminated: () => events.terminated?.(),
  };
  try {
    return await openDB<GauzeDB>(DB_NAME, version, {
      upgrade(db, oldVersion, newVersion, tx) {
        for (let step = oldVersion; step < (newVersion ?? version); step++) migrations[step]?.(db, tx);
      },
      ...callbacks,
    });
  } catch (error) {
    // A newer version (another install's, or a test's) took the database further than this one
    // knows: open it as it is rather than not at all. Its stores are a superset of these.
    if ((error as DOMException | null)?.name !== 'VersionError') throw error;
    return openDB<GauzeDB>(DB_NAME, undefined, callbacks);
  }
}
