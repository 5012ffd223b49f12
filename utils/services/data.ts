import type { ShieldAdapter, WipeBrowser } from '../browser/ports';
import type { BackgroundService } from './types';
import { createSerial, type Serial } from '../core/serial';

/** The person's own data: export it all, or erase it all. */
export function createDataService(shield: ShieldAdapter, wipe: WipeBrowser, sitesQueue: Serial = createSerial()): BackgroundService {
  return {
    id: 'data',
    start({ storage, now, handle, events }) {
      handle('data/export', async () => {
        // An export is in clear: while the records are locked it is refused (LockedError).
        await storage.vault.assertOpen();
        return { format: 'gauze-export' as const, version: 4 as const, exportedAt: new Date(now()).toISOString(), ...(await storage.everything()) };
      });

      handle('data/erase', async () => {
        // In the flagged-site queue: no reader may see the list empty while the registration
        // still protects its sites, and take that for a lost database (services/flagged-sites.ts).
        await sitesQueue(async () => {
          await storage.eraseAll();
          // Everything else Gauze wrote: the language and time zone chosen (a time zone says where
          // a person is), alarms, notifications, registered scripts (the shield's, the greyscale).
          await wipe.clearBrowserAreas();
          // With no flagged sites left, nothing of Gauze runs on any page from now on.
          await shield.register([]);
        });
        // Locks, the bedtime guard and its greyscale were settings too: the guard looks again.
        // The organisation's policy is not the person's data: it is read and applied again before
        // the answer, so the page that asked reads it in force.
        await Promise.all([events.emit('lock-changed'), events.emit('erased')]);
        return { erased: true as const };
      });
    },
  };
}
