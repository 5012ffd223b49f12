/**
 * Shield defaults (the reasons are in docs/evidence.md). A team policy will set floors later.
 */
export const shieldDefaults = {
  /** A revealed item re-covers this many seconds after the person looks away from it. */
  recoverAfterSeconds: 10,
  /** Pictures no larger than this on both sides are icons, not media, once their size is known. */
  iconMaxPixels: 32,
} as const;

export type ShieldSettings = { recoverAfterSeconds: number; iconMaxPixels: number };
