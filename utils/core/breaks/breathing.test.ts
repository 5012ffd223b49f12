import { describe, expect, it } from 'vitest';
import { breathAt, breathingPatterns, cycleSeconds } from './breathing';

const byId = (id: string) => breathingPatterns.find((p) => p.id === id)!;

describe('breathing patterns', () => {
  it('have the documented rhythms', () => {
    expect(cycleSeconds(byId('box'))).toBe(16);
    expect(cycleSeconds(byId('four-seven-eight'))).toBe(19);
    expect(60 / cycleSeconds(byId('resonant'))).toBe(6); // six breaths a minute
    expect(byId('sigh').phases.map((p) => p.phase)).toEqual(['in', 'topUp', 'out']); // double in-breath, long out-breath
  });

  it('tells the phase, the seconds left and how full the lungs are', () => {
    const box = byId('box');
    expect(breathAt(box, 0)).toMatchObject({ phase: 'in', secondsLeft: 4, fullness: 0, cycle: 0 });
    expect(breathAt(box, 2000)).toMatchObject({ phase: 'in', secondsLeft: 2 });
    expect(breathAt(box, 4500)).toMatchObject({ phase: 'hold', secondsLeft: 4, fullness: 0.85 });
    expect(breathAt(box, 10_000)).toMatchObject({ phase: 'out', secondsLeft: 2 });
    expect(breathAt(box, 10_000).fullness).toBeCloseTo(0.425);
    expect(breathAt(box, 15_000)).toMatchObject({ phase: 'holdOut', fullness: 0 });
    expect(breathAt(box, 16_000)).toMatchObject({ phase: 'in', cycle: 1 });
  });

  it('cyclic sighing tops up to full before the long out-breath', () => {
    const sigh = byId('sigh');
    expect(breathAt(sigh, 3500).phase).toBe('topUp');
    expect(breathAt(sigh, 4000)).toMatchObject({ phase: 'out', fullness: 1 });
  });
});
