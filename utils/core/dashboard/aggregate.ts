import { Temporal } from 'temporal-polyfill';
import { revealViews, type RevealView } from '../shield/ladder';
import type { BreakRecord, CheckInRecord, OverrideRecord, RevealRecord } from '../records';
import { dayOf, dayStart, nextDay, type DayRule } from '../exposure/days';
import type { Segment } from '../exposure/clock';

/** Late-night exposure: from this local hour until the exposure day ends (docs/evidence.md). */
export const LATE_NIGHT_FROM_HOUR = 22;

/** One exposure day, as the dashboard draws it. Times in seconds. */
export interface DayStats {
  day: string;
  exposure: number;
  /** Exposure from 22:00 until the day's rollover. */
  late: number;
  reveals: number;
  revealSeconds: number;
  prompted: number;
  taken: number;
  postponed: number;
  /** The day's check-in ratings averaged, or null without a check-in. */
  checkIn: number | null;
  checkIns: number;
  overrides: number;
}

export interface DashboardInput {
  segments: readonly Segment[];
  reveals: ReadonlyArray<Pick<RevealRecord, 'kind' | 'endedAt' | 'seconds'>>;
  breaks: ReadonlyArray<Pick<BreakRecord, 'at' | 'action'>>;
  checkIns: ReadonlyArray<Pick<CheckInRecord, 'at' | 'rating'>>;
  overrides: ReadonlyArray<Pick<OverrideRecord, 'at'>>;
}

/**
 * The exposure days that end with the one containing `now`, `count` of them, with their bounds.
 * Time-zone work happens here, a few times per day drawn; records are then placed by number.
 */
export function dayFrames(now: number, count: number, rule: DayRule) {
  let day = Temporal.PlainDate.from(dayOf(now, rule)).subtract({ days: count - 1 }).toString();
  const frames: Array<{ day: string; start: number; lateStart: number; end: number }> = [];
  let start = dayStart(day, rule);
  for (let i = 0; i < count; i++) {
    const following = nextDay(day);
    const end = dayStart(following, rule);
    const lateStart = Temporal.PlainDate.from(day)
      .toZonedDateTime({ timeZone: rule.timeZone, plainTime: Temporal.PlainTime.from({ hour: LATE_NIGHT_FROM_HOUR }) }).epochMilliseconds;
    frames.push({ day, start, lateStart: Math.min(Math.max(lateStart, start), end), end });
    day = following;
    start = end;
  }
  return frames;
}

/** Per-day statistics for the last `count` exposure days (oldest first). */
export function aggregateDays(input: DashboardInput, now: number, count: number, rule: DayRule): DayStats[] {
  const frames = dayFrames(now, count, rule);
  const days: DayStats[] = frames.map(({ day }) => ({
    day, exposure: 0, late: 0, reveals: 0, revealSeconds: 0, prompted: 0, taken: 0, postponed: 0, checkIn: null, checkIns: 0, overrides: 0,
  }));
  const starts = frames.map((frame) => frame.start);
  const first = starts[0] ?? 0;
  const last = frames.at(-1)?.end ?? 0;
  /** Index of the day containing `at`, or -1 outside the range. */
  const indexOf = (at: number) => {
    if (at < first || at >= last) return -1;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return low;
  };

  const overlap = (a: number, b: number, from: number, to: number) => Math.max(0, Math.min(b, to) - Math.max(a, from));
  for (const segment of input.segments) {
    const from = Math.max(segment.start, first);
    const to = Math.min(segment.end, last);
    for (let i = indexOf(from); i >= 0 && i < frames.length && frames[i]!.start < to; i++) {
      const frame = frames[i]!;
      days[i]!.exposure += overlap(from, to, frame.start, frame.end) / 1000;
      days[i]!.late += overlap(from, to, frame.lateStart, frame.end) / 1000;
    }
  }
  for (const reveal of input.reveals) {
    const i = indexOf(reveal.endedAt);
    if (i < 0) continue;
    days[i]!.reveals++;
    days[i]!.revealSeconds += reveal.seconds;
  }
  for (const record of input.breaks) {
    const i = indexOf(record.at);
    if (i >= 0) days[i]![record.action]++;
  }
  const ratings = new Map<number, number>();
  for (const checkIn of input.checkIns) {
    const i = indexOf(checkIn.at);
    if (i < 0) continue;
    days[i]!.checkIns++;
    ratings.set(i, (ratings.get(i) ?? 0) + checkIn.rating);
  }
  for (const [i, sum] of ratings) days[i]!.checkIn = Math.round((sum / days[i]!.checkIns) * 10) / 10;
  for (const override of input.overrides) {
    const i = indexOf(override.at);
    if (i >= 0) days[i]!.overrides++;
  }
  for (const day of days) {
    day.exposure = Math.round(day.exposure);
    day.late = Math.round(day.late);
  }
  return days;
}

export type Period = 'day' | 'week' | 'month';

/** Days grouped into ISO weeks (labelled by their Monday) or calendar months ("2026-03"). */
export function groupDays(days: readonly DayStats[], period: Exclude<Period, 'day'>): DayStats[] {
  const groups = new Map<string, DayStats[]>();
  for (const day of days) {
    const date = Temporal.PlainDate.from(day.day);
    const key = period === 'week' ? date.subtract({ days: date.dayOfWeek - 1 }).toString() : day.day.slice(0, 7);
    groups.set(key, [...(groups.get(key) ?? []), day]);
  }
  return [...groups].map(([key, members]) => {
    const sum = (field: 'exposure' | 'late' | 'reveals' | 'revealSeconds' | 'prompted' | 'taken' | 'postponed' | 'checkIns' | 'overrides') =>
      members.reduce((total, member) => total + member[field], 0);
    const rated = members.filter((member) => member.checkIn !== null);
    const ratingSum = rated.reduce((total, member) => total + member.checkIn! * member.checkIns, 0);
    const ratingCount = rated.reduce((total, member) => total + member.checkIns, 0);
    return {
      day: key,
      exposure: sum('exposure'),
      late: sum('late'),
      reveals: sum('reveals'),
      revealSeconds: sum('revealSeconds'),
      prompted: sum('prompted'),
      taken: sum('taken'),
      postponed: sum('postponed'),
      checkIn: ratingCount ? Math.round((ratingSum / ratingCount) * 10) / 10 : null,
      checkIns: ratingCount,
      overrides: sum('overrides'),
    };
  });
}

/**
 * Reveals by the furthest view the person saw, over a range, in ladder order: how far people go
 * is what the outline-first and small views are for. Reveals recorded before views were (or read
 * while the records are locked) have no view and are left out.
 */
export function revealsByView(reveals: ReadonlyArray<Pick<RevealRecord, 'endedAt' | 'view'>>, from: number, to: number): Array<{ view: RevealView; count: number }> {
  const counts = new Map<RevealView, number>();
  for (const reveal of reveals) {
    if (reveal.endedAt < from || reveal.endedAt >= to || !reveal.view || !revealViews.includes(reveal.view)) continue;
    counts.set(reveal.view, (counts.get(reveal.view) ?? 0) + 1);
  }
  return revealViews.filter((view) => counts.has(view)).map((view) => ({ view, count: counts.get(view)! }));
}

/** Revealed items by kind over a range: how many and for how long (seconds). */
export function revealsByKind(reveals: DashboardInput['reveals'], from: number, to: number): Array<{ kind: string; count: number; seconds: number }> {
  const byKind = new Map<string, { kind: string; count: number; seconds: number }>();
  for (const reveal of reveals) {
    if (reveal.endedAt < from || reveal.endedAt >= to) continue;
    const entry = byKind.get(reveal.kind) ?? { kind: reveal.kind, count: 0, seconds: 0 };
    entry.count++;
    entry.seconds += reveal.seconds;
    byKind.set(reveal.kind, entry);
  }
  return [...byKind.values()].sort((a, b) => b.count - a.count);
}
