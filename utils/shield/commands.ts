import { z } from 'zod';

/** What the background may tell a protected page (runtime messages to a tab's content scripts). */
export const shieldCommandSchema = z.discriminatedUnion('type', [
  /** The site was unflagged: stop the script; what the stylesheet covers stays covered until reload. */
  z.object({ type: z.literal('shield/stop') }).strict(),
  /** Panic, a break or bedtime: cover everything again and turn every sound off. */
  z.object({ type: z.literal('shield/recover-all') }).strict(),
  /** "Reveal all on this page", chosen in the popup. */
  z.object({ type: z.literal('shield/reveal-all') }).strict(),
]);

export type ShieldCommand = z.infer<typeof shieldCommandSchema>;
