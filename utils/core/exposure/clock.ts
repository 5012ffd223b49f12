/**
 * The exposure clock, as plain data and functions over it (no browser globals, injected time).
 *
 * Exposure is time when a flagged site is the active tab of the focused window and the person is
 * active, or when media plays on a flagged site (watching without input still counts). Screen
 * lock is never exposure; idle is not, unless media plays. However many tabs or windows show
 * flagged sites, exposure is one state over time: counted once, never summed.
 */
export type IdleState = 'active' | 'idle' | 'locked';

export interface BrowserView {
  /** The focused browser window, or null when another application (or nothing) has focus. */
  focusedWindow: number | null;
  /** Each window's active tab. */
  activeTabs: ReadonlyMap<number, number>;
  /** Tabs showing a flagged site, with the flagged-site entry's host. Other tabs are absent. */
  flaggedTabs: ReadonlyMap<number, string>;
  /** Tabs where media is playing (reported by the shield). */
  playing: ReadonlySet<number>;
  idle: IdleState;
}

/** The flagged site the person is exposed to now, or null. */
export function exposedSite(view: BrowserView): string | null {
  if (view.idle === 'locked') return null;
  if (view.idle === 'active' && view.focusedWindow !== null) {
    const tab = view.activeTabs.get(view.focusedWindow);
    const site = tab === undefined ? undefined : view.flaggedTabs.get(tab);
    if (site) return site;
  }
  for (const tab of view.playing) {
    const site = view.flaggedTabs.get(tab);
    if (site) return site;
  }
  return null;
}

/** An exposure segment still running, persisted so a killed worker loses at most one heartbeat. */
export interface OpenSegment {
  site: string;
  start: number;
  /** Last time the clock confirmed exposure (an event or a heartbeat). */
  seen: number;
  timeZone: string;
}

/** A finished segment as stored: which flagged site, when, and the time zone it happened in. */
export interface Segment {
  site: string;
  start: number;
  end: number;
  timeZone: string;
}

export interface ClockRules {
  /** Longest silence that still counts as continuous (heartbeat interval plus slack). */
  maxGapMs: number;
}

/**
 * One tick of the clock: given the open segment (if any), what the browser shows now, and the
 * time, returns the new open segment and any segments that closed. A silence longer than
 * `maxGapMs` (the machine slept, the browser was closed, the worker was gone) ends the open segment
 * where it was last confirmed, so such gaps are never counted.
 */
export function tick(open: OpenSegment | null, site: string | null, now: number, timeZone: string, rules: ClockRules): { open: OpenSegment | null; closed: Segment[] } {
  const closed: Segment[] = [];
  const close = (segment: OpenSegment, end: number) => {
    if (end > segment.start) closed.push({ site: segment.site, start: segment.start, end, timeZone: segment.timeZone });
  };
  let current = open;
  if (current && now - current.seen > rules.maxGapMs) {
    close(current, current.seen);
    current = null;
  }
  if (current && (site !== current.site || timeZone !== current.timeZone)) {
    close(current, Math.max(now, current.seen));
    current = null;
  }
  if (!site) return { open: null, closed };
  if (current) return { open: { ...current, seen: Math.max(now, current.seen) }, closed };
  return { open: { site, start: now, seen: now, timeZone }, closed };
}
