import { aggregateDays, dayFrames, revealsByKind } from '../dashboard/aggregate';
import { earlyWarnings } from '../dashboard/signals';
import { dayRuleNow } from '../exposure/today';
import type { BackgroundService } from './types';

/** Signals look at five weeks, whatever range the page draws. */
const SIGNAL_DAYS = 35;

/**
 * The dashboard's figures: per exposure day over a range, revealed items by kind, early-warning
 * signals; and the person's private check-ins. Aggregated here, next to the data, so the page
 * receives a few hundred rows rather than a year of records.
 */
export function createDashboardService(): BackgroundService {
  return {
    id: 'dashboard',
    start({ storage, now, handle }) {
      handle('dashboard/data', async ({ days: count }) => {
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
          signals: earlyWarnings(days.slice(-SIGNAL_DAYS)),
        };
      });

      handle('checkins/add', async ({ rating, note }) => {
        await storage.checkins.add({ at: now(), rating, note: note.trim() });
        return {};
      });
    },
  };
}
