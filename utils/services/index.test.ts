import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createStorage } from '../storage/storage';
import { createServices, startServices } from './index';
import type { BackgroundService } from './types';
import { fakeAdapters, serviceBase } from './testing';
import { messageSpecs } from '../core/messaging';

const base = serviceBase({ storage: createStorage(), now: () => 5000, version: '9.9.9' });
const page = { id: 'x', hasTab: false } as const;

describe('startServices', () => {
  it('collects the handlers every registered service provides', async () => {
    const handlers = startServices(createServices(fakeAdapters()), base);
    expect(await handlers.ping?.({ echo: 'x' }, 'page', page)).toEqual({ echo: 'x', version: '9.9.9', records: true });
    expect(await handlers['storage/summary']?.({}, 'page', page)).toMatchObject({ installedAt: 5000 });
    // Every message has exactly one owner.
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(messageSpecs).sort());
  });

  it('refuses two owners for one message', () => {
    const twin: BackgroundService = { id: 'twin', start: ({ handle }) => handle('ping', ({ echo }) => ({ echo, version: '', records: true })) };
    expect(() => startServices([twin, twin], base)).toThrow(/already has a handler \(service twin\)/);
  });
});
