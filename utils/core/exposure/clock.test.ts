import { describe, expect, it } from 'vitest';
import { exposedSite, tick, type BrowserView, type OpenSegment, type Segment } from './clock';
import { splitByDay } from './days';

const rules = { maxGapMs: 75_000 };
const TZ = 'Europe/London';
const view = (over: Partial<BrowserView> = {}): BrowserView => ({
  focusedWindow: 1,
  activeTabs: new Map([[1, 10]]),
  flaggedTabs: new Map([[10, 'x.com']]),
  playing: new Set(),
  idle: 'active',
  ...over,
});

/** Drives the clock through (time in seconds, view) steps and returns every stored segment. */
function run(steps: Array<[number, BrowserView, string?]>): { segments: Segment[]; open: OpenSegment | null } {
  let open: OpenSegment | null = null;
  const segments: Segment[] = [];
  for (const [seconds, v, tz] of steps) {
    const result = tick(open, exposedSite(v), seconds * 1000, tz ?? TZ, rules);
    open = result.open;
    segments.push(...result.closed);
  }
  return { segments, open };
}
const total = (segments: Segment[]) => segments.reduce((sum, s) => sum + (s.end - s.start), 0) / 1000;

describe('exposedSite', () => {
  it('is the flagged site in the active tab of the focused window, while the person is active', () => {
    expect(exposedSite(view())).toBe('x.com');
    expect(exposedSite(view({ activeTabs: new Map([[1, 11]]) }))).toBeNull(); // another tab
    expect(exposedSite(view({ focusedWindow: null }))).toBeNull(); // another application
    expect(exposedSite(view({ idle: 'idle' }))).toBeNull();
    expect(exposedSite(view({ idle: 'locked' }))).toBeNull();
  });

  it('counts media playing on a flagged site, even while idle or unfocused, but never when locked', () => {
    const playing = { playing: new Set([10]), activeTabs: new Map([[1, 11]]) };
    expect(exposedSite(view({ ...playing, idle: 'idle' }))).toBe('x.com');
    expect(exposedSite(view({ ...playing, focusedWindow: null }))).toBe('x.com');
    expect(exposedSite(view({ ...playing, idle: 'locked' }))).toBeNull();
  });

  it('with two windows, uses the focused one', () => {
    const two = view({ activeTabs: new Map([[1, 10], [2, 20]]), flaggedTabs: new Map([[10, 'x.com'], [20, 't.me']]) });
    expect(exposedSite({ ...two, focusedWindow: 2 })).toBe('t.me');
    expect(exposedSite({ ...two, focusedWindow: 1 })).toBe('x.com');
  });
});

describe('tick', () => {
  it('counts a flagged tab shown for 90 seconds as 90 seconds, with heartbeats in between', () => {
    const { segments } = run([[0, view()], [30, view()], [60, view()], [90, view({ activeTabs: new Map([[1, 11]]) })]]);
    expect(segments).toEqual([{ site: 'x.com', start: 0, end: 90_000, timeZone: TZ }]);
  });

  it('switching tabs or windows stops and restarts it; two windows on flagged sites count once', () => {
    const other = view({ activeTabs: new Map([[1, 10], [2, 20]]), flaggedTabs: new Map([[10, 'x.com'], [20, 'x.com']]) });
    const { segments, open } = run([
      [0, { ...other, focusedWindow: 1 }],
      [40, { ...other, focusedWindow: 2 }], // same site in the other window: one continuous segment
      [70, { ...other, focusedWindow: null }], // another application
      [100, { ...other, focusedWindow: 1 }],
      [130, view({ activeTabs: new Map([[1, 11]]) })],
    ]);
    expect(open).toBeNull();
    expect(total(segments)).toBe(70 + 30);
  });

  it('a different flagged site starts a new segment without a gap or an overlap', () => {
    const { segments } = run([[0, view()], [20, view({ flaggedTabs: new Map([[10, 'reddit.com']]) })], [50, view({ idle: 'idle' })]]);
    expect(segments).toEqual([
      { site: 'x.com', start: 0, end: 20_000, timeZone: TZ },
      { site: 'reddit.com', start: 20_000, end: 50_000, timeZone: TZ },
    ]);
  });

  it('idle and lock end it; a video playing while idle keeps it going', () => {
    const { segments } = run([
      [0, view()],
      [60, view({ idle: 'idle', playing: new Set([10]) })],
      [120, view({ idle: 'idle' })], // video ended
      [200, view()],
      [230, view({ idle: 'locked', playing: new Set([10]) })],
    ]);
    expect(total(segments)).toBe(120 + 30);
  });

  it('a sleep gap is not counted: the segment ends where it was last confirmed', () => {
    const { segments, open } = run([[0, view()], [30, view()], [60, view()], [60 + 3600, view()], [60 + 3630, view({ idle: 'idle' })]]);
    expect(open).toBeNull();
    expect(segments).toEqual([
      { site: 'x.com', start: 0, end: 60_000, timeZone: TZ },
      { site: 'x.com', start: 3_660_000, end: 3_690_000, timeZone: TZ },
    ]);
  });

  it('a worker killed between heartbeats loses nothing when the next event comes within the gap', () => {
    // The open segment is what was persisted at 30 s; the worker restarts and the tab closes at 80 s.
    const persisted: OpenSegment = { site: 'x.com', start: 0, seen: 30_000, timeZone: TZ };
    expect(tick(persisted, null, 80_000, TZ, rules).closed).toEqual([{ site: 'x.com', start: 0, end: 80_000, timeZone: TZ }]);
    // Past the gap (the machine slept), it loses at most the time since the last heartbeat.
    expect(tick(persisted, null, 200_000, TZ, rules).closed).toEqual([{ site: 'x.com', start: 0, end: 30_000, timeZone: TZ }]);
  });

  it('a time-zone change closes the segment and keeps each part in its own zone', () => {
    const { segments } = run([[0, view(), 'Europe/Berlin'], [30, view(), 'Europe/Berlin'], [40, view(), 'America/New_York'], [70, view({ idle: 'idle' }), 'America/New_York']]);
    expect(segments.map((s) => [s.timeZone, (s.end - s.start) / 1000])).toEqual([
      ['Europe/Berlin', 40],
      ['America/New_York', 30],
    ]);
  });

  it('across midnight and the rollover hour, a segment splits into the right days', () => {
    // 23:30 to 04:30 BST on 10-11 June: 4.5 hours on the 10th, 0.5 on the 11th.
    const start = Date.parse('2026-06-10T22:30:00Z');
    const end = Date.parse('2026-06-11T03:30:00Z');
    expect(splitByDay(start, end, { timeZone: TZ, rolloverHour: 4 })).toEqual([
      { day: '2026-06-10', ms: 4.5 * 3_600_000 },
      { day: '2026-06-11', ms: 0.5 * 3_600_000 },
    ]);
  });
});
