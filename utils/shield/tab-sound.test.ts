import { describe, expect, it } from 'vitest';
import { createTabSound, type SoundMemory, type TabMute } from './tab-sound';

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

  it('a worker started again remembers which frames have sound on: a new frame does not silence them', async () => {
    const { state, tabs } = fakeTabs();
    let kept: Record<string, number[]> = {};
    const memory: SoundMemory = { load: async () => structuredClone(kept), save: async (frames) => void (kept = structuredClone(frames)) };
    const first = createTabSound(tabs, memory);
    await first.protect(5, 0);
    await first.setSound(5, 0, true);
    expect(state.get(5)).toBeNull();
    // The worker is stopped; a new one starts and an embed's frame in the same tab says hello.
    const second = createTabSound(tabs, memory);
    await second.protect(5, 9);
    expect(state.get(5)).toBeNull();
    await second.setSound(5, 0, false);
    expect(state.get(5)).toBe('gauze');
    expect(kept).toEqual({});
  });

  it('damaged memory is ignored, not trusted', async () => {
    const { state, tabs } = fakeTabs();
    const sound = createTabSound(tabs, { load: async () => ({ 6: 'everything' as never }), save: async () => {} });
    await sound.protect(6, 0);
    expect(state.get(6)).toBe('gauze');
  });
});
