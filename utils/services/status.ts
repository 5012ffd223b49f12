import type { BackgroundService } from './types';
import { reportFailure } from './report';

/** Liveness, version and what is stored: what the popup and options show about Gauze itself. */
export const statusService: BackgroundService = {
  id: 'status',
  start({ storage, now, version, handle }) {
    handle('ping', async ({ echo }) => ({
      echo,
      version,
      // One read of the smallest record, with a limit: a database another program deleted or
      // took to another version must not leave the popup waiting.
      records: await Promise.race([storage.summary().then(() => true, () => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3000))]),
    }));
    handle('storage/summary', () => storage.summary());
    void storage.recordInstall(now()).catch(reportFailure('could not open the local database'));
  },
};
