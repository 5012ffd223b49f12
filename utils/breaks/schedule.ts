import { z } from 'zod';
import type { Segment } from '../exposure/clock';

/**
 * When a break is due, from the exposure record alone (pure; the background feeds it segments).
 *
 * "Continuous" exposure is the time since the last natural break: a stretch without exposure at
 * least as long as the break itself counts as having taken it. Short pauses come every
 * `pauseEveryMinutes` of continuous exposure, longer breaks every `breakEveryMinutes`; a warning
 * comes shortly before; postponing is limited in number and length. Defaults and their reasons
 * are in docs/evidence.md.
 */
export const breakRulesSchema = z
  .object({
    pauseEveryMinutes: z.number().min(0.05).max(240),
    pauseMinutes: z.number().min(0.05).max(60),
    breakEveryMinutes: z.number().min(0.05).max(600),
    breakMinutes: z.number().min(0.05).max(120),
    warnSecondsBefore: z.number().int().min(0).max(900),
    maxPostpones: z.number().int().min(0).max(10),
    postponeMinutes: z.number().min(0.05).max(30),
  })
  .strict();

export type BreakRules = z.infer<typeof breakRulesSchema>;

export const defaultBreakRules: BreakRules = {
  pauseEveryMinutes: 50,
  pauseMinutes: 5,
  breakEveryMinutes: 120,
  breakMinutes: 15,
  warnSecondsBefore: 60,
  maxPostpones: 2,
  postponeMinutes: 5,
};

const MINUTE = 60_000;

/**
 * Exposure (ms) since the last gap of at least `gapMs`, counting only exposed time, and when
 * that stretch began. Segments may come in any order and may overlap (they never should).
 */
export function continuousExposure(segments: readonly Segment[], now: number, gapMs: number): { ms: number; since: number | null } {
  const sorted = [...segments].filter((s) => s.start < now).sort((a, b) => b.end - a.end);
  let ms = 0;
  let since: number | null = null;
  let edge = now;
  for (const segment of sorted) {
    const end = Math.min(segment.end, now);
    if (edge - end >= gapMs) break; // a natural break this long ends the stretch
    const start = segment.start;
    ms += Math.max(0, Math.min(end, edge) - start);
    since = start;
    edge = Math.min(edge, start);
  }
  return { ms, since };
}

export type BreakKind = 'pause' | 'break';

export interface BreakState {
  /** Postpones already used for the break that is due now. */
  postpones: number;
  /** A postponed break is not prompted again before this time. */
  postponedUntil: number | null;
}

export type BreakAdvice =
  | { kind: 'none'; nextInMs: number | null }
  | { kind: 'warn'; break: BreakKind; inMs: number }
  | { kind: 'due'; break: BreakKind; minutes: number; canPostpone: boolean };

/** What to tell the person now. */
export function adviseBreak(segments: readonly Segment[], now: number, rules: BreakRules, state: BreakState): BreakAdvice {
  const longStretch = continuousExposure(segments, now, rules.breakMinutes * MINUTE);
  const shortStretch = continuousExposure(segments, now, rules.pauseMinutes * MINUTE);
  const postponed = state.postponedUntil !== null && now < state.postponedUntil;
  const candidates: Array<{ break: BreakKind; leftMs: number; minutes: number }> = [
    { break: 'break', leftMs: rules.breakEveryMinutes * MINUTE - longStretch.ms, minutes: rules.breakMinutes },
    { break: 'pause', leftMs: rules.pauseEveryMinutes * MINUTE - shortStretch.ms, minutes: rules.pauseMinutes },
  ];
  const due = candidates.find((c) => c.leftMs <= 0);
  if (due && !postponed) return { kind: 'due', break: due.break, minutes: due.minutes, canPostpone: state.postpones < rules.maxPostpones };
  if (due) return { kind: 'none', nextInMs: state.postponedUntil! - now };
  const next = candidates.reduce((a, b) => (b.leftMs < a.leftMs ? b : a));
  if (next.leftMs <= rules.warnSecondsBefore * 1000) return { kind: 'warn', break: next.break, inMs: next.leftMs };
  return { kind: 'none', nextInMs: next.leftMs };
}
