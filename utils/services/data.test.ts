import { describe, expect, it } from 'vitest';
import { createDataService } from './data';
import { createFlaggedSitesService } from './flagged-sites';
import { startServices } from './index';
import { fakeAdapters, serviceBase, storagePerTest } from './testing';

const newStorage = storagePerTest();
const page = { hasTab: false } as const;

describe('erasing everything', () => {
  it('empties every store, clears the browser areas (choices, alarms, notifications, scripts), and unregisters the shield before it answers', async () => {
    const storage = newStorage();
    const registered: string[][] = [];
    const said: string[] = [];
    const shield = { ...fakeAdapters().shield, register: async (entries: readonly { host: string }[]) => void registered.push(entries.map((entry) => entry.host)) };
    const wipe = { clearBrowserAreas: async () => void said.push('browser areas cleared') };
    const handlers = startServices([createFlaggedSitesService(shield), createDataService(shield, wipe)], serviceBase({ storage, now: () => 1000 }));
    await handlers['sites/flag']!({ input: 'x.com', subdomains: true }, 'page', page);
    await storage.settings.set('limits', { ...(await storage.settings.get('limits')), hardCapMinutes: 90 });
    await storage.checkins.add({ at: 1000, rating: 2, note: 'a long day' });

    expect(await handlers['data/erase']!({ confirm: 'erase everything' }, 'page', page)).toEqual({ erased: true });
    expect((await storage.summary()).stores.filter((store) => store.count > 0)).toEqual([]);
    expect((await storage.settings.get('limits')).hardCapMinutes).not.toBe(90);
    expect(said).toEqual(['browser areas cleared']);
    expect(registered.at(-1)).toEqual([]);
  });
});
