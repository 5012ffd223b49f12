import { createSerial } from '../serial';

/**
 * The tab's own mute, under the shield's element muting. Muting <video> and <audio> elements
 * cannot reach sound a page makes otherwise (Web Audio, a media element never put in the page,
 * a plugin); the browser's tab mute silences all of it. Gauze unmutes only a tab it muted itself,
 * never one the person muted.
 */
export interface TabMute {
  /** Mutes the tab (nothing happens if it is muted already, by anyone). */
  mute(tabId: number): Promise<void>;
  /** Unmutes the tab if Gauze muted it. */
  unmuteIfOurs(tabId: number): Promise<void>;
}

/** Where the state is kept between worker starts (storage.session: memory only, never disk). */
export interface TabSoundStore {
  load(): Promise<TabSoundState>;
  save(state: TabSoundState): Promise<void>;
}

/** Per tab: the frames showing a protected document, and those where the person turned a sound on. */
export type TabSoundState = Record<string, { protected: number[]; sounding: number[] }>;

/**
 * Which frames of which tabs show flagged material and which have an item with its sound on, and
 * the tab mute that follows: a tab with a protected document in any frame is muted while no item
 * in it has sound on. One queue for every change (quick on/off cannot race), and the state is
 * kept in session storage, so a worker restart neither forgets a sound the person turned on nor
 * unmutes a tab.
 */
export function createTabSound(tabs: TabMute, store: TabSoundStore) {
  const serial = createSerial();
  let state: TabSoundState | null = null;
  const load = async () => (state ??= await store.load().catch((): TabSoundState => ({})));
  const tab = (all: TabSoundState, tabId: number) => (all[tabId] ??= { protected: [], sounding: [] });
  const without = (list: number[], value: number) => list.filter((v) => v !== value);

  /** Applies a change to one tab, keeps it, and sets the tab's mute from what is left. */
  const change = (tabId: number, update: (entry: { protected: number[]; sounding: number[] }) => void) =>
    serial(async () => {
      const all = await load();
      const entry = tab(all, tabId);
      update(entry);
      // Only protected frames' sound counts (a frame that went away took its sound with it).
      entry.sounding = entry.sounding.filter((frame) => entry.protected.includes(frame));
      const flagged = entry.protected.length > 0;
      if (!flagged) delete all[tabId];
      await store.save(all).catch(() => undefined);
      if (flagged && entry.sounding.length === 0) await tabs.mute(tabId);
      else await tabs.unmuteIfOurs(tabId);
    });

  return {
    /** A protected document started in this frame: it has no sound of its own yet. */
    started: (tabId: number, frameId: number) =>
      change(tabId, (entry) => {
        entry.protected = [...without(entry.protected, frameId), frameId];
        entry.sounding = without(entry.sounding, frameId);
      }),
    /** That document went away (its frame navigated, closed, or its site was unflagged). */
    left: (tabId: number, frameId: number) =>
      change(tabId, (entry) => {
        entry.protected = without(entry.protected, frameId);
        entry.sounding = without(entry.sounding, frameId);
      }),
    /** The person turned a sound on (or the last one off) in this frame. */
    setSound: (tabId: number, frameId: number, on: boolean) =>
      change(tabId, (entry) => {
        entry.sounding = on ? [...without(entry.sounding, frameId), frameId] : without(entry.sounding, frameId);
      }),
    /** Keeps only the frames whose shield still answers (after the tab loaded a page, say). */
    verify: (tabId: number, alive: (frameId: number) => Promise<boolean>) =>
      serial(async () => tab(await load(), tabId).protected.slice()).then(async (frames) => {
        const gone = (await Promise.all(frames.map(async (frame) => ((await alive(frame)) ? null : frame)))).filter((frame): frame is number => frame !== null);
        if (gone.length) await change(tabId, (entry) => void (entry.protected = entry.protected.filter((frame) => !gone.includes(frame))));
      }),
    /** The tab is gone. */
    forget: (tabId: number) =>
      serial(async () => {
        const all = await load();
        delete all[tabId];
        await store.save(all).catch(() => undefined);
      }),
  };
}

