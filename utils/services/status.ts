import { DEFAULT_ROLLOVER_HOUR, dayOf } from '../core/exposure/days';
import type { Storage } from '../storage/storage';
import type { BackgroundService } from './types';
import { reportFailure } from './report';

/**
 * What Gauze keeps, in the person's terms: on how many days exposure was recorded, and how many
 * things of each kind (the stores' own names and counts mean nothing to them).
 */
async function keptFacts(storage: Storage, stores: ReadonlyArray<{ name: string; count: number }>) {
  const count = (name: string) => stores.find((store) => store.name === name)?.count ?? 0;
  const segments = await storage.exposure.between(0, Number.MAX_SAFE_INTEGER);
  const open = await storage.exposure.openSegment();
  const days = new Set(segments.map((segment) => dayOf(segment.start, { timeZone: segment.timeZone, rolloverHour: DEFAULT_ROLLOVER_HOUR })));
  if (open) days.add(dayOf(open.start, { timeZone: open.timeZone, rolloverHour: DEFAULT_ROLLOVER_HOUR }));
  return {
    exposureDays: days.size,
    sites: count('sites'),
    reveals: count('reveals'),
    notes: count('notes'),
    sharedMarks: count('sharedMarks'),
    checkIns: count('checkins'),
    memos: count('memos'),
    answers: count('answers'),
    breaks: count('breaks'),
    overrides: count('overrides'),
  };
}

/** Liveness, version and what is stored: what the popup and options show about Gauze itself. */
export const statusService: BackgroundService = {
  id: 'status',
  start({ storage, now, version, handle }) {
    handle('ping', async ({ echo }) => ({
      echo,
      version,
      // One read of the smallest record, with a limit: a database another program deleted or
      // took to another version must not leave the popup waiting.
      records: await Promise.race([storage.summary().then(() => true, () => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3000))]),
    }));
    handle('storage/summary', async () => {
      const summary = await storage.summary();
      return { ...summary, facts: await keptFacts(storage, summary.stores) };
    });
    void storage.recordInstall(now()).catch(reportFailure('could not open the local database'));
  },
};
