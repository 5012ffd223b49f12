/**
 * The reveal settings' shape and defaults, without a schema library: the shield script starts on
 * every flagged page and must stay small (docs/performance.md). The schema that checks stored and
 * policy values is utils/core/shield/settings.ts, built on these defaults.
 */
export interface ShieldSettings {
  /** Blur of the first reveal step, in CSS pixels (more is stronger). */
  blurPixels: number;
  /** The reveal steps offered after "covered"; empty when a person's choice and a policy share none. */
  allowedSteps: Array<'blur' | 'outline' | 'full'>;
  /** A revealed item re-covers this many seconds after the person looks away from it. */
  recoverAfterSeconds: number;
  /** Whether a video's sound may be turned on at all (it is always off until turned on). */
  soundAllowed: boolean;
  /** Pictures no larger than this on both sides are icons, not media, once their size is known. */
  iconMaxPixels: number;
}

export const shieldDefaults: ShieldSettings = {
  blurPixels: 28,
  allowedSteps: ['blur', 'outline', 'full'],
  recoverAfterSeconds: 10,
  soundAllowed: true,
  iconMaxPixels: 32,
};
