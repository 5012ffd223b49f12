import { browser } from './api';
import type { FrameMessenger } from './ports';
import type { SoundBrowser } from './ports';
import type { TabSoundState } from '../core/shield/tab-sound';
import type { ShieldCommand } from '../core/shield/commands';
import { blurCss } from '../core/shield/cover-style';

const TAB_SOUND_KEY = 'tabSound';

/** Sends a command to one frame's shield and returns its answer (null if none listens). */
async function askFrame(tabId: number, frameId: number, command: ShieldCommand): Promise<unknown> {
  try {
    return await browser.tabs.sendMessage(tabId, command, { frameId });
  } catch {
    return null;
  }
}

/** The browser side of the frames service: every frame of a tab, or one frame. */
export const browserFrames: FrameMessenger = {
  async toTab(tabId, command) {
    await browser.tabs.sendMessage(tabId, command).catch(() => undefined);
  },
  ask: askFrame,
};

/** The browser side of the sound service: tab mute, session storage, tab events. */
export const browserTabSound: SoundBrowser = {
  async mute(tabId) {
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    if (tab && !tab.mutedInfo?.muted) await browser.tabs.update(tabId, { muted: true }).catch(() => undefined);
  },
  async unmuteIfOurs(tabId) {
    const tab = await browser.tabs.get(tabId).catch(() => undefined);
    const info = tab?.mutedInfo;
    // Chromium and Firefox both say which extension muted a tab.
    if (info?.muted && info.reason === 'extension' && info.extensionId === browser.runtime.id) await browser.tabs.update(tabId, { muted: false }).catch(() => undefined);
  },
  async load() {
    const stored = (await browser.storage.session.get(TAB_SOUND_KEY)) as { [TAB_SOUND_KEY]?: TabSoundState };
    return stored[TAB_SOUND_KEY] ?? {};
  },
  async save(state) {
    await browser.storage.session.set({ [TAB_SOUND_KEY]: state });
  },
  onLoaded(listener) {
    browser.tabs.onUpdated.addListener((tabId, change) => {
      if (change.status === 'complete') listener(tabId);
    });
  },
  onClosed(listener) {
    browser.tabs.onRemoved.addListener((tabId) => listener(tabId));
  },
  alive: async (tabId, frameId) => (await askFrame(tabId, frameId, { type: 'shield/alive' })) === true,
};

let insertions = Date.now();

/**
 * The person's blur for the first step, in one frame's document: a one-rule user sheet after the
 * cover (which the registration put in before the first paint, with the default blur).
 */
export async function coverFrame(tabId: number, frameId: number, blurPixels: number): Promise<void> {
  // Each insertion is a sheet of its own, so the newest settings win: Firefox takes a second
  // insertion of the very same text as the first one, which keeps its place before later sheets.
  const css = `${blurCss(blurPixels)}/* ${++insertions} */`;
  await browser.scripting.insertCSS({ target: { tabId, frameIds: [frameId] }, css, origin: 'USER' });
}
