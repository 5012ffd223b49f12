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

/** Where the frames with sound on are kept between worker restarts (the browser's session storage). */
export interface SoundMemory {
  load(): Promise<Record<string, number[]>>;
  save(frames: Record<string, number[]>): Promise<void>;
}

/** Nothing kept (unit tests, or a browser without session storage). */
export const forgetfulMemory: SoundMemory = { load: async () => ({}), save: async () => {} };

export const browserSoundMemory: SoundMemory = {
  async load() {
    const stored = (await browser.storage.session.get('tabSound'))['tabSound'];
    return stored && typeof stored === 'object' ? (stored as Record<string, number[]>) : {};
  },
  async save(frames) {
    await browser.storage.session.set({ tabSound: frames });
  },
};

/**
 * Which frames of which tabs have an item with its sound on, and the tab mute that follows: a
 * flagged document starting in a frame mutes its tab unless another frame of it has sound on;
 * the person turning sound on for an item unmutes it; the last item's sound going off
 * (covering, panic, a break) mutes it again. Kept in session storage, so a worker that was
 * stopped while a video played with sound does not forget it (it would mute that tab when the
 * next frame starts).
 */
export function createTabSound(tabs: TabMute, memory: SoundMemory = forgetfulMemory) {
  let loaded: Promise<Map<number, Set<number>>> | undefined;
  const sounding = () =>
    (loaded ??= memory.load().then(
      (stored) => new Map(Object.entries(stored).map(([tab, frames]) => [Number(tab), new Set(Array.isArray(frames) ? frames.filter(Number.isInteger) : [])])),
      () => new Map<number, Set<number>>(),
    ));
  const keep = async (map: Map<number, Set<number>>) => {
    const frames: Record<string, number[]> = {};
    for (const [tab, set] of map) if (set.size > 0) frames[tab] = [...set];
    await memory.save(frames).catch(() => undefined);
  };
  const framesOf = (map: Map<number, Set<number>>, tabId: number) => map.get(tabId) ?? map.set(tabId, new Set()).get(tabId)!;
  return {
    /** A flagged document started in this frame: it has no sound of its own yet. */
    async protect(tabId: number, frameId: number): Promise<void> {
      await this.setSound(tabId, frameId, false);
    },
    async setSound(tabId: number, frameId: number, on: boolean): Promise<void> {
      const map = await sounding();
      const frames = framesOf(map, tabId);
      const changed = on ? !frames.has(frameId) : frames.has(frameId);
      if (on) frames.add(frameId);
      else frames.delete(frameId);
      if (changed) await keep(map);
      if (frames.size > 0) await tabs.unmuteIfOurs(tabId);
      else await tabs.mute(tabId);
    },
    /** The tab is gone. */
    async forget(tabId: number): Promise<void> {
      const map = await sounding();
      if (map.delete(tabId)) await keep(map);
    },
    /** The tab left flagged material (navigated to an unflagged site, or the site was unflagged). */
    async release(tabId: number): Promise<void> {
      const map = await sounding();
      if (map.delete(tabId)) await keep(map);
      await tabs.unmuteIfOurs(tabId);
    },
  };
}

export type TabSound = ReturnType<typeof createTabSound>;
