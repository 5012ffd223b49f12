/**
 * The reveal settings' shape and defaults, without a schema library: the shield script starts on
 * every flagged page and must stay small (docs/performance.md). The schema that checks stored and
 * policy values is utils/core/shield/settings.ts, built on these defaults.
 */
export interface ShieldSettings {
  /** Blur of the blurred step (off unless the person turns it on), in CSS pixels (more is stronger). */
  blurPixels: number;
  /**
   * The reveal steps offered after "covered", in ladder order; empty when a person's choice and a
   * policy share none. The outline comes first by default; blur is a choice (docs/evidence.md).
   */
  allowedSteps: Array<'blur' | 'outline' | 'full'>;
  /** A revealed item re-covers this many seconds after the person looks away from it. */
  recoverAfterSeconds: number;
  /** Whether a video's sound may be turned on at all (it is always off until turned on). */
  soundAllowed: boolean;
  /** Pictures no larger than this on both sides are icons, not media, once their size is known. */
  iconMaxPixels: number;
  /**
   * A revealed picture or video is first shown no larger than this on its longer side, in CSS
   * pixels, and enlarged only by a further step; 0: off.
   */
  smallViewPixels: number;
  /**
   * The loudest an item's sound may play, in percent of its own full volume (the page cannot turn
   * it up further): sound is often the hardest part of a video to take in.
   */
  maxVolumePercent: number;
}

export const shieldDefaults: ShieldSettings = {
  blurPixels: 28,
  allowedSteps: ['outline', 'full'],
  recoverAfterSeconds: 10,
  soundAllowed: true,
  iconMaxPixels: 32,
  smallViewPixels: 320,
  maxVolumePercent: 50,
};

/**
 * The steps every version before the outline-first ladder stored as its default. A stored list
 * exactly like it was never chosen by the person (blur was simply first then), so it moves to the
 * new default once, when the database is upgraded (utils/storage/schema.ts).
 */
export const formerDefaultSteps: ReadonlyArray<'blur' | 'outline' | 'full'> = ['blur', 'outline', 'full'];
