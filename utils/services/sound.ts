import { findEntryFor, webHostOf } from '../sites/site-entry';
import { createTabSound, type TabMute } from '../shield/tab-sound';
import type { BackgroundService } from './types';

/** The browser side of tab sound; injected so the service is testable in Node. */
export interface SoundBrowser extends TabMute {
  /** A tab's top-level address changed. */
  onNavigated(listener: (tabId: number, url: string) => void): void;
  /** A tab was closed. */
  onClosed(listener: (tabId: number) => void): void;
}

/**
 * Tabs showing flagged material are muted at the browser level while the person has no item's
 * sound turned on (utils/shield/tab-sound.ts): that silences Web Audio and any sound the
 * element-level guard cannot reach. A tab that leaves flagged sites gets its sound back, if Gauze
 * was the one that muted it.
 */
export function createSoundService(tabs: SoundBrowser): BackgroundService {
  return {
    id: 'sound',
    start({ storage, handle }) {
      const sound = createTabSound(tabs);

      handle('shield/sound', async ({ on }, _from, sender) => {
        if (sender.tabId !== undefined) await sound.setSound(sender.tabId, sender.frameId ?? 0, on);
        return {};
      });

      tabs.onNavigated((tabId, url) => {
        const host = webHostOf(url);
        void storage.sites
          .list()
          .then((entries) => (host && findEntryFor(entries, host) ? undefined : sound.release(tabId)))
          .catch((error: unknown) => console.warn('Gauze: tab sound', error));
      });
      tabs.onClosed((tabId) => void sound.forget(tabId));
    },
  };
}
