import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createStorage } from '../db/storage';
import { services, startServices } from './index';
import type { BackgroundService } from './types';

const base = { storage: createStorage(), now: () => 5000, version: '9.9.9' };

describe('startServices', () => {
  it('collects the handlers every registered service provides', async () => {
    const handlers = startServices(services, base);
    expect(await handlers.ping?.({ echo: 'x' }, 'page')).toEqual({ echo: 'x', version: '9.9.9' });
    expect(await handlers['storage/summary']?.({}, 'page')).toMatchObject({ installedAt: 5000 });
  });

  it('refuses two owners for one message', () => {
    const twin: BackgroundService = { id: 'twin', start: ({ handle }) => handle('ping', ({ echo }) => ({ echo, version: '' })) };
    expect(() => startServices([twin, twin], base)).toThrow(/already has a handler \(service twin\)/);
  });
});
