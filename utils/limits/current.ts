import type { Storage } from '../db/storage';
import { exposureToday } from '../exposure/today';
import { capLock, strongestLock, type RevealLock } from './lock';

/**
 * The reveal lock in force at `at`, derived from what is stored (never from memory a worker
 * restart would lose): a strict break, the hard daily cap. Read by the guard, which tells open
 * tabs, and by every protected frame when it starts.
 */
export async function currentLock(storage: Storage, at: number): Promise<{ lock: RevealLock | null; today: Awaited<ReturnType<typeof exposureToday>> }> {
  const [progress, limits, today] = await Promise.all([storage.breaks.progress(), storage.limits.get(), exposureToday(storage, at)]);
  const strict = progress.strictUntil ? ({ reason: 'break', until: progress.strictUntil } as const) : null;
  return { lock: strongestLock([strict, capLock(today.seconds, limits.hardCapMinutes, today.nextDayStart)], at), today };
}
