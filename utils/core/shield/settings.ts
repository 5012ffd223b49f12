import { z } from 'zod';
import { formerDefaultSteps, shieldDefaults, type ShieldSettings } from './defaults';

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
    smallViewPixels: z.number().int().min(0).max(4096).default(shieldDefaults.smallViewPixels),
    maxVolumePercent: z.number().int().min(10).max(100).default(shieldDefaults.maxVolumePercent),
  })
  .strict() satisfies z.ZodType<ShieldSettings, unknown>;

/**
 * Stored reveal settings from a version whose default ladder began with blur: a list exactly like
 * that default was never the person's choice, so it becomes today's default (outline first). Any
 * other list, or anything that is not a settings object, is returned as it was.
 */
export function withOutlineFirst(stored: unknown): unknown {
  if (!stored || typeof stored !== 'object' || !('allowedSteps' in stored)) return stored;
  const steps = (stored as { allowedSteps: unknown }).allowedSteps;
  const former = Array.isArray(steps) && steps.length === formerDefaultSteps.length && steps.every((step, i) => step === formerDefaultSteps[i]);
  return former ? { ...stored, allowedSteps: [...shieldDefaults.allowedSteps] } : stored;
}
