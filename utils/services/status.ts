import type { BackgroundService } from './types';

/** Liveness, version and what is stored: what the popup and options show about Gauze itself. */
export const statusService: BackgroundService = {
  id: 'status',
  start({ storage, now, version, handle }) {
    handle('ping', ({ echo }) => ({ echo, version }));
    handle('storage/summary', () => storage.summary());
    void storage.recordInstall(now()).catch((error: unknown) => console.error('Gauze: could not open the local database', error));
  },
};
