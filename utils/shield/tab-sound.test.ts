import { describe, expect, it } from 'vitest';
import { createTabSound, type TabMute } from './tab-sound';

/** A tab's mute as the browser keeps it: muted or not, and by whom. */
function fakeTabs() {
  const state = new Map<number, 'person' | 'gauze' | null>();
  const tabs: TabMute = {
    mute: async (tabId) => void (state.get(tabId) ? undefined : state.set(tabId, 'gauze')),
    unmuteIfOurs: async (tabId) => void (state.get(tabId) === 'gauze' && state.set(tabId, null)),
  };
  return { state, tabs };
}

describe('tab sound', () => {
  it('a flagged page mutes its tab; sound on for an item unmutes it; the last sound off mutes it again', async () => {
    const { state, tabs } = fakeTabs();
    const sound = createTabSound(tabs);
    await sound.protect(1, 0);
    expect(state.get(1)).toBe('gauze');
    await sound.setSound(1, 0, true);
    await sound.setSound(1, 5, true); // a frame in the same tab
    expect(state.get(1)).toBeNull();
    await sound.setSound(1, 0, false);
    expect(state.get(1)).toBeNull(); // the frame still has sound on
    await sound.setSound(1, 5, false);
    expect(state.get(1)).toBe('gauze');
  });

  it('a new flagged document in a frame that had sound starts quiet', async () => {
    const { state, tabs } = fakeTabs();
    const sound = createTabSound(tabs);
    await sound.setSound(2, 0, true);
    await sound.protect(2, 0);
    expect(state.get(2)).toBe('gauze');
  });

  it('leaving flagged material unmutes a tab Gauze muted, never one the person muted', async () => {
    const { state, tabs } = fakeTabs();
    const sound = createTabSound(tabs);
    await sound.protect(3, 0);
    await sound.release(3);
    expect(state.get(3)).toBeNull();
    state.set(4, 'person');
    await sound.protect(4, 0);
    await sound.setSound(4, 0, true);
    await sound.release(4);
    expect(state.get(4)).toBe('person');
  });
});
