import type { MessageKey } from '../i18n/keys';

/**
 * Paced-breathing patterns for the break page. Each is a cycle of phases with durations in
 * seconds; the pacer shows the phase, a countdown and (unless reduced motion is asked for) a
 * circle that grows on the in-breath and shrinks on the out-breath. Sources: docs/evidence.md.
 */
export type BreathPhase = 'in' | 'hold' | 'out' | 'holdOut' | 'topUp';

export interface BreathingPattern {
  id: 'box' | 'four-seven-eight' | 'resonant' | 'sigh';
  name: MessageKey;
  explain: MessageKey;
  phases: ReadonlyArray<{ phase: BreathPhase; seconds: number }>;
}

export const breathingPatterns: readonly BreathingPattern[] = [
  {
    id: 'resonant',
    name: 'breathResonantName',
    explain: 'breathResonantExplain',
    phases: [
      { phase: 'in', seconds: 5 },
      { phase: 'out', seconds: 5 },
    ],
  },
  {
    id: 'box',
    name: 'breathBoxName',
    explain: 'breathBoxExplain',
    phases: [
      { phase: 'in', seconds: 4 },
      { phase: 'hold', seconds: 4 },
      { phase: 'out', seconds: 4 },
      { phase: 'holdOut', seconds: 4 },
    ],
  },
  {
    id: 'sigh',
    name: 'breathSighName',
    explain: 'breathSighExplain',
    phases: [
      { phase: 'in', seconds: 3 },
      { phase: 'topUp', seconds: 1 },
      { phase: 'out', seconds: 6 },
    ],
  },
  {
    id: 'four-seven-eight',
    name: 'breath478Name',
    explain: 'breath478Explain',
    phases: [
      { phase: 'in', seconds: 4 },
      { phase: 'hold', seconds: 7 },
      { phase: 'out', seconds: 8 },
    ],
  },
];

export function cycleSeconds(pattern: BreathingPattern): number {
  return pattern.phases.reduce((sum, p) => sum + p.seconds, 0);
}

/**
 * Where in the pattern a person is after `elapsedMs`: the phase, the seconds left in it, and how
 * full the lungs are (0 empty – 1 full) for the pacer's circle.
 */
export function breathAt(pattern: BreathingPattern, elapsedMs: number): { phase: BreathPhase; secondsLeft: number; fullness: number; cycle: number } {
  const cycleMs = cycleSeconds(pattern) * 1000;
  const cycle = Math.floor(elapsedMs / cycleMs);
  let t = elapsedMs - cycle * cycleMs;
  let fullness = 0;
  for (const { phase, seconds } of pattern.phases) {
    const ms = seconds * 1000;
    if (t < ms) {
      const progress = t / ms;
      const current = phase === 'in' ? progress * 0.85 : phase === 'topUp' ? 0.85 + progress * 0.15 : phase === 'out' ? fullness * (1 - progress) : fullness;
      return { phase, secondsLeft: Math.ceil((ms - t) / 1000), fullness: current, cycle };
    }
    t -= ms;
    fullness = phase === 'in' ? 0.85 : phase === 'topUp' ? 1 : phase === 'out' ? 0 : fullness;
  }
  return { phase: pattern.phases[0]!.phase, secondsLeft: pattern.phases[0]!.seconds, fullness: 0, cycle: cycle + 1 };
}
