import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createStorage } from '../db/storage';
import { createServices, startServices } from './index';
import type { BackgroundService } from './types';

const base = { storage: createStorage(), now: () => 5000, version: '9.9.9' };
const shield = { register: async () => {}, protectOpenTabs: async () => {}, releaseOpenTabs: async () => {} };
const tabs = { send: async () => true, broadcast: async () => 0 };
const watch = {
  snapshot: async () => ({ focusedWindow: null, activeTabs: new Map(), tabUrls: new Map(), idle: 'active' as const }),
  listen: () => {},
  heartbeat: async () => {},
};
const page = { id: 'x', hasTab: false } as const;

describe('startServices', () => {
  it('collects the handlers every registered service provides', async () => {
    const handlers = startServices(createServices(shield, tabs, watch, { warn: async () => {}, prompt: async () => {} }), base);
    expect(await handlers.ping?.({ echo: 'x' }, 'page', page)).toEqual({ echo: 'x', version: '9.9.9' });
    expect(await handlers['storage/summary']?.({}, 'page', page)).toMatchObject({ installedAt: 5000 });
    expect(Object.keys(handlers).sort()).toEqual(
      ['breaks/next', 'breaks/postpone', 'breaks/rules', 'data/erase', 'data/export', 'exposure/media', 'exposure/today', 'notes/lookup', 'notes/put', 'ping', 'shield/hello', 'shield/panic', 'shield/reveal-all', 'shield/revealed', 'sites/flag', 'sites/list', 'sites/match', 'sites/unflag', 'storage/summary'].sort(),
    );
  });

  it('refuses two owners for one message', () => {
    const twin: BackgroundService = { id: 'twin', start: ({ handle }) => handle('ping', ({ echo }) => ({ echo, version: '' })) };
    expect(() => startServices([twin, twin], base)).toThrow(/already has a handler \(service twin\)/);
  });
});
