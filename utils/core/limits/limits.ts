import { z } from 'zod';

/**
 * The person's daily limits and break strictness. Fields added later get defaults, so a record
 * stored by an older version still reads. Defaults and their reasons are in docs/evidence.md.
 */
export const limitsSchema = z
  .object({
    /** During a prompted break, flagged media stays covered and cannot be revealed. */
    strictBreaks: z.boolean().default(false),
    /** Exposure minutes in one exposure day after which Gauze says so, once (0: never). */
    softCapMinutes: z.number().int().min(0).max(1440).default(240),
    /** Exposure minutes after which reveals stay locked until the next exposure day (0: no hard cap). */
    hardCapMinutes: z.number().int().min(0).max(1440).default(0),
    /** With encryption on: minutes without input after which the records lock (a team may set a maximum). */
    lockAfterIdleMinutes: z.number().int().min(1).max(240).default(15),
  })
  .strict();

export type Limits = z.infer<typeof limitsSchema>;

export const defaultLimits: Limits = limitsSchema.parse({});
