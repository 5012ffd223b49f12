import { bedtimeAt, type Bedtime, type GuardPhase, type GuardWindow } from '../core/bedtime/schedule';
import type { Storage } from './storage';
import { currentTimeZone } from '../core/exposure/days';
import { exposureToday } from './exposure-today';
import { capLock, strongestLock, type RevealLock } from '../core/limits/lock';

const WEEK = 7 * 86_400_000;

/** The bedtime guard at one instant: its window, whether an override holds it open, what is left. */
export interface BedtimeState {
  schedule: Bedtime;
  phase: GuardPhase;
  current: GuardWindow | null;
  next: GuardWindow | null;
  /** When the override in force ends, if one is. */
  overrideUntil: number | null;
  overridesLeft: number;
}

export async function bedtimeState(storage: Storage, at: number): Promise<BedtimeState> {
  const [schedule, recent] = await Promise.all([storage.settings.get('bedtime'), storage.overrides.between(at - WEEK, at + 1, 'placeholder')]);
  const { phase, current, next } = bedtimeAt(at, schedule, currentTimeZone());
  const running = recent.find((override) => current && override.at >= current.start && override.at + override.minutes * 60_000 > at);
  return {
    schedule,
    phase,
    current,
    next,
    overrideUntil: running ? running.at + running.minutes * 60_000 : null,
    overridesLeft: Math.max(0, schedule.overridesPerWeek - recent.length),
  };
}

/**
 * The reveal lock in force at `at`, derived from what is stored and the clock (never from memory
 * a worker restart would lose): a strict break, the hard daily cap, the bedtime guard (unless an
 * override holds it open). Read by the guard, which tells open tabs, and by every protected frame
 * when it starts.
 */
export async function currentLock(storage: Storage, at: number) {
  const [progress, limits, today, bedtime] = await Promise.all([storage.breaks.progress(), storage.settings.get('limits'), exposureToday(storage, at), bedtimeState(storage, at)]);
  const strict = progress.strictUntil ? ({ reason: 'break', until: progress.strictUntil } as const) : null;
  const cap = capLock(today.seconds, limits.hardCapMinutes, today.nextDayStart);
  const others = strongestLock([strict, cap], at);
  // An override is offered only when it would open something: not while another lock holds.
  const night: RevealLock | null =
    bedtime.current && bedtime.overrideUntil === null
      ? { reason: 'bedtime', until: bedtime.current.end, ...(bedtime.overridesLeft > 0 && !others ? { override: true } : {}) }
      : null;
  return { lock: strongestLock([others, night], at), today, bedtime };
}
