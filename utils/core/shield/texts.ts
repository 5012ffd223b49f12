import type { MediaKind } from './kinds';

/**
 * Every word the page shield shows, translated by the background in the person's language and sent
 * in its hello reply: a content script that translated for itself would load a whole catalogue
 * into every flagged page at document start (about 13 ms), and would follow the browser's
 * language, not the one chosen in Settings.
 */
export interface ShieldTexts {
  /** The language's BCP 47 tag and direction, for the card. */
  lang: string;
  dir: 'ltr' | 'rtl';
  /** What screen readers hear on every covered item. */
  coveredDescription: string;
  kinds: Record<MediaKind, string>;
  /** "{1} × {2}": a picture's size, the numbers written by the page for the language. */
  size: string;
  steps: { blur: string; outline: string; full: string };
  cover: string;
  /** The small view: enlarge a revealed item to its own size, or make it small again. */
  enlarge: string;
  makeSmaller: string;
  soundOn: string;
  soundOff: string;
  play: string;
  pause: string;
  /** The card's name for screen readers. */
  region: string;
  reviewed: string;
  /** A colleague marked the item reviewed (imported shared marks). */
  colleagueReviewed: string;
  markReviewed: string;
  editNote: string;
  noteLabel: string;
  save: string;
  cancel: string;
  askOverride: string;
  /** Said on the card while the records are locked, with a button to Gauze's unlock page. */
  notesLocked: string;
  unlockNotes: string;
  /** Gauze's viewer for one item: its button on the card, its name, and its controls. */
  viewer: { open: string; title: string; grey: string; small: string; large: string; mirror: string; zoomIn: string; zoomOut: string; close: string; choose: string; notLoaded: string };
  /**
   * A video's storyboard (utils/shield/parts/storyboard.ts): `frame` is "{1}: {2}", a frame's time
   * and how it is shown now; `goTo` is "{1}", the time; `covered` names a frame's covered state.
   */
  storyboard: { open: string; label: string; hint: string; close: string; frame: string; covered: string; goTo: string; unavailable: string };
  /** One hint per key, shown only where the key does something. */
  keys: { label: string; step: string; cover: string; peek: string; size: string; reviewed: string; note: string; sound: string; frames: string; speed: string; viewer: string; storyboard: string };
}

/** Fills "{1}", "{2}" in a text the background prepared. */
export function fill(template: string, ...values: string[]): string {
  return template.replace(/\{(\d)\}/g, (_, index: string) => values[Number(index) - 1] ?? '');
}
