import { createTabSound, type TabMute, type TabSoundStore } from '../shield/tab-sound';
import type { BackgroundService } from './types';

/** The browser side of tab sound; injected so the service is testable in Node. */
export interface SoundBrowser extends TabMute, TabSoundStore {
  /** A tab finished loading a document (its frames may have changed). */
  onLoaded(listener: (tabId: number) => void): void;
  /** A tab was closed. */
  onClosed(listener: (tabId: number) => void): void;
  /** Whether a protected document's shield still runs in this frame. */
  alive(tabId: number, frameId: number): Promise<boolean>;
}

/**
 * Tabs showing flagged material are muted at the browser level while the person has no item's
 * sound turned on (utils/shield/tab-sound.ts): that silences Web Audio and any sound the
 * element-level guard cannot reach. Decided when a protected document says hello (before it can
 * play anything); a tab whose protected documents are all gone gets its sound back, if Gauze was
 * the one that muted it. The only owner of the tab mute.
 */
export function createSoundService(tabs: SoundBrowser): BackgroundService {
  return {
    id: 'sound',
    start({ handle, events }) {
      const sound = createTabSound(tabs, tabs);
      events.on('shield-started', ({ tabId, frameId }) => sound.started(tabId, frameId));
      events.on('shield-left', ({ tabId, frameId }) => sound.left(tabId, frameId));

      handle('shield/sound', async ({ on }, _from, sender) => {
        if (sender.tabId !== undefined) await sound.setSound(sender.tabId, sender.frameId ?? 0, on);
        return {};
      });

      // A document replaced without a word from its shield (a crash, a lost message): only frames
      // whose shield still answers count.
      tabs.onLoaded((tabId) => void sound.verify(tabId, (frameId) => tabs.alive(tabId, frameId)).catch(() => undefined));
      tabs.onClosed((tabId) => void sound.forget(tabId));
    },
  };
}
