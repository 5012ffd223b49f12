import { Temporal } from 'temporal-polyfill';

/**
 * Exposure days are local calendar days that start at a rollover hour (default 04:00), so a late
 * night counts towards the day it belongs to in a person's life, not the next date. Wall-clock
 * rules through Temporal make midnight, DST nights and time-zone changes come out right; no
 * offset arithmetic by hand.
 */
export interface DayRule {
  timeZone: string;
  /** Hour (0–23, local wall clock) at which a new exposure day starts. */
  rolloverHour: number;
}

export const DEFAULT_ROLLOVER_HOUR = 4;

/** The exposure day ("YYYY-MM-DD") an instant belongs to. */
export function dayOf(at: number, rule: DayRule): string {
  const local = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(rule.timeZone);
  const date = local.hour < rule.rolloverHour ? local.toPlainDate().subtract({ days: 1 }) : local.toPlainDate();
  return date.toString();
}

/** The instant an exposure day starts (its rollover hour on its date; later if DST skips it). */
export function dayStart(day: string, rule: DayRule): number {
  return Temporal.PlainDate.from(day)
    .toZonedDateTime({ timeZone: rule.timeZone, plainTime: Temporal.PlainTime.from({ hour: rule.rolloverHour }) })
    .epochMilliseconds;
}

export function nextDay(day: string): string {
  return Temporal.PlainDate.from(day).add({ days: 1 }).toString();
}

/** Splits the interval [start, end) into the exposure days it touches, with milliseconds in each. */
export function splitByDay(start: number, end: number, rule: DayRule): Array<{ day: string; ms: number }> {
  const parts: Array<{ day: string; ms: number }> = [];
  let from = start;
  let day = dayOf(start, rule);
  while (from < end) {
    const boundary = dayStart(nextDay(day), rule);
    const to = Math.min(end, boundary);
    if (to > from) parts.push({ day, ms: to - from });
    from = to;
    day = nextDay(day);
  }
  return parts;
}

let chosenZone: string | null = null;

/**
 * The time zone the person chose in Settings, or null to follow the browser's. Privacy-hardened
 * browsers (Tor Browser, Firefox with resistFingerprinting) report UTC whatever the clock on the
 * wall says, which would move bedtime, the day's start and late nights by hours. Set in each of
 * Gauze's contexts when it starts and when the choice changes (utils/browser/i18n.ts).
 */
export function chooseTimeZone(zone: string | null): void {
  chosenZone = zone && isTimeZone(zone) ? zone : null;
}

/** The time zone the browser reports. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The time zone Gauze counts in now: the person's choice, else the browser's. */
export function currentTimeZone(): string {
  return chosenZone ?? browserTimeZone();
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** UTC as the browser's zone: what hardened browsers report on purpose (worth asking the person). */
export function browserSaysUtc(): boolean {
  return /^(Etc\/)?(UTC|GMT|UCT|Zulu|Universal)$/.test(browserTimeZone());
}
