/**
 * What the background may tell a protected page (runtime messages to a tab's content scripts).
 * Checked by hand rather than with a schema library, to keep the shield script small; the shapes
 * are tiny and closed.
 */
export type ShieldCommand =
  /** The site was unflagged: stop the script; what the stylesheet covers stays covered until reload. */
  | { type: 'shield/stop' }
  /** Panic, a break or bedtime: cover everything again and turn every sound off. */
  | { type: 'shield/recover-all' }
  /** "Reveal all on this page", chosen in the popup. */
  | { type: 'shield/reveal-all' };

const commandTypes: ReadonlySet<string> = new Set<ShieldCommand['type']>(['shield/stop', 'shield/recover-all', 'shield/reveal-all']);

export function parseShieldCommand(message: unknown): ShieldCommand | null {
  if (typeof message !== 'object' || message === null) return null;
  const keys = Object.keys(message);
  const type = (message as { type?: unknown }).type;
  return keys.length === 1 && typeof type === 'string' && commandTypes.has(type) ? ({ type } as ShieldCommand) : null;
}
