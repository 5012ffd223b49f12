import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createStorage } from '../db/storage';
import { createServices, startServices } from './index';
import type { BackgroundService } from './types';
import type { GuardBrowser } from './guard';
import { messageSpecs } from '../messaging';

const base = { storage: createStorage(), now: () => 5000, version: '9.9.9' };
const shield = { register: async () => {}, protectOpenTabs: async () => {}, releaseOpenTabs: async () => {} };
const tabs = { send: async () => true, broadcast: async () => 0 };
const watch = {
  snapshot: async () => ({ focusedWindow: null, activeTabs: new Map(), tabUrls: new Map(), idle: 'active' as const }),
  listen: () => {},
  heartbeat: async () => {},
};
const page = { id: 'x', hasTab: false } as const;
const guard: GuardBrowser = {
  broadcastLock: async () => {},
  wakeAt: async () => {},
  onWake: () => {},
  notifySoftCap: async () => {},
  warnWindDown: async () => {},
  divert: async () => {},
  divertTab: async () => {},
  onNavigated: () => {},
  setGreyscale: async () => {},
  openOverridePage: async () => {},
};

describe('startServices', () => {
  it('collects the handlers every registered service provides', async () => {
    const handlers = startServices(createServices(shield, tabs, watch, { warn: async () => {}, prompt: async () => {} }, guard, { readManaged: async () => undefined, onManagedChanged: () => {} }, { mute: async () => {}, unmuteIfOurs: async () => {}, onNavigated: () => {}, onClosed: () => {} }), base);
    expect(await handlers.ping?.({ echo: 'x' }, 'page', page)).toEqual({ echo: 'x', version: '9.9.9' });
    expect(await handlers['storage/summary']?.({}, 'page', page)).toMatchObject({ installedAt: 5000 });
    // Every message has exactly one owner.
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(messageSpecs).sort());
  });

  it('refuses two owners for one message', () => {
    const twin: BackgroundService = { id: 'twin', start: ({ handle }) => handle('ping', ({ echo }) => ({ echo, version: '' })) };
    expect(() => startServices([twin, twin], base)).toThrow(/already has a handler \(service twin\)/);
  });
});
