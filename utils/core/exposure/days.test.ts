import { describe, expect, it } from 'vitest';
import { dayOf, dayStart, splitByDay, type DayRule } from './days';

const london: DayRule = { timeZone: 'Europe/London', rolloverHour: 4 };
const newYork: DayRule = { timeZone: 'America/New_York', rolloverHour: 4 };
const saoPaulo: DayRule = { timeZone: 'America/Sao_Paulo', rolloverHour: 4 };
const utc = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe('dayOf', () => {
  it('counts the small hours towards the evening before, until the rollover hour', () => {
    expect(dayOf(utc('2026-06-10T22:30:00Z'), london)).toBe('2026-06-10'); // 23:30 BST
    expect(dayOf(utc('2026-06-11T01:30:00Z'), london)).toBe('2026-06-10'); // 02:30 BST
    expect(dayOf(utc('2026-06-11T02:59:59Z'), london)).toBe('2026-06-10'); // 03:59:59 BST
    expect(dayOf(utc('2026-06-11T03:00:00Z'), london)).toBe('2026-06-11'); // 04:00 BST
  });

  it('with rollover at midnight, is the calendar date', () => {
    expect(dayOf(utc('2026-06-10T23:30:00Z'), { timeZone: 'UTC', rolloverHour: 0 })).toBe('2026-06-10');
    expect(dayOf(utc('2026-06-11T00:00:00Z'), { timeZone: 'UTC', rolloverHour: 0 })).toBe('2026-06-11');
  });

  it('is the same instant on different days in different zones', () => {
    const at = utc('2026-06-11T05:00:00Z');
    expect(dayOf(at, london)).toBe('2026-06-11'); // 06:00 in London
    expect(dayOf(at, newYork)).toBe('2026-06-10'); // 01:00 in New York
  });
});

describe('exposure days across DST', () => {
  it('spring forward in London (01:00 GMT, 29 March): the exposure day of the 28th is 23 hours long', () => {
    const start = dayStart('2026-03-28', london);
    const end = dayStart('2026-03-29', london);
    expect(new Date(start).toISOString()).toBe('2026-03-28T04:00:00.000Z'); // 04:00 GMT
    expect(new Date(end).toISOString()).toBe('2026-03-29T03:00:00.000Z'); // 04:00 BST
    expect(end - start).toBe(23 * HOUR);
    expect(dayStart('2026-03-30', london) - end).toBe(24 * HOUR);
  });

  it('fall back in London (02:00 BST, 25 October): the exposure day of the 24th is 25 hours long', () => {
    expect(dayStart('2026-10-25', london) - dayStart('2026-10-24', london)).toBe(25 * HOUR);
  });

  it('fall back in New York (02:00 EDT, 1 November): the exposure day of 31 October is 25 hours long', () => {
    expect(dayStart('2026-11-01', newYork) - dayStart('2026-10-31', newYork)).toBe(25 * HOUR);
    expect(dayOf(utc('2026-11-01T05:30:00Z'), newYork)).toBe('2026-10-31'); // 01:30 EDT, the first one
    expect(dayOf(utc('2026-11-01T06:30:00Z'), newYork)).toBe('2026-10-31'); // 01:30 EST, the second one
  });

  it('São Paulo has had no DST since 2019: every day is 24 hours', () => {
    expect(dayStart('2026-11-02', saoPaulo) - dayStart('2026-11-01', saoPaulo)).toBe(24 * HOUR);
  });

  it('an hour of exposure across the London spring-forward night is one hour, on one day', () => {
    // 00:30 GMT to 02:30 BST is one hour of real time.
    expect(splitByDay(utc('2026-03-29T00:30:00Z'), utc('2026-03-29T01:30:00Z'), london)).toEqual([{ day: '2026-03-28', ms: HOUR }]);
  });
});

describe('splitByDay', () => {
  it('splits at the rollover hour, not at midnight', () => {
    // 23:00 to 05:00 BST: five hours on the 10th, one on the 11th.
    expect(splitByDay(utc('2026-06-10T22:00:00Z'), utc('2026-06-11T04:00:00Z'), london)).toEqual([
      { day: '2026-06-10', ms: 5 * HOUR },
      { day: '2026-06-11', ms: 1 * HOUR },
    ]);
  });

  it('returns nothing for an empty interval and spans several days', () => {
    expect(splitByDay(1000, 1000, london)).toEqual([]);
    const parts = splitByDay(utc('2026-06-10T12:00:00Z'), utc('2026-06-13T12:00:00Z'), london);
    expect(parts.map((p) => p.day)).toEqual(['2026-06-10', '2026-06-11', '2026-06-12', '2026-06-13']);
    expect(parts.reduce((sum, p) => sum + p.ms, 0)).toBe(72 * HOUR);
  });
});
