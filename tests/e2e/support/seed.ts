import type { Page } from 'puppeteer';
import { writeRecords } from './database.ts';

/**
 * A year of plausible records, generated deterministically: weekday exposure of two to six hours
 * in a few sessions, some late evenings, reveals, breaks and check-ins.
 */
export function yearOfRecords(now: number, days = 365) {
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const DAY = 86_400_000;
  const exposure: Array<{ site: string; start: number; end: number; timeZone: string }> = [];
  const reveals: Array<{ site: string; kind: string; endedAt: number; seconds: number; view?: 'outline' | 'small' | 'full' }> = [];
  const breaks: Array<{ at: number; kind: 'pause' | 'break'; action: 'prompted' | 'postponed' | 'taken' }> = [];
  const checkins: Array<{ at: number; rating: number; note: string }> = [];
  const midnight = now - (now % DAY);
  for (let d = days; d >= 1; d--) {
    const day = midnight - d * DAY;
    if (new Date(day).getUTCDay() % 6 === 0 && random() < 0.8) continue; // most weekends off
    let at = day + 9 * 3_600_000;
    const sessions = 3 + Math.floor(random() * 5);
    for (let s = 0; s < sessions; s++) {
      const length = (20 + random() * 50) * 60_000;
      for (let part = 0; part < 4; part++) {
        const start = at + (part * length) / 4;
        exposure.push({ site: random() < 0.5 ? 'x.com' : 'case.example', start, end: start + length / 4, timeZone: 'UTC' });
      }
      // The furthest view seen; every fourth as a record from before views were recorded (none).
      const views = ['outline', 'small', 'full'] as const;
      for (let r = 0; r < 4; r++) reveals.push({ site: 'x.com', kind: random() < 0.7 ? 'image' : 'video', endedAt: at + random() * length, seconds: Math.round(2 + random() * 30), ...(r < 3 ? { view: views[r] } : {}) });
      breaks.push({ at: at + length, kind: 'pause', action: 'prompted' }, { at: at + length + 60_000, kind: 'pause', action: random() < 0.2 ? 'postponed' : 'taken' });
      at += length + (10 + random() * 60) * 60_000;
    }
    if (random() < 0.15) exposure.push({ site: 'x.com', start: day + 22.5 * 3_600_000, end: day + 23.5 * 3_600_000, timeZone: 'UTC' });
    if (random() < 0.5) checkins.push({ at: day + 18 * 3_600_000, rating: Math.floor(3 + random() * 7), note: '' });
  }
  return { exposure, reveals, breaks, checkins };
}

/** Writes them straight into Gauze's IndexedDB from one of its pages, as an older installation would have them. */
export function seedRecords(page: Page, records: ReturnType<typeof yearOfRecords>): Promise<void> {
  return writeRecords(page, records);
}
