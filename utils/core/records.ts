import type { RevealView } from './shield/ladder';

/**
 * What Gauze records, as plain data: the shapes the database keeps (utils/storage/schema.ts) and
 * the pure code that adds them up (the dashboard, the weekly summary, the export) reads.
 */

/** A break prompted, postponed or taken: when and what kind. */
export interface BreakRecord {
  id?: number;
  at: number;
  kind: 'pause' | 'break';
  /** Taken: the stretch that made the break due ended (a stretch without exposure as long as the break). */
  action: 'prompted' | 'postponed' | 'taken';
}

/** A private check-in: how the person rated themselves (0–10) and an optional note. */
export interface CheckInRecord {
  id?: number;
  at: number;
  rating: number;
  note: string;
}

/**
 * A note to self: something on the person's mind, written down so they need not look again (the
 * bedtime page offers it). Kept like a check-in's note: private, in the export, erased with all.
 */
export interface MemoRecord {
  id?: number;
  at: number;
  text: string;
}

/** An override of the bedtime guard: when, for how long, and the reason the person typed. */
export interface OverrideRecord {
  id?: number;
  at: number;
  minutes: number;
  reason: string;
}

/**
 * One set of answers to a questionnaire the person's organisation loaded: the questionnaire's id
 * and title as they were then, the answers by item id, the score and band. Never leaves the
 * machine unless the person exports it.
 */
export interface AnswerRecord {
  id?: number;
  at: number;
  questionnaire: string;
  title: string;
  answers: Record<string, number>;
  score: number;
  band: string | null;
}

export interface NoteRecord {
  hash: string;
  note: string;
  reviewed: boolean;
  updatedAt: number;
  /**
   * The item's id under the team's marks key (utils/core/marks/shared-marks.ts), kept while the
   * address is at hand (the stored hash cannot be turned back into it), so a reviewed item can be
   * shared later. Absent without a team key, or for records older than sharing.
   */
  team?: { keyId: string; id: string };
}

/**
 * An item colleagues marked reviewed, imported from their shared files: the item's team id (never
 * an address), the key it was made with, the notes they chose to share (distinct), and when the
 * first file naming it was imported. Not whose file it came from.
 */
export interface SharedMarkRecord {
  id: string;
  keyId: string;
  notes: string[];
  importedAt: number;
}

/**
 * One reveal of one item: which flagged site, what kind, when it ended, for how long, and the
 * furthest view the person saw. No address. Records made before views were recorded have none.
 */
export interface RevealRecord {
  id?: number;
  site: string;
  kind: string;
  endedAt: number;
  seconds: number;
  view?: RevealView;
}
