import { createTabSound, type TabMute, type TabSoundStore } from '../core/shield/tab-sound';
import type { BackgroundService } from './types';
import type { SoundBrowser } from '../browser/ports';


/**
 * Tabs showing flagged material are muted at the browser level while the person has no item's
 * sound turned on (utils/core/shield/tab-sound.ts): that silences Web Audio and any sound the
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
