/**
 * Whether reveals are locked now, and why. Pure: the background works out each source (a strict
 * break, the hard daily cap, the bedtime guard) and this picks what the shield is told.
 */
export type LockReason = 'break' | 'cap' | 'bedtime';
/** Also, only inside a page: Gauze's background has not answered yet (or cannot), so nothing opens. */
export type PageLockReason = LockReason | 'unavailable';

export interface RevealLock {
  reason: LockReason;
  /** When the lock ends (ms since the epoch). */
  until: number;
  /** The person may ask for an override (the bedtime guard, with overrides left). */
  override?: true;
}

/** The lock that holds longest, among those still holding at `now`; null when none does. */
export function strongestLock(locks: ReadonlyArray<RevealLock | null>, now: number): RevealLock | null {
  let strongest: RevealLock | null = null;
  for (const lock of locks) if (lock && lock.until > now && (!strongest || lock.until > strongest.until)) strongest = lock;
  return strongest;
}

export function sameLock(a: RevealLock | null, b: RevealLock | null): boolean {
  return a === b || (!!a && !!b && a.reason === b.reason && a.until === b.until && a.override === b.override);
}

/** The hard cap's lock: from the moment today's exposure reaches it until the next exposure day. */
export function capLock(exposedSeconds: number, hardCapMinutes: number, nextDayStart: number): RevealLock | null {
  return hardCapMinutes > 0 && exposedSeconds >= hardCapMinutes * 60 ? { reason: 'cap', until: nextDayStart } : null;
}
