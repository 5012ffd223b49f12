import { describe, expect, it } from 'vitest';
import { maximumScore, scoreAnswers, type Questionnaire } from './score';

const questionnaire = (extra: Partial<Questionnaire> = {}): Questionnaire => ({
  id: 'weekly-load',
  title: 'Weekly load',
  licence: 'Our own questions.',
  items: [
    { id: 'sleep', text: 'This week I slept well.', reverse: true },
    { id: 'intrusive', text: 'Images from work came back.' },
    { id: 'tired', text: 'I felt worn out.' },
  ],
  scale: { min: 0, max: 4, labels: [] },
  scoring: { method: 'sum', bands: [{ from: 0, to: 4, label: 'Light' }, { from: 5, to: 8, label: 'Moderate' }, { from: 9, to: 12, label: 'Heavy' }] },
  ...extra,
});

describe('questionnaire scoring', () => {
  it('sums, turning reverse-keyed items round, and finds the band', () => {
    // sleep 4 (slept well) counts as 0; 3 + 2 = 5.
    expect(scoreAnswers(questionnaire(), { sleep: 4, intrusive: 3, tired: 2 })).toEqual({ ok: true, score: 5, band: 'Moderate' });
    expect(scoreAnswers(questionnaire(), { sleep: 0, intrusive: 4, tired: 4 })).toEqual({ ok: true, score: 12, band: 'Heavy' });
    expect(maximumScore(questionnaire())).toBe(12);
  });

  it('averages to two decimals with the mean method; no band when none holds the score', () => {
    const mean = questionnaire({ scoring: { method: 'mean', bands: [{ from: 3, to: 4, label: 'High' }] } });
    expect(scoreAnswers(mean, { sleep: 2, intrusive: 1, tired: 2 })).toEqual({ ok: true, score: 1.67, band: null });
    expect(maximumScore(mean)).toBe(4);
  });

  it('refuses missing, unknown and out-of-scale answers, naming each', () => {
    const result = scoreAnswers(questionnaire(), { sleep: 5, intrusive: 1.5, other: 1 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      'other: not an item of weekly-load',
      'sleep: expected a whole number from 0 to 4, found 5',
      'intrusive: expected a whole number from 0 to 4, found 1.5',
      'tired: not answered',
    ]);
  });

  it('does not take inherited properties for answers', () => {
    const answers = Object.create({ tired: 1 }) as Record<string, number>;
    Object.assign(answers, { sleep: 1, intrusive: 1 });
    expect(scoreAnswers(questionnaire(), answers)).toEqual({ ok: false, errors: ['tired: not answered'] });
  });
});
