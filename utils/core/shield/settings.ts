import { z } from 'zod';
import { shieldDefaults, type ShieldSettings } from './defaults';

export { shieldDefaults, type ShieldSettings };

/**
 * How covered media is revealed: a person's own choice, with a team policy's floors on top
 * (utils/core/policy). Field meanings are in utils/core/shield/defaults.ts; the reasons for the defaults
 * in docs/evidence.md.
 */
export const shieldSettingsSchema = z
  .object({
    blurPixels: z.number().int().min(8).max(64).default(shieldDefaults.blurPixels),
    allowedSteps: z
      .array(z.enum(['blur', 'outline', 'full']))
      .max(3)
      .refine((steps) => new Set(steps).size === steps.length, 'each step once')
      .default(() => [...shieldDefaults.allowedSteps]),
    recoverAfterSeconds: z.number().int().min(0).max(600).default(shieldDefaults.recoverAfterSeconds),
    soundAllowed: z.boolean().default(shieldDefaults.soundAllowed),
    iconMaxPixels: z.number().int().min(0).max(256).default(shieldDefaults.iconMaxPixels),
  })
  .strict() satisfies z.ZodType<ShieldSettings, unknown>;
