import { z } from 'zod';

/**
 * How covered media is revealed: a person's own choice, with a team policy's floors on top
 * (utils/policy). Defaults and their reasons are in docs/evidence.md.
 */
export const shieldSettingsSchema = z
  .object({
    /** Blur of the first reveal step, in CSS pixels (more is stronger). */
    blurPixels: z.number().int().min(8).max(64).default(28),
    /**
     * The reveal steps offered after "covered"; a policy may leave the full view out. Empty only
     * when a person's choice and a policy have no step in common: then nothing can be revealed.
     */
    allowedSteps: z
      .array(z.enum(['blur', 'outline', 'full']))
      .max(3)
      .refine((steps) => new Set(steps).size === steps.length, 'each step once')
      .default(['blur', 'outline', 'full']),
    /** A revealed item re-covers this many seconds after the person looks away from it. */
    recoverAfterSeconds: z.number().int().min(0).max(600).default(10),
    /** Whether a video's sound may be turned on at all (it is always off until turned on). */
    soundAllowed: z.boolean().default(true),
    /** Pictures no larger than this on both sides are icons, not media, once their size is known. */
    iconMaxPixels: z.number().int().min(0).max(256).default(32),
  })
  .strict();

export type ShieldSettings = z.infer<typeof shieldSettingsSchema>;
export const shieldDefaults: ShieldSettings = shieldSettingsSchema.parse({});
