import { describe, expect, it } from 'vitest';
import { aggregateDays, dayFrames, groupDays, revealsByKind, revealsByView, type DashboardInput, type DayStats } from './aggregate';
import { earlyWarnings } from './signals';

const london = { timeZone: 'Europe/London', rolloverHour: 4 };
const at = (iso: string) => Date.parse(iso);
const H = 3_600_000;
const empty: DashboardInput = { segments: [], reveals: [], breaks: [], checkIns: [], overrides: [] };

describe('aggregateDays', () => {
  it('splits exposure at the rollover hour and counts late-night time from 22:00', () => {
    const input: DashboardInput = {
      ...empty,
      segments: [
        { site: 'x', start: at('2026-06-10T09:00:00Z'), end: at('2026-06-10T10:00:00Z'), timeZone: 'Europe/London' }, // 10:00–11:00 BST
        // 22:30 BST on the 10th to 04:30 on the 11th: the half hour after 04:00 belongs to the 11th.
        { site: 'x', start: at('2026-06-10T21:30:00Z'), end: at('2026-06-11T03:30:00Z'), timeZone: 'Europe/London' },
      ],
    };
    const days = aggregateDays(input, at('2026-06-11T12:00:00Z'), 2, london);
    expect(days.map((d) => [d.day, d.exposure / 3600, d.late / 3600])).toEqual([
      ['2026-06-10', 6.5, 5.5],
      ['2026-06-11', 0.5, 0],
    ]);
  });

  it('the exposure day holding a spring-forward night has 23 hours, and all of them count', () => {
    // London skips 01:00–02:00 on 29 March 2026, inside the exposure day of the 28th (04:00 to 04:00).
    const frames = dayFrames(at('2026-03-29T12:00:00Z'), 2, london);
    expect(frames.map((f) => [f.day, (f.end - f.start) / H])).toEqual([
      ['2026-03-28', 23],
      ['2026-03-29', 24],
    ]);
    const input = { ...empty, segments: [{ site: 'x', start: frames[0]!.start, end: frames[1]!.end, timeZone: 'Europe/London' }] };
    expect(aggregateDays(input, at('2026-03-29T12:00:00Z'), 2, london).map((d) => [d.exposure / 3600, d.late / 3600])).toEqual([
      [23, 5], // 22:00 to 04:00 with the skipped hour
      [24, 6],
    ]);
  });

  it('places reveals, breaks, check-ins (averaged) and overrides on their days and ignores older ones', () => {
    const input: DashboardInput = {
      segments: [],
      reveals: [
        { kind: 'image', endedAt: at('2026-06-10T10:00:00Z'), seconds: 5 },
        { kind: 'video', endedAt: at('2026-06-10T11:00:00Z'), seconds: 20 },
        { kind: 'image', endedAt: at('2026-05-01T11:00:00Z'), seconds: 99 },
      ],
      breaks: [
        { at: at('2026-06-10T12:00:00Z'), action: 'prompted' },
        { at: at('2026-06-10T12:01:00Z'), action: 'postponed' },
        { at: at('2026-06-11T12:00:00Z'), action: 'taken' },
      ],
      checkIns: [
        { at: at('2026-06-10T18:00:00Z'), rating: 4 },
        { at: at('2026-06-10T19:00:00Z'), rating: 7 },
      ],
      overrides: [{ at: at('2026-06-10T21:30:00Z') }],
    };
    const [tenth, eleventh] = aggregateDays(input, at('2026-06-11T12:00:00Z'), 2, london);
    expect(tenth).toMatchObject({ reveals: 2, revealSeconds: 25, prompted: 1, postponed: 1, taken: 0, checkIn: 5.5, checkIns: 2, overrides: 1 });
    expect(eleventh).toMatchObject({ reveals: 0, taken: 1, checkIn: null });
    expect(revealsByKind(input.reveals, at('2026-06-01T00:00:00Z'), at('2026-07-01T00:00:00Z'))).toEqual([
      { kind: 'image', count: 1, seconds: 5 },
      { kind: 'video', count: 1, seconds: 20 },
    ]);
  });

  it('counts reveals by the furthest view seen, in ladder order, leaving out old records without a view and those out of range', () => {
    const reveals = [
      { endedAt: at('2026-06-10T09:00:00Z'), view: 'full' as const },
      { endedAt: at('2026-06-10T09:01:00Z'), view: 'outline' as const },
      { endedAt: at('2026-06-10T09:02:00Z'), view: 'small' as const },
      { endedAt: at('2026-06-10T09:03:00Z'), view: 'outline' as const },
      { endedAt: at('2026-06-10T09:04:00Z') },
      { endedAt: at('2026-05-10T09:04:00Z'), view: 'blur' as const },
    ];
    expect(revealsByView(reveals, at('2026-06-01T00:00:00Z'), at('2026-07-01T00:00:00Z'))).toEqual([
      { view: 'outline', count: 2 },
      { view: 'small', count: 1 },
      { view: 'full', count: 1 },
    ]);
  });

  it('groups days into ISO weeks and months', () => {
    const days = aggregateDays(
      { ...empty, segments: [{ site: 'x', start: at('2026-06-01T10:00:00Z'), end: at('2026-06-01T11:00:00Z'), timeZone: 'UTC' }] },
      at('2026-06-14T12:00:00Z'),
      20,
      { timeZone: 'UTC', rolloverHour: 4 },
    );
    const weeks = groupDays(days, 'week');
    expect(weeks.map((w) => w.day)).toEqual(['2026-05-25', '2026-06-01', '2026-06-08']);
    expect(weeks[1]!.exposure).toBe(3600);
    expect(groupDays(days, 'month').map((m) => [m.day, m.exposure])).toEqual([
      ['2026-05', 0],
      ['2026-06', 3600],
    ]);
  });
});

const day = (exposureHours: number, extra: Partial<DayStats> = {}): DayStats => ({
  day: '2026-01-01', exposure: exposureHours * 3600, late: 0, reveals: 0, revealSeconds: 0, prompted: 0, taken: 0, postponed: 0, checkIn: null, checkIns: 0, overrides: 0, ...extra,
});

describe('early-warning signals', () => {
  it('none for a steady five weeks with weekends off', () => {
    const days = Array.from({ length: 35 }, (_, i) => day(i % 7 >= 5 ? 0 : 3));
    expect(earlyWarnings(days)).toEqual([]);
  });

  it('this week far above the four weeks before', () => {
    const days = [...Array.from({ length: 28 }, (_, i) => day(i % 7 >= 5 ? 0 : 2)), ...Array.from({ length: 7 }, (_, i) => day(i >= 5 ? 0 : 4))];
    expect(earlyWarnings(days)).toEqual([{ id: 'week-above-average', weekSeconds: 20 * 3600, averageSeconds: 10 * 3600 }]);
  });

  it('three late nights in a row in the last week', () => {
    const days = Array.from({ length: 35 }, (_, i) => day(i % 7 >= 5 ? 0 : 3, { late: i >= 30 && i <= 32 ? 1800 : 0 }));
    expect(earlyWarnings(days)).toEqual([{ id: 'late-nights', nights: 3 }]);
  });

  it('breaks postponed again and again', () => {
    const days = Array.from({ length: 35 }, (_, i) => day(i % 7 >= 5 ? 0 : 3, i >= 30 ? { prompted: 2, postponed: 1 } : {}));
    expect(earlyWarnings(days)).toEqual([{ id: 'breaks-postponed', postponed: 5, prompted: 10 }]);
  });

  it('many days without a day off, counted back from yesterday when today has not started', () => {
    const days = [...Array.from({ length: 22 }, (_, i) => day(i < 10 ? 0 : 3)), day(0)];
    expect(earlyWarnings(days)).toEqual([{ id: 'no-day-off', days: 12 }]);
    expect(earlyWarnings(days.slice(1))).toEqual([{ id: 'no-day-off', days: 12 }]);
    expect(earlyWarnings([...days.slice(0, 12), day(0), ...days.slice(13)])).toEqual([]);
  });
});
