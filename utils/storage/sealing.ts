import { createVault, isSealed, keysFromRaw, open, rewrapVault, seal, unlockVault, type Sealed, type VaultKeys, type VaultRecord } from './vault';

/**
 * The fields of each store that say something about the person, sealed when encryption is on.
 * What stays readable is what protection needs while Gauze is locked, and nothing more
 * (docs/security.md): when each record was made (retention, the dashboard's ranges, the daily cap
 * and bedtime work from times), an exposure segment's times and time zone (the cap and late-night
 * time), an override's length (the guard knows when it ends), a note's keyed hash (its key), a colleague's mark's team id (its key: the mark itself says
 * only "a colleague reviewed this").
 */
export const sealedFields = {
  exposure: ['site'],
  reveals: ['site', 'kind', 'seconds', 'view'],
  notes: ['note', 'reviewed', 'team'],
  sharedMarks: ['notes'],
  breaks: ['kind', 'action'],
  checkins: ['rating', 'note'],
  overrides: ['reason'],
  answers: ['questionnaire', 'title', 'answers', 'score', 'band'],
  memos: ['text'],
} as const;
export type SealedStore = keyof typeof sealedFields;

/** What a sealed field reads as while Gauze is locked: nothing that means anything. */
const placeholders: Record<string, unknown> = { site: '', kind: '', seconds: 0, note: '', reviewed: false, action: 'prompted', rating: 0, notes: [], reason: '', questionnaire: '', title: '', answers: {}, score: 0, band: null, text: '' };

/** Thrown by a read that needs what only the passphrase opens. Pages say "unlock to see this". */
export class LockedError extends Error {
  override name = 'LockedError';
  constructor() {
    super('locked: Gauze\'s records are locked; unlock them with your passphrase');
  }
}
export const isLocked = (error: unknown): boolean => error instanceof Error && /^locked:/.test(error.message);

type Stored<T> = T & { sealed?: Sealed };

/**
 * The vault as the storage sees it: whether encryption is on, the keys while unlocked, and the
 * two moves every sensitive record goes through (sealed on the way in, opened on the way out).
 * `load` and `save` read and write the vault record (meta `vault`).
 */
export function createSealing(load: () => Promise<VaultRecord | null>, save: (record: VaultRecord | null) => Promise<void>) {
  let record: Promise<VaultRecord | null> | undefined;
  let keys: VaultKeys | null = null;
  const vault = () => (record ??= load().catch((error: unknown) => {
    record = undefined;
    throw error;
  }));

  return {
    /** Whether encryption is on, and whether the records are open now. */
    async state(): Promise<{ enabled: boolean; unlocked: boolean }> {
      const current = await vault();
      return { enabled: current !== null, unlocked: current !== null && keys !== null };
    },
    /** The open data key's bytes, for the session memory (null when locked or off). */
    raw: (): ArrayBuffer | null => keys?.raw ?? null,
    async enable(passphrase: string, iterations?: number): Promise<void> {
      if (await vault()) throw new Error('encryption is already on');
      const made = await createVault(passphrase, iterations);
      // The record first: from here every write is sealed, and nothing sealed is ever without it.
      await save(made.record);
      record = Promise.resolve(made.record);
      keys = made.keys;
    },
    /** True when the passphrase opened the records. */
    async unlock(passphrase: string): Promise<boolean> {
      const current = await vault();
      if (!current) return false;
      const opened = await unlockVault(current, passphrase);
      if (opened) keys = opened;
      return opened !== null;
    },
    /** Opens with the data key kept in session memory (the worker restarted while unlocked). */
    async restore(raw: ArrayBuffer): Promise<boolean> {
      const current = await vault();
      if (!current) return false;
      try {
        keys = await keysFromRaw(current, raw);
        return true;
      } catch {
        return false;
      }
    },
    lock(): void {
      keys = null;
    },
    async change(oldPassphrase: string, newPassphrase: string): Promise<boolean> {
      const current = await vault();
      const opened = current && (await unlockVault(current, oldPassphrase));
      if (!current || !opened) return false;
      const changed = await rewrapVault(current, opened, newPassphrase);
      await save(changed);
      record = Promise.resolve(changed);
      keys = opened;
      return true;
    },
    /** Turns encryption off (the records are opened by `openAll` first); needs the passphrase. */
    async disable(passphrase: string, openAll: () => Promise<void>): Promise<boolean> {
      if (!(await this.unlock(passphrase))) return false;
      // New writes go in clear from now; the keys stay until every sealed record is opened. The
      // record on disk goes last: interrupted, the vault is still on and unlocking seals again.
      record = Promise.resolve(null);
      await openAll();
      await save(null);
      keys = null;
      return true;
    },
    /** Forgets everything (after the database was erased). */
    forget(): void {
      record = undefined;
      keys = null;
    },
    /** A record as it is to be stored: its sensitive fields sealed when encryption is on. */
    async write<S extends SealedStore, T extends object>(store: S, value: T): Promise<Stored<T>> {
      const current = await vault();
      if (!current) return value;
      const hidden: Record<string, unknown> = {};
      const kept = { ...value } as Record<string, unknown>;
      for (const field of sealedFields[store]) {
        hidden[field] = kept[field];
        kept[field] = placeholders[field];
      }
      return { ...(kept as T), sealed: await seal(hidden, store, current, keys) };
    },
    /**
     * A record as read: opened when sealed. Locked, `locked: 'placeholder'` gives the record with
     * its sealed fields empty (for what needs only times); `'throw'` refuses with a LockedError.
     */
    async read<T extends object>(store: SealedStore, value: Stored<T>, locked: 'throw' | 'placeholder' = 'throw'): Promise<T> {
      if (!value.sealed || !isSealed(value.sealed)) return value;
      const { sealed, ...rest } = value;
      if (!keys) {
        if (locked === 'throw') throw new LockedError();
        return rest as T;
      }
      return { ...(rest as T), ...(await open<Record<string, unknown>>(sealed, store, keys)) };
    },
    /** Seals or opens any value on its own (the note key, the running exposure segment). */
    async sealValue(value: unknown, store: string): Promise<Sealed | null> {
      const current = await vault();
      return current ? seal(value, store, current, keys) : null;
    },
    async openValue<T>(sealed: Sealed, store: string): Promise<T> {
      if (!keys) throw new LockedError();
      return open<T>(sealed, store, keys);
    },
  };
}

export type Sealing = ReturnType<typeof createSealing>;
