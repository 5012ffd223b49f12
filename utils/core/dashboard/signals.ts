import type { DayStats } from './aggregate';

/**
 * Gentle early-warning signals from the last five weeks of exposure days (oldest first, ending
 * today). Each names the figures behind it so the page can explain it; thresholds and their
 * reasons are in docs/evidence.md. They inform the person; nothing is locked by them.
 */
export type Signal =
  | { id: 'week-above-average'; weekSeconds: number; averageSeconds: number }
  | { id: 'late-nights'; nights: number }
  | { id: 'breaks-postponed'; postponed: number; prompted: number }
  | { id: 'no-day-off'; days: number };

export const SIGNAL_RULES = {
  /** This week's exposure above this multiple of the four weeks before... */
  weekRatio: 1.5,
  /** ...and at least this much (seconds), so a quiet month does not make a normal week alarming. */
  weekMinimumSeconds: 2 * 3600,
  /** Late-night exposure of at least this (seconds) makes a late night... */
  lateNightSeconds: 15 * 60,
  /** ...and this many in a row, within the last week, is a signal. */
  lateNightsInARow: 3,
  /** In the last seven days: at least this many postponements, and at least half the prompts. */
  postponedAtLeast: 3,
  /** Exposure of at least this much (seconds) makes a working day... */
  workingDaySeconds: 15 * 60,
  /** ...and this many in a row up to today, with no day off, is a signal. */
  daysWithoutDayOff: 12,
} as const;

export function earlyWarnings(days: readonly DayStats[], rules = SIGNAL_RULES): Signal[] {
  const signals: Signal[] = [];
  const lastWeek = days.slice(-7);
  const total = (list: readonly DayStats[]) => list.reduce((sum, day) => sum + day.exposure, 0);

  const before = days.slice(-35, -7);
  if (before.length === 28) {
    const weekSeconds = total(lastWeek);
    const averageSeconds = Math.round(total(before) / 4);
    if (averageSeconds > 0 && weekSeconds >= rules.weekMinimumSeconds && weekSeconds > averageSeconds * rules.weekRatio)
      signals.push({ id: 'week-above-average', weekSeconds, averageSeconds });
  }

  let run = 0;
  let longest = 0;
  for (const day of lastWeek) {
    run = day.late >= rules.lateNightSeconds ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  if (longest >= rules.lateNightsInARow) signals.push({ id: 'late-nights', nights: longest });

  const postponed = lastWeek.reduce((sum, day) => sum + day.postponed, 0);
  const prompted = lastWeek.reduce((sum, day) => sum + day.prompted, 0);
  if (postponed >= rules.postponedAtLeast && postponed * 2 >= prompted) signals.push({ id: 'breaks-postponed', postponed, prompted });

  // Today may not have started yet: count back from yesterday if today has no exposure so far.
  const ending = days.at(-1) && days.at(-1)!.exposure < rules.workingDaySeconds ? days.slice(0, -1) : days;
  let working = 0;
  for (let i = ending.length - 1; i >= 0 && ending[i]!.exposure >= rules.workingDaySeconds; i--) working++;
  if (working >= rules.daysWithoutDayOff) signals.push({ id: 'no-day-off', days: working });

  return signals;
}
