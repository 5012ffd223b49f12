import type { Bedtime } from '../bedtime/schedule';
import type { BreakRules } from '../breaks/schedule';
import type { Limits } from '../limits/limits';
import type { ShieldSettings } from '../shield/settings';

/**
 * What "stricter" means, field by field, for every setting a team policy can set. The effective
 * value of a setting is the stricter of the person's choice and the policy's; docs/policy.md has
 * this table in words, and a property test checks that the result is never looser than either.
 */
export type Rule =
  /** A smaller number is stricter (e.g. minutes between pauses). */
  | 'min'
  /** A larger number is stricter (e.g. minutes of a pause). */
  | 'max'
  /** true is stricter (e.g. strict breaks). */
  | 'true'
  /** false is stricter (e.g. sound allowed). */
  | 'false'
  /** A daily cap in minutes where 0 means none: any cap is stricter than none, a smaller one stricter still. */
  | 'cap'
  /** A list of allowed things: fewer is stricter (the effective list is what both allow). */
  | 'subset'
  /** Named levels, from loosest to strictest. */
  | { order: readonly string[] }
  /** Bedtime nights: a night on is stricter than off; an earlier bedtime and a later wake are stricter. */
  | 'nights';

export interface Groups {
  breaks: BreakRules;
  limits: Limits;
  bedtime: Bedtime;
  shield: ShieldSettings;
}
export type Group = keyof Groups;

export const strictness: { [G in Group]: { [F in keyof Groups[G]]-?: Rule } } = {
  breaks: {
    pauseEveryMinutes: 'min',
    pauseMinutes: 'max',
    breakEveryMinutes: 'min',
    breakMinutes: 'max',
    warnSecondsBefore: 'max',
    maxPostpones: 'min',
    postponeMinutes: 'min',
  },
  limits: { strictBreaks: 'true', softCapMinutes: 'cap', hardCapMinutes: 'cap', lockAfterIdleMinutes: 'min' },
  bedtime: {
    enabled: 'true',
    nights: 'nights',
    windDownMinutes: 'max',
    strength: { order: ['gentle', 'firm'] },
    warnMinutes: 'max',
    overridesPerWeek: 'min',
    overrideMinutes: 'min',
    greyscale: 'true',
  },
  shield: { blurPixels: 'max', allowedSteps: 'subset', recoverAfterSeconds: 'min', soundAllowed: 'false', iconMaxPixels: 'min', smallViewPixels: 'cap', maxVolumePercent: 'min' },
};

type Night = Bedtime['nights'][number];
/** Minutes after noon, so that 23:00 comes before 00:30 (a bedtime before 12:00 is after midnight). */
const afterNoon = (time: string) => {
  const [h, m] = time.split(':').map(Number);
  return ((h! + 12) % 24) * 60 + m!;
};
/**
 * A night as minutes from the evening's noon: bedtime, and the first wake time after it (as
 * utils/core/bedtime/schedule.ts reads them), so a night-shift wake at 19:00 is later than 07:00.
 */
const span = (night: Night) => {
  const start = afterNoon(night.bedtime);
  const wake = afterNoon(night.wake);
  return { start, end: wake > start ? wake : wake + 1440 };
};

/** The stricter of two values under a rule. */
export function stricter(rule: Rule, a: unknown, b: unknown): unknown {
  if (rule === 'min') return Math.min(a as number, b as number);
  if (rule === 'max') return Math.max(a as number, b as number);
  if (rule === 'true') return (a as boolean) || (b as boolean);
  if (rule === 'false') return (a as boolean) && (b as boolean);
  if (rule === 'cap') return (a as number) === 0 ? b : (b as number) === 0 ? a : Math.min(a as number, b as number);
  // What both allow; nothing in common means nothing is allowed (everything stays covered).
  if (rule === 'subset') return (a as string[]).filter((item) => (b as string[]).includes(item));
  if (rule === 'nights') {
    return (a as Night[]).map((mine, i) => {
      const theirs = (b as Night[])[i]!;
      if (!theirs.on) return mine;
      if (!mine.on) return theirs;
      // The window that holds both: the earlier bedtime and the later wake. Longer than a day
      // cannot be written as one night; then the whole day from the earlier bedtime (wake = bedtime).
      const [x, y] = [span(mine), span(theirs)];
      const bedtime = x.start <= y.start ? mine.bedtime : theirs.bedtime;
      if (Math.max(x.end, y.end) - Math.min(x.start, y.start) >= 1440) return { on: true, bedtime, wake: bedtime };
      return { on: true, bedtime, wake: x.end >= y.end ? mine.wake : theirs.wake };
    });
  }
  return rule.order.indexOf(a as string) >= rule.order.indexOf(b as string) ? a : b;
}

/** Whether `a` is at least as strict as `b` under a rule. */
export function atLeastAsStrict(rule: Rule, a: unknown, b: unknown): boolean {
  if (rule === 'min') return (a as number) <= (b as number);
  if (rule === 'max') return (a as number) >= (b as number);
  if (rule === 'true') return (a as boolean) || !(b as boolean);
  if (rule === 'false') return !(a as boolean) || (b as boolean);
  if (rule === 'cap') return (b as number) === 0 ? true : (a as number) !== 0 && (a as number) <= (b as number);
  if (rule === 'subset') return (a as string[]).every((item) => (b as string[]).includes(item));
  if (rule === 'nights') {
    return (a as Night[]).every((mine, i) => {
      const theirs = (b as Night[])[i]!;
      if (!theirs.on) return true;
      const [x, y] = [span(mine), span(theirs)];
      // A whole day (wake = bedtime) is as strict as a night can be.
      return mine.on && ((x.start <= y.start && x.end >= y.end) || x.end - x.start === 1440);
    });
  }
  return rule.order.indexOf(a as string) >= rule.order.indexOf(b as string);
}

/** The effective settings of one group: each field the stricter of the person's and the policy's (if it sets one). */
export function effective<G extends Group>(group: G, personal: Groups[G], policy: Partial<Groups[G]> | undefined): Groups[G] {
  if (!policy) return personal;
  const rules = strictness[group] as Record<string, Rule>;
  const result: Record<string, unknown> = { ...personal };
  for (const [field, value] of Object.entries(policy)) {
    if (value !== undefined && field in rules) result[field] = stricter(rules[field]!, (personal as Record<string, unknown>)[field], value);
  }
  return result as Groups[G];
}

/** Two policies' settings combined: where both set a field, the stricter value. */
export function combine<G extends Group>(group: G, a: Partial<Groups[G]> | undefined, b: Partial<Groups[G]> | undefined): Partial<Groups[G]> | undefined {
  if (!a) return b;
  if (!b) return a;
  const rules = strictness[group] as Record<string, Rule>;
  const result: Record<string, unknown> = { ...a };
  for (const [field, value] of Object.entries(b)) {
    if (value === undefined) continue;
    const mine = (a as Record<string, unknown>)[field];
    result[field] = mine === undefined ? value : stricter(rules[field]!, mine, value);
  }
  return result as Partial<Groups[G]>;
}

/** The fields of `personal` that are looser than the policy allows, with the policy's value. */
export function looserFields<G extends Group>(group: G, personal: Groups[G], policy: Partial<Groups[G]> | undefined): Array<{ field: string; policy: unknown }> {
  if (!policy) return [];
  const rules = strictness[group] as Record<string, Rule>;
  return Object.entries(policy)
    .filter(([field, value]) => value !== undefined && field in rules && !atLeastAsStrict(rules[field]!, (personal as Record<string, unknown>)[field], value))
    .map(([field, value]) => ({ field, policy: value }));
}
