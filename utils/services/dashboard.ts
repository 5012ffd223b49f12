import { aggregateDays, dayFrames, revealsByKind, revealsByView } from '../core/dashboard/aggregate';
import { earlyWarnings } from '../core/dashboard/signals';
import { dayRuleNow } from '../storage/exposure-today';
import { scoreAnswers } from '../core/questionnaire/score';
import { ValidationError } from '../core/validation';
import type { BackgroundService } from './types';

/** How many past questionnaire results the dashboard lists. */
const RESULTS_SHOWN = 20;
/** How many notes to self the dashboard lists. */
const MEMOS_SHOWN = 30;
/** Signals look at five weeks, whatever range the page draws. */
const SIGNAL_DAYS = 35;

/**
 * The dashboard's figures: per exposure day over a range, revealed items by kind, early-warning
 * signals; the person's private check-ins and notes to self; and answers to the organisation's own questionnaires.
 * Aggregated here, next to the data, so the page receives a few hundred rows rather than a year
 * of records.
 */
export function createDashboardService(): BackgroundService {
  return {
    id: 'dashboard',
    start({ storage, now, handle }) {
      handle('dashboard/data', async ({ days: count }) => {
        await storage.vault.assertOpen();
        const at = now();
        const rule = dayRuleNow();
        const span = Math.max(count, SIGNAL_DAYS);
        const frames = dayFrames(at, span, rule);
        const from = frames[0]!.start;
        const to = frames.at(-1)!.end;
        const [{ segments }, reveals, breaks, checkIns, overrides] = await Promise.all([
          storage.exposure.recorded(from, to, at),
          storage.revealsBetween(from, to),
          storage.breaks.between(from, to),
          storage.checkins.between(from, to),
          storage.overrides.between(from, to),
        ]);
        const days = aggregateDays({ segments, reveals, breaks, checkIns, overrides }, at, span, rule);
        return {
          days: days.slice(-count),
          reveals: revealsByKind(reveals, frames[span - count]!.start, to),
          views: revealsByView(reveals, frames[span - count]!.start, to),
          signals: earlyWarnings(days.slice(-SIGNAL_DAYS)),
        };
      });

      handle('checkins/add', async ({ rating, note }) => {
        await storage.checkins.add({ at: now(), rating, note: note.trim() });
        return {};
      });

      handle('memos/add', async ({ text }) => {
        await storage.memos.add({ at: now(), text });
        return {};
      });

      handle('memos/latest', async () => {
        await storage.vault.assertOpen();
        return { memos: (await storage.memos.latest(MEMOS_SHOWN)).map(({ at, text }) => ({ at, text })) };
      });

      handle('questionnaires', async () => {
        // Locked, the questionnaires can still be answered (answers are sealed as they are kept);
        // earlier results wait for the passphrase.
        const { enabled, unlocked } = await storage.vault.state();
        const locked = enabled && !unlocked;
        const [active, latest] = await Promise.all([storage.policy.active(), locked ? [] : storage.answers.latest(RESULTS_SHOWN)]);
        return {
          questionnaires: active?.questionnaires ?? [],
          results: latest.map(({ questionnaire, title, at, score, band }) => ({ questionnaire, title, at, score, band })),
          ...(locked ? { locked } : {}),
        };
      });

      // Only a questionnaire the organisation has in force now, answered whole: anything else is
      // refused with each problem named and nothing is stored.
      handle('questionnaires/answer', async ({ questionnaire: id, answers }) => {
        const questionnaire = (await storage.policy.active())?.questionnaires.find((q) => q.id === id);
        if (!questionnaire) throw new ValidationError([`message.payload.questionnaire: no questionnaire "${id}" in the team policy in force`]);
        const scored = scoreAnswers(questionnaire, answers);
        if (!scored.ok) throw new ValidationError(scored.errors.map((error) => `message.payload.answers.${error}`));
        await storage.answers.add({ at: now(), questionnaire: id, title: questionnaire.title, answers: { ...answers }, score: scored.score, band: scored.band });
        return { score: scored.score, band: scored.band };
      });
    },
  };
}
