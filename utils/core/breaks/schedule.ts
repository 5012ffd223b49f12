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

/** The stretch of exposure a break of this kind would end now (its identity; see Postponement). */
export function currentStretch(segments: readonly Segment[], now: number, rules: BreakRules, kind: BreakKind): string {
  const minutes = kind === 'break' ? rules.breakMinutes : rules.pauseMinutes;
  return stretchKey(kind, continuousExposure(segments, now, minutes * MINUTE).since);
}
const stretchKey = (kind: BreakKind, since: number | null) => `${kind}@${since}`;

/**
 * Postponements of one break. A break is identified by its kind and the start of the stretch of
 * exposure that made it due (`stretch`), so a natural break — a new stretch — starts afresh.
 */
export interface Postponement {
  stretch: string;
  count: number;
  /** The break is not prompted again before this time. */
  until: number;
}

export type BreakAdvice =
  | { kind: 'none'; nextInMs: number | null }
  | { kind: 'warn'; break: BreakKind; inMs: number; stretch: string }
  | { kind: 'due'; break: BreakKind; minutes: number; canPostpone: boolean; stretch: string; postpones: number };

/** What to tell the person now, given the postponements they have made (if any). */
export function adviseBreak(segments: readonly Segment[], now: number, rules: BreakRules, postponed: Postponement | null): BreakAdvice {
  const longStretch = continuousExposure(segments, now, rules.breakMinutes * MINUTE);
  const shortStretch = continuousExposure(segments, now, rules.pauseMinutes * MINUTE);
  const candidates: Array<{ break: BreakKind; leftMs: number; minutes: number; stretch: string }> = [
    { break: 'break', leftMs: rules.breakEveryMinutes * MINUTE - longStretch.ms, minutes: rules.breakMinutes, stretch: stretchKey('break', longStretch.since) },
    { break: 'pause', leftMs: rules.pauseEveryMinutes * MINUTE - shortStretch.ms, minutes: rules.pauseMinutes, stretch: stretchKey('pause', shortStretch.since) },
  ];
  const due = candidates.find((c) => c.leftMs <= 0);
  if (due) {
    const mine = postponed?.stretch === due.stretch ? postponed : null;
    if (mine && now < mine.until) return { kind: 'none', nextInMs: mine.until - now };
    const postpones = mine?.count ?? 0;
    return { kind: 'due', break: due.break, minutes: due.minutes, canPostpone: postpones < rules.maxPostpones, stretch: due.stretch, postpones };
  }
  const next = candidates.reduce((a, b) => (b.leftMs < a.leftMs ? b : a));
  if (next.leftMs <= rules.warnSecondsBefore * 1000) return { kind: 'warn', break: next.break, inMs: next.leftMs, stretch: next.stretch };
  return { kind: 'none', nextInMs: next.leftMs };
}
