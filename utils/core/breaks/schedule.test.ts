import { describe, expect, it } from 'vitest';
import type { Segment } from '../exposure/clock';
import { adviseBreak, continuousExposure, defaultBreakRules } from './schedule';

const MIN = 60_000;
const seg = (startMin: number, endMin: number): Segment => ({ site: 'x.com', start: startMin * MIN, end: endMin * MIN, timeZone: 'UTC' });
const fresh = null;

describe('continuousExposure', () => {
  it('adds exposure across short gaps and stops at a gap as long as the break', () => {
    const segments = [seg(0, 20), seg(22, 40), seg(50, 70)]; // a 2-minute gap, then a 10-minute one
    expect(continuousExposure(segments, 70 * MIN, 5 * MIN)).toEqual({ ms: 20 * MIN, since: 50 * MIN });
    expect(continuousExposure(segments, 70 * MIN, 15 * MIN)).toEqual({ ms: 58 * MIN, since: 0 });
  });

  it('counts the time since exposure stopped as part of a natural break', () => {
    expect(continuousExposure([seg(0, 30)], 36 * MIN, 5 * MIN).ms).toBe(0); // 6 minutes away
    expect(continuousExposure([seg(0, 30)], 33 * MIN, 5 * MIN).ms).toBe(30 * MIN);
  });

  it('never double-counts overlapping segments', () => {
    expect(continuousExposure([seg(0, 30), seg(10, 20)], 30 * MIN, 5 * MIN).ms).toBe(30 * MIN);
  });
});

describe('adviseBreak', () => {
  const rules = defaultBreakRules;

  it('warns a minute before a short pause is due, then says it is due', () => {
    expect(adviseBreak([seg(0, 40)], 40 * MIN, rules, fresh)).toEqual({ kind: 'none', nextInMs: 10 * MIN });
    expect(adviseBreak([seg(0, 49.5)], 49.5 * MIN, rules, fresh)).toEqual({ kind: 'warn', break: 'pause', inMs: 0.5 * MIN, stretch: 'pause@0' });
    expect(adviseBreak([seg(0, 50)], 50 * MIN, rules, fresh)).toEqual({ kind: 'due', break: 'pause', minutes: 5, canPostpone: true, stretch: 'pause@0', postpones: 0 });
  });

  it('a natural break as long as the pause resets the count', () => {
    expect(adviseBreak([seg(0, 45), seg(51, 56)], 56 * MIN, rules, fresh)).toEqual({ kind: 'none', nextInMs: 45 * MIN });
  });

  it('short pauses that are shorter than the long break still add up to a long break', () => {
    // Five 40-minute stretches with 6-minute pauses: pauses reset, but the long-break count runs on.
    const segments = [seg(0, 40), seg(46, 86), seg(92, 132)];
    expect(adviseBreak(segments, 132 * MIN, rules, fresh)).toEqual({ kind: 'due', break: 'break', minutes: 15, canPostpone: true, stretch: 'break@0', postpones: 0 });
  });

  it('postponing is limited in number and length', () => {
    const due = [seg(0, 52)];
    expect(adviseBreak(due, 52 * MIN, rules, { stretch: 'pause@0', count: 1, until: 55 * MIN })).toEqual({ kind: 'none', nextInMs: 3 * MIN });
    expect(adviseBreak([seg(0, 56)], 56 * MIN, rules, { stretch: 'pause@0', count: 1, until: 55 * MIN })).toMatchObject({ kind: 'due', canPostpone: true });
    expect(adviseBreak([seg(0, 62)], 62 * MIN, rules, { stretch: 'pause@0', count: 2, until: 60 * MIN })).toMatchObject({ kind: 'due', canPostpone: false });
  });

  it('postponements belong to one stretch: after a natural break the next pause starts afresh', () => {
    const used = { stretch: 'pause@0', count: 2, until: 60 * MIN };
    // Away from 62 to 70 (longer than the pause), then 50 minutes more.
    expect(adviseBreak([seg(0, 62), seg(70, 120)], 120 * MIN, rules, used)).toEqual({
      kind: 'due',
      break: 'pause',
      minutes: 5,
      canPostpone: true,
      stretch: `pause@${70 * MIN}`,
      postpones: 0,
    });
  });
});
