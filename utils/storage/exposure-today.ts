import type { Storage } from './storage';
import { currentTimeZone, dayOf, dayStart, DEFAULT_ROLLOVER_HOUR, nextDay, splitByDay, type DayRule } from '../core/exposure/days';

/** The exposure-day rule in force now (this machine's time zone, the default rollover hour). */
export const dayRuleNow = (): DayRule => ({ timeZone: currentTimeZone(), rolloverHour: DEFAULT_ROLLOVER_HOUR });

/**
 * Exposure in the exposure day that contains `at`, counting the running segment up to `at`:
 * read in one place for the popup, the daily caps and the dashboard.
 */
export async function exposureToday(storage: Storage, at: number, rule: DayRule = dayRuleNow()) {
  const day = dayOf(at, rule);
  const from = dayStart(day, rule);
  const to = dayStart(nextDay(day), rule);
  const { segments, open } = await storage.exposure.recorded(from, to, at);
  const ms = segments
    .flatMap((segment) => splitByDay(Math.max(segment.start, from), Math.min(segment.end, to), rule))
    .reduce((sum, part) => sum + part.ms, 0);
  return { day, seconds: Math.round(ms / 1000), running: open !== null, nextDayStart: to };
}
