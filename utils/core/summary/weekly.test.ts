import { describe, expect, it } from 'vitest';
import type { DayStats } from '../dashboard/aggregate';
import { aggregateSummaries, readSummary, weeklySummary } from './weekly';

const day = (n: number, extra: Partial<DayStats> = {}): DayStats => ({
  day: `2026-06-${String(n).padStart(2, '0')}`, exposure: 3600, late: 0, reveals: 4, revealSeconds: 30, prompted: 1, taken: 1, postponed: 0, checkIn: null, checkIns: 0, overrides: 0, ...extra,
});

describe('weekly summary', () => {
  const week = [day(1), day(2, { late: 1800, checkIn: 4, checkIns: 1 }), day(3, { exposure: 0 }), day(4, { late: 600, overrides: 1 }), day(5, { checkIn: 8, checkIns: 3 }), day(6), day(7, { postponed: 2 })];

  it('holds totals only: no sites, no addresses, no notes; check-ins only when chosen', () => {
    const summary = weeklySummary(week, false);
    expect(summary).toEqual({
      format: 'gauze-weekly-summary',
      version: 1,
      weekStarting: '2026-06-01',
      exposureSeconds: 6 * 3600,
      daysWithExposure: 6,
      lateNightSeconds: 2400,
      lateNights: 1,
      breaks: { prompted: 7, taken: 7, postponed: 2 },
      bedtimeOverrides: 1,
    });
    expect(weeklySummary(week, true).checkIns).toEqual({ count: 4, average: 7 });
    expect(JSON.stringify(weeklySummary(week, true))).not.toMatch(/site|host|http|note/i);
  });

  it('reads summaries back, refusing damaged ones with the field named, and aggregates several', () => {
    const a = weeklySummary(week, true);
    const b = { ...weeklySummary(week, false), exposureSeconds: 2 * 3600, lateNights: 0 };
    expect(readSummary(JSON.stringify(a))).toEqual({ ok: true, summary: a });
    const bad = readSummary(JSON.stringify({ ...a, exposureSeconds: -5, site: 'x.com' }));
    expect(bad.ok).toBe(false);
    expect(bad.ok ? [] : bad.errors).toEqual(expect.arrayContaining([expect.stringMatching(/^summary\.exposureSeconds: /), expect.stringMatching(/^summary: Unrecognized key: "site"/)]));
    expect(aggregateSummaries([a, b])).toMatchObject({ people: 2, exposureSeconds: 8 * 3600, averageExposureSeconds: 4 * 3600, peopleWithLateNights: 1, checkInAverage: 7, peopleSharingCheckIns: 1 });
  });
});
