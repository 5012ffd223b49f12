import { currentLock } from '../limits/current';
import { limitsSchema } from '../limits/limits';
import { sameLock, type RevealLock } from '../limits/lock';
import { createSerial } from '../serial';
import type { BackgroundService } from './types';

/** How the guard reaches the browser; injected so the service is testable in Node. */
export interface GuardBrowser {
  /** Tells every protected tab the lock; tabs cover everything when a lock begins. */
  broadcastLock(lock: RevealLock | null): Promise<void>;
  /** Wakes the worker at this time (an alarm), or never. */
  wakeAt(at: number | null): Promise<void>;
  /** Called when that alarm fires. Registered synchronously at worker start. */
  onWake(listener: () => void): void;
  /** Tells the person today's exposure has reached their soft cap. */
  notifySoftCap(minutes: number): Promise<void>;
}

/**
 * The guard: keeps open tabs told whether reveals are locked (a strict break, the hard daily
 * cap), and says once a day when the soft cap is reached. It looks after every exposure tick,
 * every lock change and at the alarm that marks the end of a lock; the lock itself is always
 * derived from storage and the clock (utils/limits/current.ts).
 */
export function createGuardService(browser: GuardBrowser): BackgroundService {
  return {
    id: 'guard',
    start({ storage, now, handle, events }) {
      const serial = createSerial();
      /** What tabs were last told by this worker (undefined: nothing yet, so tell them). */
      let told: RevealLock | null | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;

      const evaluate = () =>
        serial(async () => {
          const at = now();
          const [{ lock, today }, limits, state] = await Promise.all([currentLock(storage, at), storage.limits.get(), storage.guard.state()]);
          if (told === undefined || !sameLock(told, lock)) {
            told = lock;
            await browser.broadcastLock(lock);
          }
          // The alarm survives the worker; the timer is exact while the worker lives.
          if (timer) clearTimeout(timer);
          timer = lock ? setTimeout(() => void evaluate(), Math.max(0, lock.until - at) + 50) : undefined;
          await browser.wakeAt(lock?.until ?? null);
          if (limits.softCapMinutes > 0 && today.seconds >= limits.softCapMinutes * 60 && state.softCapDay !== today.day) {
            await storage.guard.setState({ ...state, softCapDay: today.day });
            await browser.notifySoftCap(limits.softCapMinutes);
          }
        }).catch((error: unknown) => console.error('Gauze: guard', error));

      events.on('exposure-ticked', () => void evaluate());
      events.on('lock-changed', () => void evaluate());
      browser.onWake(() => void evaluate());
      void evaluate();

      handle('limits', async (payload) => {
        if (payload.limits) {
          await storage.limits.set(limitsSchema.parse(payload.limits));
          await evaluate();
        }
        const [limits, { lock }] = await Promise.all([storage.limits.get(), currentLock(storage, now())]);
        return { limits, lock };
      });
    },
  };
}
