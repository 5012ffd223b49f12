import type { IDBPDatabase } from 'idb';
import type { z } from 'zod';
import type { OpenSegment, Segment } from '../core/exposure/clock';
import { siteEntrySchema, type SiteEntry } from '../core/sites/site-entry';
import { breakRulesSchema, defaultBreakRules } from '../core/breaks/schedule';
import { limitsSchema, defaultLimits } from '../core/limits/limits';
import { bedtimeSchema, defaultBedtime } from '../core/bedtime/schedule';
import { shieldDefaults, shieldSettingsSchema } from '../core/shield/settings';
import { activePolicy, teamNames, type ActivePolicy } from '../core/policy/active';
import { parsePolicy, type Policy } from '../core/policy/schema';
import { effective, looserFields, type Group, type Groups } from '../core/policy/strictness';
import { describeIssues, ValidationError, type Problem } from '../core/validation';
import { createSealing, LockedError, sealedFields, type SealedStore } from './sealing';
import { isSealed, type Sealed } from './vault';
import { DB_VERSION, openGauzeDB, type OpenEvents, type BreakProgress, type GauzeDB, type GauzeStore, type GuardState, type ManagedStatus, type NoteRecord, type RevealRecord, type SharedMarkRecord } from './schema';

/** Where each group of settings is kept, how it is checked, and its defaults. */
const settingsGroups = {
  breaks: { key: 'breakRules', schema: breakRulesSchema, defaults: defaultBreakRules },
  limits: { key: 'limits', schema: limitsSchema, defaults: defaultLimits },
  bedtime: { key: 'bedtime', schema: bedtimeSchema, defaults: defaultBedtime },
  shield: { key: 'shieldSettings', schema: shieldSettingsSchema, defaults: shieldDefaults },
} as const;
type SettingsKey = (typeof settingsGroups)[Group]['key'];

/** Storage facts a person can check in options ("Your data"). */
export interface StorageSummary {
  schemaVersion: number;
  installedAt: number | null;
  stores: Array<{ name: string; count: number }>;
}

/**
 * The background's handle on the database: opened once, lazily, so the worker's listeners are
 * registered synchronously at start-up and the first message waits for the open instead.
 */
export function createStorage(open: (events: OpenEvents) => Promise<IDBPDatabase<GauzeDB>> = (events) => openGauzeDB(DB_VERSION, events)) {
  let db: Promise<IDBPDatabase<GauzeDB>> | undefined;
  /** Another context upgrades or deletes the database: let it through by closing this connection. */
  const lost = () => {
    const closing = db;
    db = undefined;
    void closing?.then((connection) => connection.close(), () => undefined);
  };
  /**
   * The connection, opened on first use and again whenever it is lost, so the next call opens a
   * new one instead of waiting forever or failing for good.
   */
  const get = () => (db ??= open({ blocking: lost, terminated: lost }).catch((error: unknown) => {
    db = undefined; // let the next call try again rather than caching a failure
    throw error;
  }));

  /**
   * A store of sealed records kept by time (`at`): breaks, memos, check-ins, questionnaire
   * answers, bedtime overrides. Read while locked, `locked: 'placeholder'` gives the times with the sealed
   * fields empty (what the guard needs); `'throw'` refuses.
   */
  type LogStore = 'breaks' | 'memos' | 'checkins' | 'answers' | 'overrides';
  function log<S extends LogStore>(store: S) {
    type Entry = GauzeDB[S]['value'];
    return {
      async add(record: Entry): Promise<void> {
        await (await get()).add(store, await sealing.write(store, record));
      },
      /** The newest first, at most `count`. */
      async latest(count: number, locked: 'throw' | 'placeholder' = 'throw'): Promise<Entry[]> {
        const tx = (await get()).transaction(store);
        const found: Entry[] = [];
        for (let cursor = await tx.store.index('at').openCursor(null, 'prev'); cursor && found.length < count; cursor = await cursor.continue()) found.push(cursor.value);
        await tx.done;
        return Promise.all(found.map((record) => sealing.read(store, record, locked)));
      },
      /** Those in [from, to), oldest first. */
      async between(from: number, to: number, locked: 'throw' | 'placeholder' = 'throw'): Promise<Entry[]> {
        const records = await (await get()).getAllFromIndex(store, 'at', IDBKeyRange.bound(from, to, false, true));
        return Promise.all(records.map((record) => sealing.read(store, record, locked)));
      },
    };
  }
  const breakLog = log('breaks');

  const sealing = createSealing(
    async () => {
      const stored = await (await get()).get('meta', 'vault');
      return stored?.key === 'vault' ? stored.value : null;
    },
    async (record) => {
      if (record) await (await get()).put('meta', { key: 'vault', value: record });
      else await (await get()).delete('meta', 'vault');
    },
  );

  let noteKey: Promise<CryptoKey> | undefined;
  /**
   * The key that turns a media address into a note's key: made once per install, and sealed with
   * everything else when encryption is on (a key on disk would let anyone with a list of addresses
   * tell which ones have notes).
   */
  async function loadNoteKey(): Promise<CryptoKey> {
    const stored = await (await get()).get('meta', 'noteKey');
    let raw: ArrayBuffer;
    if (stored?.key === 'noteKey') {
      raw = stored.value instanceof ArrayBuffer ? stored.value : new Uint8Array(await sealing.openValue<number[]>(stored.value.sealed, 'noteKey')).buffer;
    } else {
      raw = crypto.getRandomValues(new Uint8Array(32)).buffer;
      const sealed = await sealing.sealValue([...new Uint8Array(raw)], 'noteKey');
      await (await get()).put('meta', { key: 'noteKey', value: sealed ? { sealed } : raw });
    }
    return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  }

  /** Every record of the sensitive stores written again, sealed (`seal`) or opened. */
  async function rewriteAll(seal: boolean): Promise<void> {
    const database = await get();
    for (const store of Object.keys(sealedFields) as SealedStore[]) {
      const records = (await database.getAll(store)) as unknown as Array<Record<string, unknown> & { sealed?: Sealed }>;
      const changed = await Promise.all(
        records
          .filter((record) => (seal ? !isSealed(record.sealed) : isSealed(record.sealed)))
          .map(async (record) => (seal ? sealing.write(store, record) : sealing.read(store, record))),
      );
      const tx = database.transaction(store, 'readwrite');
      await Promise.all([...changed.map((record) => tx.store.put(record as never)), tx.done]);
    }
    const [key, open] = await Promise.all([database.get('meta', 'noteKey'), database.get('meta', 'openSegment')]);
    if (key?.key === 'noteKey') {
      const raw = key.value instanceof ArrayBuffer ? [...new Uint8Array(key.value)] : await sealing.openValue<number[]>(key.value.sealed, 'noteKey');
      const sealed = seal ? await sealing.sealValue(raw, 'noteKey') : null;
      await database.put('meta', { key: 'noteKey', value: sealed ? { sealed } : new Uint8Array(raw).buffer });
    }
    if (open?.key === 'openSegment' && open.value) {
      const clear = await sealing.read('exposure', open.value);
      await database.put('meta', { key: 'openSegment', value: seal ? await sealing.write('exposure', clear) : clear });
    }
  }

  /** The running segment as this worker last wrote it, in memory: its site is known even while locked. */
  let lastOpen: OpenSegment | null = null;

  /**
   * A settings record kept in `meta`, validated on every read: one stored by an older version gets
   * defaults for fields it lacks; a damaged one is named in the console and the defaults apply.
   */
  async function validatedMeta<T>(key: SettingsKey, schema: z.ZodType<T>, defaults: T): Promise<T> {
    const record = await (await get()).get('meta', key);
    if (!record) return structuredClone(defaults);
    const parsed = schema.safeParse(record.value);
    if (parsed.success) return parsed.data;
    console.warn(`Gauze: ignored stored ${key}:`, describeIssues(parsed.error, key, record.value).join('; '));
    return structuredClone(defaults);
  }

  let activeCache: Promise<ActivePolicy | null> | undefined;
  /** A stored policy: valid, absent, or damaged (kept as stored, with what is wrong with it). */
  async function readStoredPolicy(key: 'policyFile' | 'policyManaged'): Promise<{ policy: Policy; at: number } | { problems: Problem[]; at: number } | null> {
    const record = await (await get()).get('meta', key);
    if (record?.key !== key || !record.value) return null;
    const parsed = parsePolicy(record.value.policy);
    return parsed.ok ? { policy: parsed.policy, at: record.value.at } : { problems: parsed.problems, at: record.value.at };
  }
  async function readPolicy(key: 'policyFile' | 'policyManaged'): Promise<{ policy: Policy; at: number } | null> {
    const stored = await readStoredPolicy(key);
    return stored && 'policy' in stored ? stored : null;
  }

  const policy = {
    file: () => readPolicy('policyFile'),
    /** The last valid managed policy (last-known-good): kept when the managed store is empty, slow or broken. */
    managed: () => readPolicy('policyManaged'),
    async setFile(record: { policy: Policy; at: number } | null): Promise<void> {
      activeCache = undefined;
      await (await get()).put('meta', { key: 'policyFile', value: record });
    },
    async setManaged(record: { policy: Policy; at: number }): Promise<void> {
      activeCache = undefined;
      await (await get()).put('meta', { key: 'policyManaged', value: record });
    },
    /**
     * Stored policies this version cannot read (damaged, or from a version it does not know).
     * They are not applied, but kept as stored and reported, and the team's sites stay flagged,
     * until a valid policy replaces them or the person removes the file.
     */
    async damaged(): Promise<Array<{ source: 'file' | 'managed'; at: number; problems: Problem[] }>> {
      const [file, managed] = await Promise.all([readStoredPolicy('policyFile'), readStoredPolicy('policyManaged')]);
      return [
        ...(file && 'problems' in file ? [{ source: 'file' as const, at: file.at, problems: file.problems }] : []),
        ...(managed && 'problems' in managed ? [{ source: 'managed' as const, at: managed.at, problems: managed.problems }] : []),
      ];
    },
    async status(): Promise<ManagedStatus | null> {
      const record = await (await get()).get('meta', 'policyManagedStatus');
      return record?.key === 'policyManagedStatus' ? record.value : null;
    },
    async setStatus(status: ManagedStatus): Promise<void> {
      await (await get()).put('meta', { key: 'policyManagedStatus', value: status });
    },
    /** The policy in force (file and managed combined), or null. */
    /**
     * The policy in force (file and managed combined), or null. Read and validated once, then
     * kept until this storage writes a policy (the only writer): every frame's hello and every
     * guard look read settings, and each setting reads the policy.
     */
    active(): Promise<ActivePolicy | null> {
      activeCache ??= Promise.all([readPolicy('policyFile'), readPolicy('policyManaged')])
        .then(([file, managed]) =>
          activePolicy([...(file ? [{ policy: file.policy, source: 'file' as const }] : []), ...(managed ? [{ policy: managed.policy, source: 'managed' as const }] : [])]),
        )
        .catch((error: unknown) => {
          activeCache = undefined;
          throw error;
        });
      return activeCache;
    },
  };

  const settings = {
    /** A group's effective settings: the person's own (validated), with the team policy's floors on top. */
    async get<G extends Group>(group: G): Promise<Groups[G]> {
      const { key, schema, defaults } = settingsGroups[group];
      const [personal, active] = await Promise.all([validatedMeta(key, schema as unknown as z.ZodType<Groups[G]>, defaults as Groups[G]), policy.active()]);
      return effective(group, personal, active?.groups[group] as Partial<Groups[G]> | undefined);
    },
    /**
     * Stores the person's settings for a group. A field looser than the team's policy is refused,
     * each one named with the team's value, and nothing is stored.
     */
    async set<G extends Group>(group: G, value: Groups[G]): Promise<Groups[G]> {
      const active = await policy.active();
      const looser = looserFields(group, value, active?.groups[group] as Partial<Groups[G]> | undefined);
      if (active && looser.length)
        throw new ValidationError(looser.map(({ field, policy: floor }) => `${group}.${field}: your team (${teamNames(active)}) sets ${JSON.stringify(floor)}; you can make it stricter, not looser`));
      await (await get()).put('meta', { key: settingsGroups[group].key, value });
      return settings.get(group);
    },
  };

  return {
    get,
    settings,
    policy,
    /** Records the first start; later starts keep the original time. */
    async recordInstall(now: number): Promise<number> {
      const database = await get();
      const tx = database.transaction('meta', 'readwrite');
      const existing = await tx.store.get('installedAt');
      if (!existing) await tx.store.put({ key: 'installedAt', value: now });
      await tx.done;
      return existing?.key === 'installedAt' ? existing.value : now;
    },
    guard: {
      async state(): Promise<GuardState> {
        const record = await (await get()).get('meta', 'guardState');
        return { softCapDay: null, bedtimeWarned: null, ...(record?.key === 'guardState' ? record.value : {}) };
      },
      async setState(state: GuardState): Promise<void> {
        await (await get()).put('meta', { key: 'guardState', value: state });
      },
    },
    memos: log('memos'),
    checkins: log('checkins'),
    answers: log('answers'),
    overrides: log('overrides'),
    breaks: {
      between: breakLog.between,
      log: breakLog.add,
      async progress(): Promise<BreakProgress> {
        const record = await (await get()).get('meta', 'breakState');
        const value = record?.key === 'breakState' ? record.value : null;
        // Only progress in the current shape is used; anything else starts afresh.
        return value && 'postponed' in value ? value : { warned: null, prompted: null, postponed: null };
      },
      async setProgress(progress: BreakProgress): Promise<void> {
        await (await get()).put('meta', { key: 'breakState', value: progress });
      },
    },
    exposure: {
      /**
       * The segment running now. Sealed and locked, its site reads empty unless this worker wrote
       * it (then the memory copy says it): the clock then starts a new segment, which counts the
       * same time.
       */
      async openSegment(): Promise<OpenSegment | null> {
        const record = await (await get()).get('meta', 'openSegment');
        const stored = record?.key === 'openSegment' ? record.value : null;
        if (!stored) return null;
        if (lastOpen && lastOpen.start === stored.start) return { ...lastOpen, seen: stored.seen };
        const clear = await sealing.read('exposure', stored, 'placeholder');
        return { site: clear.site, start: clear.start, seen: clear.seen, timeZone: clear.timeZone };
      },
      /** Stores closed segments and the open one in one transaction: nothing is counted twice. */
      async save(open: OpenSegment | null, closed: readonly Segment[]): Promise<void> {
        const database = await get();
        // A segment whose site this worker cannot read (sealed while locked, before a restart)
        // keeps the sealed site it was stored with.
        const before = await database.get('meta', 'openSegment');
        const stored = before?.key === 'openSegment' ? before.value : null;
        const sealedClosed = await Promise.all(
          closed.map(async (segment) => (segment.site === '' && stored?.sealed && stored.start === segment.start ? { ...segment, sealed: stored.sealed } : sealing.write('exposure', { ...segment }))),
        );
        const sealedOpen = open ? (open.site === '' && stored?.sealed && stored.start === open.start ? { ...open, sealed: stored.sealed } : await sealing.write('exposure', open)) : null;
        const tx = database.transaction(['meta', 'exposure'], 'readwrite');
        await Promise.all([tx.objectStore('meta').put({ key: 'openSegment', value: sealedOpen }), ...sealedClosed.map((segment) => tx.objectStore('exposure').add(segment)), tx.done]);
        lastOpen = open && open.site !== '' ? open : null;
      },
      /**
       * What was recorded in [from, to) as of `at`: the closed segments and the running one, up to
       * `at`, as one list (and the running one on its own).
       */
      async recorded(from: number, to: number, at: number): Promise<{ segments: Segment[]; open: OpenSegment | null }> {
        const [segments, open] = await Promise.all([this.between(from, to), this.openSegment()]);
        if (open) segments.push({ site: open.site, start: open.start, end: Math.max(open.seen, at), timeZone: open.timeZone });
        return { segments, open };
      },
      /** Segments that overlap [from, to). */
      async between(from: number, to: number): Promise<Segment[]> {
        // A segment starting before `from` may still reach into it; the clock closes segments at
        // every silence and change, so a week's look-back is far more than any one lasts.
        const range = IDBKeyRange.bound(from - 7 * 86_400_000, to, false, true);
        const records = await (await get()).getAllFromIndex('exposure', 'start', range);
        // Locked, sites read empty: the times are what the cap, the breaks and the days need.
        const opened = await Promise.all(records.filter((segment) => segment.end > from).map((segment) => sealing.read('exposure', segment, 'placeholder')));
        return opened.map(({ site, start, end, timeZone }) => ({ site, start, end, timeZone }));
      },
    },
    notes: {
      /** HMAC-SHA-256 of a media address under this installation's own key, as hex. */
      async hash(address: string): Promise<string> {
        noteKey ??= loadNoteKey().catch((error: unknown) => {
          noteKey = undefined;
          throw error;
        });
        const digest = await crypto.subtle.sign('HMAC', await noteKey, new TextEncoder().encode(address));
        return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
      },
      async count(): Promise<number> {
        return (await get()).count('notes');
      },
      async get(hashes: readonly string[]): Promise<Array<NoteRecord | undefined>> {
        const tx = (await get()).transaction('notes', 'readonly');
        const found = await Promise.all(hashes.map((hash) => tx.store.get(hash)));
        await tx.done;
        return Promise.all(found.map((record) => (record ? sealing.read('notes', record) : undefined)));
      },
      async put(record: NoteRecord): Promise<void> {
        const database = await get();
        if (!record.note.trim() && !record.reviewed) await database.delete('notes', record.hash);
        else await database.put('notes', await sealing.write('notes', record));
      },
      /** The items marked reviewed whose team id was made with this key, with their notes (to share). */
      async reviewedUnder(keyId: string): Promise<Array<{ id: string; note: string }>> {
        const records = await Promise.all((await (await get()).getAll('notes')).map((record) => sealing.read('notes', record)));
        return records.flatMap(({ reviewed, team, note }) => (reviewed && team?.keyId === keyId ? [{ id: team.id, note }] : []));
      },
    },
    /** Items colleagues marked reviewed, from the files they shared (utils/core/marks/shared-marks.ts). */
    sharedMarks: {
      /** How many items colleagues marked reviewed, under one key (or all kept). */
      async count(keyId?: string): Promise<number> {
        const database = await get();
        if (keyId === undefined) return database.count('sharedMarks');
        return (await database.getAll('sharedMarks')).filter((record) => record.keyId === keyId).length;
      },
      async get(ids: readonly string[]): Promise<Array<SharedMarkRecord | undefined>> {
        const tx = (await get()).transaction('sharedMarks', 'readonly');
        const found = await Promise.all(ids.map((id) => tx.store.get(id)));
        await tx.done;
        return Promise.all(found.map((record) => (record ? sealing.read('sharedMarks', record) : undefined)));
      },
      /**
       * Adds a file's marks: an item already known keeps its first import time and gains notes it
       * did not have. All in one transaction. Returns how many items were new.
       */
      async add(keyId: string, marks: ReadonlyArray<{ id: string; note?: string }>, at: number): Promise<number> {
        const ids = [...new Set(marks.map((mark) => mark.id))];
        const found = await this.get(ids);
        // Kept under another (older) key, a mark names nothing now: it is replaced.
        const known = new Map(ids.flatMap((id, i) => (found[i]?.keyId === keyId ? [[id, found[i]]] : [])));
        const merged = new Map<string, SharedMarkRecord>();
        for (const mark of marks) {
          const before = merged.get(mark.id) ?? known.get(mark.id);
          const record: SharedMarkRecord = before ? { ...before, notes: [...before.notes] } : { id: mark.id, keyId, notes: [], importedAt: at };
          // A few colleagues' words at most: enough to spare a look, not a thread.
          if (mark.note && !record.notes.includes(mark.note) && record.notes.length < 10) record.notes.push(mark.note);
          merged.set(mark.id, record);
        }
        const fresh = ids.length - known.size;
        const sealed = await Promise.all([...merged.values()].map((record) => sealing.write('sharedMarks', record)));
        const tx = (await get()).transaction('sharedMarks', 'readwrite');
        await Promise.all([...sealed.map((record) => tx.store.put(record)), tx.done]);
        return fresh;
      },
    },
    async addReveal(record: RevealRecord): Promise<void> {
      await (await get()).add('reveals', await sealing.write('reveals', record));
    },
    async revealsBetween(from: number, to: number): Promise<RevealRecord[]> {
      const records = await (await get()).getAllFromIndex('reveals', 'endedAt', IDBKeyRange.bound(from, to, false, true));
      return Promise.all(records.map((record) => sealing.read('reveals', record)));
    },
    sites: {
      /**
       * Every flagged site. A stored record that fails validation (written by an older or damaged
       * version) is left out and named in the console; it never reaches the shield.
       */
      async list(): Promise<SiteEntry[]> {
        const records = await (await get()).getAll('sites');
        return records.flatMap((record) => {
          const parsed = siteEntrySchema.safeParse(record);
          if (parsed.success) return [parsed.data];
          console.warn('Gauze: ignored a stored site:', describeIssues(parsed.error, 'sites[]', record).join('; '));
          return [];
        });
      },
      async put(entries: readonly SiteEntry[]): Promise<void> {
        const tx = (await get()).transaction('sites', 'readwrite');
        await Promise.all([...entries.map((entry) => tx.store.put(entry)), tx.done]);
      },
      async delete(hosts: readonly string[]): Promise<void> {
        const tx = (await get()).transaction('sites', 'readwrite');
        await Promise.all([...hosts.map((host) => tx.store.delete(host)), tx.done]);
      },
    },
    /** Everything stored, for the person's own export. */
    async everything() {
      const database = await get();
      const tx = database.transaction(['meta', 'sites', 'exposure', 'reveals', 'notes', 'breaks', 'checkins', 'overrides', 'answers', 'memos'], 'readonly');
      let [installed, sites, exposure, reveals, notes, breaks, checkins, overrides, answers, memos] = await Promise.all([
        tx.objectStore('meta').get('installedAt'),
        tx.objectStore('sites').getAll(),
        tx.objectStore('exposure').getAll(),
        tx.objectStore('reveals').getAll(),
        tx.objectStore('notes').getAll(),
        tx.objectStore('breaks').getAll(),
        tx.objectStore('checkins').getAll(),
        tx.objectStore('overrides').getAll(),
        tx.objectStore('answers').getAll(),
        tx.objectStore('memos').getAll(),
      ]);
      await tx.done;
      // Opened (a locked vault refuses: an export is in clear, so it needs the passphrase).
      const opened = <S extends SealedStore, T extends object>(store: S, records: T[]) => Promise.all(records.map((record) => sealing.read(store, record)));
      [exposure, reveals, notes, breaks, checkins, overrides, answers, memos] = await Promise.all([
        opened('exposure', exposure),
        opened('reveals', reveals),
        opened('notes', notes),
        opened('breaks', breaks),
        opened('checkins', checkins),
        opened('overrides', overrides),
        opened('answers', answers),
        opened('memos', memos),
      ]);
      return {
        installedAt: installed?.key === 'installedAt' ? installed.value : null,
        sites,
        exposure: exposure.map(({ site, start, end, timeZone }) => ({ site, start, end, timeZone })),
        reveals: reveals.map(({ site, kind, endedAt, seconds, view }) => ({ site, kind, endedAt, seconds, ...(view ? { view } : {}) })),
        notes: notes.map(({ hash, note, reviewed, updatedAt }) => ({ hash, note, reviewed, updatedAt })),
        breaks: breaks.map(({ at, kind, action }) => ({ at, kind, action })),
        checkins: checkins.map(({ at, rating, note }) => ({ at, rating, note })),
        overrides: overrides.map(({ at, minutes, reason }) => ({ at, minutes, reason })),
        answers: answers.map(({ at, questionnaire, title, answers: given, score, band }) => ({ at, questionnaire, title, answers: given, score, band })),
        memos: memos.map(({ at, text }) => ({ at, text })),
      };
    },
    /** Deletes records older than `before` (a team's retention period), in one transaction. */
    async prune(before: number): Promise<void> {
      const database = await get();
      const tx = database.transaction(['exposure', 'reveals', 'breaks', 'checkins', 'overrides', 'answers', 'memos'], 'readwrite');
      const range = IDBKeyRange.upperBound(before, true);
      const sweep = async (cursor: Promise<{ delete(): Promise<void>; continue(): Promise<unknown> } | null>) => {
        for (let at = await cursor; at; at = (await at.continue()) as typeof at) await at.delete();
      };
      await Promise.all([
        sweep(tx.objectStore('exposure').index('start').openCursor(range)),
        sweep(tx.objectStore('reveals').index('endedAt').openCursor(range)),
        sweep(tx.objectStore('breaks').index('at').openCursor(range)),
        sweep(tx.objectStore('checkins').index('at').openCursor(range)),
        sweep(tx.objectStore('overrides').index('at').openCursor(range)),
        sweep(tx.objectStore('answers').index('at').openCursor(range)),
        sweep(tx.objectStore('memos').index('at').openCursor(range)),
        tx.done,
      ]);
    },
    /** Erases every record in every store, in one transaction: all or nothing. */
    async eraseAll(): Promise<void> {
      const database = await get();
      const names = [...database.objectStoreNames] as GauzeStore[];
      const tx = database.transaction(names, 'readwrite');
      await Promise.all([...names.map((name) => tx.objectStore(name).clear()), tx.done]);
      noteKey = undefined;
      activeCache = undefined;
      lastOpen = null;
      // The vault's record went with the rest: encryption is off until the person sets it again.
      sealing.forget();
    },
    /** Encryption at rest: on or off, locked or open (utils/storage/sealing.ts). */
    vault: {
      state: () => sealing.state(),
      raw: () => sealing.raw(),
      /** Refuses (LockedError) when encryption is on and locked: for reads that show the records. */
      async assertOpen(): Promise<void> {
        const { enabled, unlocked } = await sealing.state();
        if (enabled && !unlocked) throw new LockedError();
      },
      /** Turns encryption on and seals every record already kept. */
      async enable(passphrase: string, iterations?: number): Promise<void> {
        await sealing.enable(passphrase, iterations);
        noteKey = undefined;
        await rewriteAll(true);
      },
      async unlock(passphrase: string): Promise<boolean> {
        const opened = await sealing.unlock(passphrase);
        // Records kept in clear before encryption was on (an interrupted sealing) are sealed now.
        if (opened) await rewriteAll(true);
        return opened;
      },
      restore: (raw: ArrayBuffer) => sealing.restore(raw),
      lock(): void {
        sealing.lock();
        noteKey = undefined;
        lastOpen = null;
      },
      change: (oldPassphrase: string, newPassphrase: string) => sealing.change(oldPassphrase, newPassphrase),
      /** Turns encryption off: every record opened and kept in clear again. Needs the passphrase. */
      async disable(passphrase: string): Promise<boolean> {
        const done = await sealing.disable(passphrase, () => rewriteAll(false));
        noteKey = undefined;
        return done;
      },
    },
    async summary(): Promise<StorageSummary> {
      const database = await get();
      const names = [...database.objectStoreNames] as GauzeStore[];
      const tx = database.transaction(names, 'readonly');
      const [installed, ...counts] = await Promise.all([
        tx.objectStore('meta').get('installedAt'),
        ...names.map((name) => tx.objectStore(name).count()),
      ]);
      await tx.done;
      return {
        schemaVersion: DB_VERSION,
        installedAt: installed?.key === 'installedAt' ? installed.value : null,
        stores: names.map((name, i) => ({ name, count: counts[i] ?? 0 })),
      };
    },
  };
}

export type Storage = ReturnType<typeof createStorage>;
