import type { LockReason, RevealLock } from '../limits/lock';

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
  | { type: 'shield/reveal-all' }
  /** Settings or the team policy changed: ask the background again (shield/hello). */
  | { type: 'shield/refresh' }
  /** Reveals locked (covering everything) until a time, or unlocked (null). */
  | { type: 'shield/lock'; lock: RevealLock | null };

const commandTypes: ReadonlySet<string> = new Set<ShieldCommand['type']>(['shield/stop', 'shield/recover-all', 'shield/reveal-all', 'shield/refresh']);
const lockReasons: ReadonlySet<unknown> = new Set<LockReason>(['break', 'cap', 'bedtime']);

export function parseShieldCommand(message: unknown): ShieldCommand | null {
  if (typeof message !== 'object' || message === null) return null;
  const keys = Object.keys(message);
  const { type, lock } = message as { type?: unknown; lock?: unknown };
  if (type === 'shield/lock' && keys.length === 2) {
    if (lock === null) return { type, lock: null };
    const { reason, until, override } = (lock ?? {}) as { reason?: unknown; until?: unknown; override?: unknown };
    const fields = Object.keys(lock as object).length;
    const valid =
      typeof lock === 'object' && lockReasons.has(reason) && Number.isFinite(until) && (override === undefined ? fields === 2 : override === true && fields === 3);
    return valid ? { type, lock: { reason: reason as LockReason, until: until as number, ...(override ? { override: true as const } : {}) } } : null;
  }
  return keys.length === 1 && typeof type === 'string' && commandTypes.has(type) ? ({ type } as ShieldCommand) : null;
}
