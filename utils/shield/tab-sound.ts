import { browser } from 'wxt/browser';

/**
 * The tab's own mute, under the shield's element muting. Muting <video> and <audio> elements
 * cannot reach sound a page makes otherwise (Web Audio, a media element never put in the page,
 * a plugin); the browser's tab mute silences all of it. A tab showing flagged material is muted
 * while no item in it has its sound turned on by the person; Gauze unmutes only a tab it muted
 * itself, never one the person muted.
 */
export interface TabMute {
  /** Mutes the tab (nothing happens if it is muted already, by anyone). */
  mute(tabId: number): Promise<void>;
  /** Unmutes the tab if Gauze muted it. */
  unmuteIfOurs(tabId: number): Promise<void>;
}

export const browserTabMute: TabMute & {
  onNavigated(listener: (tabId: number, url: string) => void): void;
  onClosed(listener: (tabId: number) => void): void;
} = {
  onNavigated(listener) {
    browser.tabs.onUpdated.addListener((tabId, change) => {
      if (change.url) listener(tabId, change.url);
    });
  },
  onClosed(listener) {
    browser.tabs.onRemoved.addListener((tabId) => listener(tabId));
  },
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
};

/**
 * Which frames of which tabs have an item with its sound on, and the tab mute that follows: a
 * flagged document starting in a frame mutes its tab; the person turning sound on for an item
 * unmutes it; the last item's sound going off (covering, panic, a break) mutes it again.
 */
export function createTabSound(tabs: TabMute) {
  const sounding = new Map<number, Set<number>>();
  const framesOf = (tabId: number) => sounding.get(tabId) ?? sounding.set(tabId, new Set()).get(tabId)!;
  return {
    /** A flagged document started in this frame: it has no sound of its own yet. */
    async protect(tabId: number, frameId: number): Promise<void> {
      const frames = framesOf(tabId);
      frames.delete(frameId);
      if (frames.size === 0) await tabs.mute(tabId);
    },
    async setSound(tabId: number, frameId: number, on: boolean): Promise<void> {
      const frames = framesOf(tabId);
      if (on) frames.add(frameId);
      else frames.delete(frameId);
      if (frames.size > 0) await tabs.unmuteIfOurs(tabId);
      else await tabs.mute(tabId);
    },
    /** The tab is gone. */
    forget(tabId: number): void {
      sounding.delete(tabId);
    },
    /** The tab left flagged material (navigated to an unflagged site, or the site was unflagged). */
    async release(tabId: number): Promise<void> {
      sounding.delete(tabId);
      await tabs.unmuteIfOurs(tabId);
    },
  };
}

export type TabSound = ReturnType<typeof createTabSound>;
