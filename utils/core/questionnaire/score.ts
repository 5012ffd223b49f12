import type { Policy } from '../policy/schema';

export type Questionnaire = NonNullable<Policy['questionnaires']>[number];

export type Scored = { ok: true; score: number; band: string | null } | { ok: false; errors: string[] };

/**
 * Scores one set of answers to an organisation's questionnaire, as its policy defines: every item
 * answered once with a whole number on the scale, reverse-keyed items turned round, then the sum
 * or the mean (to two decimals), and the first band whose range holds the score. Anything else is
 * refused with each problem named, so nothing half-answered is stored.
 */
export function scoreAnswers(questionnaire: Questionnaire, answers: Readonly<Record<string, number>>): Scored {
  const { min, max } = questionnaire.scale;
  const errors: string[] = [];
  const known = new Set(questionnaire.items.map((item) => item.id));
  for (const id of Object.keys(answers)) if (!known.has(id)) errors.push(`${id}: not an item of ${questionnaire.id}`);
  const values: number[] = [];
  for (const item of questionnaire.items) {
    const value = Object.hasOwn(answers, item.id) ? answers[item.id] : undefined;
    if (value === undefined) errors.push(`${item.id}: not answered`);
    else if (!Number.isInteger(value) || value < min || value > max) errors.push(`${item.id}: expected a whole number from ${min} to ${max}, found ${String(value)}`);
    else values.push(item.reverse ? min + max - value : value);
  }
  if (errors.length > 0) return { ok: false, errors };
  const sum = values.reduce((total, value) => total + value, 0);
  const score = questionnaire.scoring.method === 'sum' ? sum : Math.round((sum / values.length) * 100) / 100;
  const band = questionnaire.scoring.bands.find((b) => score >= b.from && score <= b.to)?.label ?? null;
  return { ok: true, score, band };
}

/** The highest score the questionnaire can give, to show a score "out of" something. */
export function maximumScore(questionnaire: Questionnaire): number {
  return questionnaire.scoring.method === 'sum' ? questionnaire.scale.max * questionnaire.items.length : questionnaire.scale.max;
}
