import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { bedtimeAt, bedtimeSchema, defaultBedtime, type Bedtime } from './schedule';

/** An instant from a local wall-clock time in a named zone. */
const local = (iso: string, timeZone: string) => Temporal.PlainDateTime.from(iso).toZonedDateTime(timeZone).epochMilliseconds;
const H = 3_600_000;
const on: Bedtime = { ...defaultBedtime, enabled: true };

describe('bedtime windows', () => {
  it('is off when the guard is not enabled', () => {
    expect(bedtimeAt(local('2026-06-10T23:30', 'Europe/London'), defaultBedtime, 'Europe/London').phase).toBe('off');
  });

  it('a window crosses midnight: wind-down from 22:00, night from 23:00, until 07:00', () => {
    const zone = 'Europe/London';
    expect(bedtimeAt(local('2026-06-10T21:59', zone), on, zone).phase).toBe('off');
    const windDown = bedtimeAt(local('2026-06-10T22:00', zone), on, zone);
    expect(windDown.phase).toBe('wind-down');
    expect(windDown.current).toEqual({ evening: '2026-06-10', start: local('2026-06-10T22:00', zone), bedtime: local('2026-06-10T23:00', zone), end: local('2026-06-11T07:00', zone) });
    // After midnight the window is still the evening of the 10th.
    const night = bedtimeAt(local('2026-06-11T03:00', zone), on, zone);
    expect(night.phase).toBe('night');
    expect(night.current?.evening).toBe('2026-06-10');
    expect(bedtimeAt(local('2026-06-11T07:00', zone), on, zone).phase).toBe('off');
    expect(bedtimeAt(local('2026-06-11T07:00', zone), on, zone).next?.start).toBe(local('2026-06-11T22:00', zone));
  });

  it.each([
    ['Europe/London', '2026-03-28', 7],
    ['Europe/London', '2026-10-24', 9],
    ['America/New_York', '2026-03-07', 7],
    ['America/New_York', '2026-10-31', 9],
  ])('in %s the night of %s (DST) lasts %i hours of real time, from 23:00 to 07:00 local', (zone, evening, hours) => {
    const window = bedtimeAt(local(`${evening}T23:30`, zone), on, zone).current!;
    expect(window.evening).toBe(evening);
    expect((window.end - window.bedtime) / H).toBe(hours);
    expect(Temporal.Instant.fromEpochMilliseconds(window.end).toZonedDateTimeISO(zone).toPlainTime().toString()).toBe('07:00:00');
    // The wind-down stays one real hour.
    expect(window.bedtime - window.start).toBe(H);
  });

  it('a bedtime inside the spring-forward gap moves to the first valid time', () => {
    // London skips 01:00–02:00 on 29 March 2026.
    const late: Bedtime = { ...on, nights: on.nights.map(() => ({ on: true, bedtime: '01:30', wake: '09:00' })) };
    const window = bedtimeAt(local('2026-03-29T03:00', 'Europe/London'), late, 'Europe/London').current!;
    expect(window.evening).toBe('2026-03-28');
    expect(window.bedtime).toBe(Date.parse('2026-03-29T01:30:00Z')); // 02:30 BST
  });

  it('follows the time zone the machine is in now: after a move mid-window, the new zone decides', () => {
    // 23:30 in London is night; the same instant is 18:30 in New York, before any wind-down.
    const instant = local('2026-06-10T23:30', 'Europe/London');
    expect(bedtimeAt(instant, on, 'Europe/London').phase).toBe('night');
    const there = bedtimeAt(instant, on, 'America/New_York');
    expect(there.phase).toBe('off');
    expect(there.next?.start).toBe(local('2026-06-10T22:00', 'America/New_York'));
    // And the reverse trip: 23:30 in New York is 04:30 in London, still inside London's night.
    expect(bedtimeAt(local('2026-06-10T23:30', 'America/New_York'), on, 'Europe/London').phase).toBe('night');
  });

  it('weekday-specific schedules: Friday night off, Sunday earlier', () => {
    const zone = 'Europe/London';
    const nights = on.nights.map((night, i) => (i === 4 ? { ...night, on: false } : i === 6 ? { on: true, bedtime: '22:00', wake: '06:30' } : night));
    const schedule = { ...on, nights };
    // 2026-06-12 is a Friday, 2026-06-14 a Sunday.
    expect(bedtimeAt(local('2026-06-12T23:30', zone), schedule, zone).phase).toBe('off');
    expect(bedtimeAt(local('2026-06-12T23:30', zone), schedule, zone).next?.evening).toBe('2026-06-13');
    expect(bedtimeAt(local('2026-06-14T21:15', zone), schedule, zone).phase).toBe('wind-down');
    expect(bedtimeAt(local('2026-06-15T06:29', zone), schedule, zone).phase).toBe('night');
    expect(bedtimeAt(local('2026-06-15T06:30', zone), schedule, zone).phase).toBe('off');
  });

  it('waking from sleep inside a window finds it from the clock alone', () => {
    const zone = 'America/New_York';
    // No state: any instant in the night gives the window, its phase and its end.
    const woke = bedtimeAt(local('2026-06-11T02:17', zone), on, zone);
    expect(woke).toMatchObject({ phase: 'night', current: { evening: '2026-06-10', end: local('2026-06-11T07:00', zone) } });
    // Waking after the window: off, and the next one is tonight.
    expect(bedtimeAt(local('2026-06-11T09:00', zone), on, zone)).toMatchObject({ phase: 'off', current: null, next: { evening: '2026-06-11' } });
  });

  it('rejects malformed schedules with the field named, and reads older records with defaults', () => {
    const bad = bedtimeSchema.safeParse({ ...on, nights: [{ on: true, bedtime: '25:00', wake: '07:00' }, ...on.nights.slice(1)] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['nights', 0, 'bedtime']);
    expect(bedtimeSchema.safeParse({ ...on, nights: on.nights.slice(1) }).success).toBe(false);
    expect(bedtimeSchema.parse({ enabled: true })).toEqual(on);
  });
});
