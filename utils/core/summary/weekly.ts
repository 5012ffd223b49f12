import { z } from 'zod';
import type { DayStats } from '../dashboard/aggregate';
import { SIGNAL_RULES } from '../dashboard/signals';
import { describeIssues, problemsOf, type Problem } from '../validation';

/**
 * A weekly summary a person may give, of their own accord, to a supervisor or psychologist:
 * totals only. No sites, no addresses, no notes, no times of day; check-ins only if they choose.
 */
const weeklySummarySchema = z
  .object({
    format: z.literal('gauze-weekly-summary'),
    version: z.literal(1),
    /** The first exposure day of the seven ("YYYY-MM-DD"). */
    weekStarting: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    exposureSeconds: z.number().int().min(0).max(7 * 86_400),
    daysWithExposure: z.number().int().min(0).max(7),
    lateNightSeconds: z.number().int().min(0).max(7 * 86_400),
    lateNights: z.number().int().min(0).max(7),
    breaks: z.object({ prompted: z.number().int().min(0), taken: z.number().int().min(0), postponed: z.number().int().min(0) }).strict(),
    bedtimeOverrides: z.number().int().min(0),
    checkIns: z.object({ count: z.number().int().min(0), average: z.number().min(0).max(10).nullable() }).strict().optional(),
  })
  .strict();

export type WeeklySummary = z.infer<typeof weeklySummarySchema>;

/** The summary of seven exposure days (oldest first). */
export function weeklySummary(days: readonly DayStats[], includeCheckIns: boolean): WeeklySummary {
  const week = days.slice(-7);
  const sum = (pick: (day: DayStats) => number) => week.reduce((total, day) => total + pick(day), 0);
  const rated = week.filter((day) => day.checkIn !== null);
  const count = rated.reduce((total, day) => total + day.checkIns, 0);
  const ratingSum = rated.reduce((total, day) => total + day.checkIn! * day.checkIns, 0);
  return {
    format: 'gauze-weekly-summary',
    version: 1,
    weekStarting: week[0]?.day ?? '1970-01-01',
    exposureSeconds: sum((day) => day.exposure),
    daysWithExposure: week.filter((day) => day.exposure > 0).length,
    lateNightSeconds: sum((day) => day.late),
    lateNights: week.filter((day) => day.late >= SIGNAL_RULES.lateNightSeconds).length,
    breaks: { prompted: sum((day) => day.prompted), taken: sum((day) => day.taken), postponed: sum((day) => day.postponed) },
    bedtimeOverrides: sum((day) => day.overrides),
    ...(includeCheckIns ? { checkIns: { count, average: count ? Math.round((ratingSum / count) * 10) / 10 : null } } : {}),
  };
}

/** A refused file: `errors` for logs, `problems` for the page to say in the person's language. */
export type SummaryRead = { ok: true; summary: WeeklySummary } | { ok: false; errors: string[]; problems: Problem[] };

export function readSummary(text: string): SummaryRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`summary: not JSON (${error instanceof Error ? error.message : String(error)})`], problems: [{ path: [], kind: 'not-json' }] };
  }
  const parsed = weeklySummarySchema.safeParse(value);
  return parsed.success ? { ok: true, summary: parsed.data } : { ok: false, errors: describeIssues(parsed.error, 'summary', value), problems: problemsOf(parsed.error, value) };
}

/** Several people's summaries, added up and averaged on this machine (the team view). */
export function aggregateSummaries(summaries: readonly WeeklySummary[]) {
  const people = summaries.length;
  const total = (pick: (summary: WeeklySummary) => number) => summaries.reduce((sum, summary) => sum + pick(summary), 0);
  const withCheckIns = summaries.filter((summary) => summary.checkIns?.average != null);
  return {
    people,
    exposureSeconds: total((s) => s.exposureSeconds),
    averageExposureSeconds: people ? Math.round(total((s) => s.exposureSeconds) / people) : 0,
    lateNights: total((s) => s.lateNights),
    peopleWithLateNights: summaries.filter((s) => s.lateNights > 0).length,
    breaks: { prompted: total((s) => s.breaks.prompted), taken: total((s) => s.breaks.taken), postponed: total((s) => s.breaks.postponed) },
    bedtimeOverrides: total((s) => s.bedtimeOverrides),
    checkInAverage: withCheckIns.length ? Math.round((withCheckIns.reduce((sum, s) => sum + s.checkIns!.average!, 0) / withCheckIns.length) * 10) / 10 : null,
    peopleSharingCheckIns: withCheckIns.length,
  };
}
