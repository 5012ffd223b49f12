import { bedtimeSchema } from '../core/bedtime/schedule';
import { bedtimeState, currentLock } from '../storage/current-lock';
import { limitsSchema } from '../core/limits/limits';
import { sameLock, type RevealLock } from '../core/limits/lock';
import { createSerial } from '../core/serial';
import { findEntryFor, webHostOf, type SiteEntry } from '../core/sites/site-entry';
import type { BackgroundService } from './types';
import type { GuardBrowser } from '../browser/ports';
import { reportFailure } from './report';


/**
 * The guard: keeps open tabs told whether reveals are locked (a strict break, the hard daily cap,
 * the bedtime guard), says once a day when the soft cap is reached, warns before the wind-down,
 * sends flagged tabs to the bedtime page when the guard is firm, and turns pages grey if the
 * person chose that. It looks after every exposure tick, every lock change, every alarm it set
 * for the next boundary, and at worker start; all of it derived from storage and the clock
 * (utils/storage/current-lock.ts), so a worker restart, a machine waking or a browser started
 * mid-window finds the same state.
 */
export function createGuardService(browser: GuardBrowser): BackgroundService {
  return {
    id: 'guard',
    start({ storage, now, handle, events, i18n }) {
      const serial = createSerial();
      /** What this worker last told the browser (undefined: nothing yet, so tell it). */
      let told: RevealLock | null | undefined;
      let grey: boolean | undefined;
      let firm = false;
      let sites: SiteEntry[] = [];
      let timer: ReturnType<typeof setTimeout> | undefined;
      const isFlagged = (url: string) => {
        const host = webHostOf(url);
        return !!host && !!findEntryFor(sites, host);
      };

      /** One side effect; its failure is logged and does not stop the others (the alarm above all). */
      const attempt = async (what: string, work: () => Promise<unknown>): Promise<boolean> => {
        try {
          await work();
          return true;
        } catch (error) {
          reportFailure(`guard could not ${what}`)(error);
          return false;
        }
      };

      const evaluate = () =>
        serial(async () => {
          const at = now();
          const [{ lock, today, bedtime }, limits, state] = await Promise.all([currentLock(storage, at), storage.settings.get('limits'), storage.guard.state()]);

          // The next boundary first: a lock's end, an override's end, the warning, a window's
          // start and end. The alarm survives the worker; the timer is exact while it lives.
          const { next, current, schedule } = bedtime;
          const warnAt = next && schedule.warnMinutes > 0 ? next.start - schedule.warnMinutes * 60_000 : null;
          const boundaries = [lock?.until, bedtime.overrideUntil, warnAt, next?.start, current?.end].filter((t): t is number => typeof t === 'number' && t > at);
          const wake = boundaries.length ? Math.min(...boundaries) : null;
          if (timer) clearTimeout(timer);
          timer = wake !== null && wake - at < 2 ** 31 - 1 ? setTimeout(() => void evaluate(), wake - at + 50) : undefined;
          await attempt('set its alarm', () => browser.wakeAt(wake));

          if (told === undefined || !sameLock(told, lock)) {
            // Remembered only once told, so a failed broadcast is tried again at the next look.
            if (await attempt('tell the tabs', () => browser.broadcastLock(lock))) told = lock;
          }
          const wasFirm = firm;
          firm = lock?.reason === 'bedtime' && schedule.strength === 'firm';
          // The site list is needed only to send flagged tabs away (now, and on each navigation).
          if (firm) sites = await storage.sites.list();
          if (firm && !wasFirm && !(await attempt('send flagged tabs to the bedtime page', () => browser.divert(isFlagged)))) firm = false;
          const wantGrey = schedule.greyscale && current !== null && bedtime.overrideUntil === null;
          if (grey !== wantGrey && (await attempt('change greyscale', () => browser.setGreyscale(wantGrey)))) grey = wantGrey;

          if (next && warnAt !== null && at >= warnAt && state.bedtimeWarned !== next.start) {
            await storage.guard.setState({ ...state, bedtimeWarned: next.start });
            await attempt('warn of the wind-down', () => browser.warnWindDown(next.start));
          }
          if (limits.softCapMinutes > 0 && today.seconds >= limits.softCapMinutes * 60 && state.softCapDay !== today.day) {
            await storage.guard.setState({ ...(await storage.guard.state()), softCapDay: today.day });
            await attempt('tell of the daily limit', () => browser.notifySoftCap(limits.softCapMinutes));
          }
        }).catch(reportFailure('guard'));

      events.on('exposure-ticked', evaluate);
      events.on('lock-changed', evaluate);
      // Bedtime is in the person's time zone, which may be a choice read at start or changed later.
      void i18n.ready().then(evaluate);
      i18n.onChanged(() => void evaluate());
      browser.onWake(() => void evaluate());
      browser.onNavigated((tabId, url) => {
        const check = () => {
          if (firm && isFlagged(url)) void browser.divertTab(tabId, url).catch(() => undefined);
        };
        if (told === undefined) void evaluate().then(check);
        else check();
      });
      void evaluate();

      handle('limits', async (payload) => {
        if (payload.limits) {
          await storage.settings.set('limits', limitsSchema.parse(payload.limits));
          await evaluate();
        }
        const [limits, { lock }] = await Promise.all([storage.settings.get('limits'), currentLock(storage, now())]);
        return { limits, lock };
      });

      handle('bedtime', async (payload) => {
        if (payload.bedtime) {
          await storage.settings.set('bedtime', bedtimeSchema.parse(payload.bedtime));
          await evaluate();
        }
        const state = await bedtimeState(storage, now());
        return {
          bedtime: state.schedule,
          phase: state.phase,
          current: state.current,
          next: state.next,
          overrideUntil: state.overrideUntil,
          overridesLeft: state.overridesLeft,
        };
      });

      handle('bedtime/override', async ({ reason }) => {
        const reply = await serial(async () => {
          const at = now();
          const state = await bedtimeState(storage, at);
          if (!state.current) return { granted: false, until: null, reason: 'not-in-window' as const };
          if (state.overrideUntil !== null) return { granted: true, until: state.overrideUntil, reason: null };
          if (state.overridesLeft <= 0) return { granted: false, until: null, reason: 'none-left' as const };
          const minutes = state.schedule.overrideMinutes;
          await storage.overrides.add({ at, minutes, reason: reason.trim() });
          return { granted: true, until: at + minutes * 60_000, reason: null };
        });
        // The guard opens before the answer: the page may go straight back to the site.
        if (reply.granted) await evaluate();
        return reply;
      });

      handle('bedtime/ask', async () => {
        await browser.openOverridePage();
        return {};
      });
    },
  };
}
