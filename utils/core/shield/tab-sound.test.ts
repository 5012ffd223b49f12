import { describe, expect, it } from 'vitest';
import { createTabSound, type TabMute, type TabSoundState, type TabSoundStore } from './tab-sound';

/** A tab's mute as the browser keeps it (muted or not, and by whom), and session storage. */
function fakeBrowser(session: { state: TabSoundState } = { state: {} }) {
  const muted = new Map<number, 'person' | 'gauze' | null>();
  const tabs: TabMute = {
    mute: async (tabId) => void (muted.get(tabId) ? undefined : muted.set(tabId, 'gauze')),
    unmuteIfOurs: async (tabId) => void (muted.get(tabId) === 'gauze' && muted.set(tabId, null)),
  };
  const store: TabSoundStore = {
    load: async () => structuredClone(session.state),
    save: async (state) => void (session.state = structuredClone(state)),
  };
  return { muted, tabs, store, session };
}

describe('tab sound', () => {
  it('a protected page mutes its tab; sound on for an item unmutes it; the last sound off mutes it again', async () => {
    const { muted, tabs, store } = fakeBrowser();
    const sound = createTabSound(tabs, store);
    await sound.started(1, 0);
    expect(muted.get(1)).toBe('gauze');
    await sound.started(1, 5);
    await sound.setSound(1, 0, true);
    await sound.setSound(1, 5, true); // a frame in the same tab
    expect(muted.get(1)).toBeNull();
    await sound.setSound(1, 0, false);
    expect(muted.get(1)).toBeNull(); // the frame still has sound on
    await sound.setSound(1, 5, false);
    expect(muted.get(1)).toBe('gauze');
  });

  it('quick on and off in any order end as the last one asked (one queue)', async () => {
    const { muted, tabs, store } = fakeBrowser();
    const sound = createTabSound(tabs, store);
    await sound.started(1, 0);
    await Promise.all([sound.setSound(1, 0, true), sound.setSound(1, 0, false), sound.setSound(1, 0, true), sound.setSound(1, 0, false)]);
    expect(muted.get(1)).toBe('gauze');
  });

  it('a frame that goes away takes its sound with it; an unflagged top page keeps a protected frame quiet', async () => {
    const { muted, tabs, store } = fakeBrowser();
    const sound = createTabSound(tabs, store);
    await sound.started(2, 7); // only a frame is flagged; the page around it is not
    await sound.setSound(2, 7, true);
    expect(muted.get(2)).toBeNull();
    await sound.left(2, 7);
    // Nothing flagged is left in the tab: Gauze's mute is lifted.
    expect(muted.get(2)).toBeNull();
    await sound.started(2, 7);
    expect(muted.get(2)).toBe('gauze');
    // A page that stays (an in-page address change) changes nothing: only a frame's leaving does.
    await sound.verify(2, async () => true);
    expect(muted.get(2)).toBe('gauze');
    await sound.verify(2, async () => false); // its shield no longer answers: gone
    expect(muted.get(2)).toBeNull();
  });

  it('a new protected document in a frame that had sound starts quiet', async () => {
    const { muted, tabs, store } = fakeBrowser();
    const sound = createTabSound(tabs, store);
    await sound.started(3, 0);
    await sound.setSound(3, 0, true);
    await sound.started(3, 0);
    expect(muted.get(3)).toBe('gauze');
  });

  it('survives a worker restart: a sound the person turned on stays on, and nothing is unmuted', async () => {
    const browser = fakeBrowser();
    const first = createTabSound(browser.tabs, browser.store);
    await first.started(4, 0);
    await first.started(4, 3);
    await first.setSound(4, 3, true);
    expect(browser.muted.get(4)).toBeNull();
    // A new worker, with nothing in memory: the state comes back from session storage.
    const second = createTabSound(browser.tabs, browser.store);
    await second.setSound(4, 0, false); // the top frame says its (already off) sound is off
    expect(browser.muted.get(4)).toBeNull(); // the frame's sound is still on
    await second.setSound(4, 3, false);
    expect(browser.muted.get(4)).toBe('gauze');
  });

  it('never unmutes a tab the person muted', async () => {
    const { muted, tabs, store } = fakeBrowser();
    const sound = createTabSound(tabs, store);
    muted.set(5, 'person');
    await sound.started(5, 0);
    await sound.setSound(5, 0, true);
    await sound.left(5, 0);
    expect(muted.get(5)).toBe('person');
  });
});
