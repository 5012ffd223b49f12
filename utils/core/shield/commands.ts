import type { LockReason, RevealLock } from '../limits/lock';

/** A lock as the background tells it to a page: with the card's words for it, translated. */
export type ToldLock = RevealLock & { text: string | null };

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
  /** Settings, the team policy or the language changed: ask the background again (shield/hello). */
  | { type: 'shield/refresh' }
  /** Reveals locked (covering everything) until a time, or unlocked (null). */
  | { type: 'shield/lock'; lock: ToldLock | null }
  /** A frame of this tab does, or no longer does, show a document Gauze protects. */
  | { type: 'shield/frame'; frameId: number; inner: boolean }
  /** Is a protected document's shield running in this frame? (Only a running shield answers.) */
  | { type: 'shield/alive' };

const plainTypes: ReadonlySet<string> = new Set<ShieldCommand['type']>(['shield/stop', 'shield/recover-all', 'shield/reveal-all', 'shield/refresh', 'shield/alive']);
const lockReasons: ReadonlySet<unknown> = new Set<LockReason>(['break', 'cap', 'bedtime']);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const hasOnly = (value: Record<string, unknown>, keys: string[]) => Object.keys(value).every((key) => keys.includes(key));

function parseLock(lock: unknown): ToldLock | null | undefined {
  if (lock === null) return null;
  if (!isRecord(lock) || !hasOnly(lock, ['reason', 'until', 'override', 'text'])) return undefined;
  const { reason, until, override, text } = lock;
  if (!lockReasons.has(reason) || typeof until !== 'number' || !Number.isFinite(until)) return undefined;
  if (override !== undefined && override !== true) return undefined;
  if (text !== null && (typeof text !== 'string' || text.length > 1000)) return undefined;
  return { reason: reason as LockReason, until, ...(override ? { override: true as const } : {}), text };
}

export function parseShieldCommand(message: unknown): ShieldCommand | null {
  if (!isRecord(message) || typeof message.type !== 'string') return null;
  const { type } = message;
  if (type === 'shield/lock' && hasOnly(message, ['type', 'lock'])) {
    const lock = parseLock(message.lock);
    return lock === undefined ? null : { type, lock };
  }
  if (type === 'shield/frame' && hasOnly(message, ['type', 'frameId', 'inner'])) {
    const { frameId, inner } = message;
    return Number.isInteger(frameId) && (frameId as number) >= 0 && typeof inner === 'boolean' ? { type, frameId: frameId as number, inner } : null;
  }
  return Object.keys(message).length === 1 && plainTypes.has(type) ? ({ type } as ShieldCommand) : null;
}
