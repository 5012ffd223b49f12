import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';

/**
 * The bedtime guard's schedule and the windows it makes. Pure: the window in force is derived
 * from the clock and the time zone the machine is in at that moment, never remembered, so a
 * browser started mid-window, a machine waking from sleep, DST nights and travel all come out
 * right. Defaults and their reasons are in docs/evidence.md.
 */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM (24-hour)');

export const nightSchema = z
  .object({
    /** Whether the guard runs on the evening of this weekday. */
    on: z.boolean(),
    /** Local bedtime; before 12:00 it is after midnight (the next calendar day). */
    bedtime: clockTime,
    /** Local wake time: the first such time after bedtime. */
    wake: clockTime,
  })
  .strict();

export const bedtimeSchema = z
  .object({
    enabled: z.boolean().default(false),
    /** One entry per evening, Monday first (ISO weekday 1 is index 0). */
    nights: z.array(nightSchema).length(7).default(() => Array.from({ length: 7 }, () => ({ on: true, bedtime: '23:00', wake: '07:00' }))),
    /** Minutes before bedtime when the guard starts. */
    windDownMinutes: z.number().int().min(0).max(240).default(60),
    /** Gentle: the site's text stays reachable, media locked, reveal only through an override. Firm: an interstitial instead of the site. */
    strength: z.enum(['gentle', 'firm']).default('gentle'),
    /** A notification this many minutes before the wind-down begins (0: none). */
    warnMinutes: z.number().int().min(0).max(120).default(15),
    /** Overrides allowed in any seven days (0: none). */
    overridesPerWeek: z.number().int().min(0).max(14).default(2),
    /** How long one override opens the guard. */
    overrideMinutes: z.number().int().min(5).max(120).default(30),
    /** All pages in greyscale while the guard is on. */
    greyscale: z.boolean().default(false),
  })
  .strict();

export type Bedtime = z.infer<typeof bedtimeSchema>;
export const defaultBedtime: Bedtime = bedtimeSchema.parse({});

/** One night's guard: from the start of the wind-down, through bedtime, to waking. Instants in ms. */
export interface GuardWindow {
  /** The calendar date of the evening it belongs to ("YYYY-MM-DD"). */
  evening: string;
  start: number;
  bedtime: number;
  end: number;
}

const at = (date: Temporal.PlainDate, time: string, timeZone: string) =>
  date.toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from(time) }).epochMilliseconds;

/** The guard window of the evening of `date` in `timeZone`, or null when that night is off. */
function windowOf(date: Temporal.PlainDate, schedule: Bedtime, timeZone: string): GuardWindow | null {
  const night = schedule.nights[date.dayOfWeek - 1];
  if (!schedule.enabled || !night?.on) return null;
  const bedDate = night.bedtime < '12:00' ? date.add({ days: 1 }) : date;
  const bedtime = at(bedDate, night.bedtime, timeZone);
  let end = at(bedDate, night.wake, timeZone);
  if (end <= bedtime) end = at(bedDate.add({ days: 1 }), night.wake, timeZone);
  // The wind-down is a length of real time before bedtime, whatever the clocks do that night.
  return { evening: date.toString(), start: bedtime - schedule.windDownMinutes * 60_000, bedtime, end };
}

export type GuardPhase = 'off' | 'wind-down' | 'night';

/**
 * Where the guard is at `now`: the window in force (if any), its phase, and the next window to
 * come (for the warning and the alarm that marks its start).
 */
export function bedtimeAt(now: number, schedule: Bedtime, timeZone: string): { phase: GuardPhase; current: GuardWindow | null; next: GuardWindow | null } {
  const today = Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(timeZone).toPlainDate();
  let current: GuardWindow | null = null;
  let next: GuardWindow | null = null;
  // Yesterday's evening may still run (past midnight); a window may start tomorrow or the day after.
  for (let offset = -1; offset <= 7; offset++) {
    const found = windowOf(today.add({ days: offset }), schedule, timeZone);
    if (!found) continue;
    if (found.start <= now && now < found.end) current ??= found;
    else if (found.start > now && !next) next = found;
    if (next) break;
  }
  const phase: GuardPhase = !current ? 'off' : now < current.bedtime ? 'wind-down' : 'night';
  return { phase, current, next };
}
