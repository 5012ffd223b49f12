import { describe, expect, it } from 'vitest';
import { createDataService } from './data';
import { createFlaggedSitesService } from './flagged-sites';
import { startServices } from './index';
import { englishI18n, fakeAdapters, serviceBase, storagePerTest } from './testing';

const newStorage = storagePerTest();
const page = { hasTab: false } as const;

describe('erasing everything', () => {
  it('empties every store, forgets the language and time zone chosen, and unregisters the shield before it answers', async () => {
    const storage = newStorage();
    const registered: string[][] = [];
    const said: string[] = [];
    const shield = { ...fakeAdapters().shield, register: async (entries: readonly { host: string }[]) => void registered.push(entries.map((entry) => entry.host)) };
    const i18n = { ...englishI18n, forget: async () => void said.push('forget choices') };
    const handlers = startServices([createFlaggedSitesService(shield), createDataService(shield)], { ...serviceBase({ storage, now: () => 1000 }), i18n });
    await handlers['sites/flag']!({ input: 'x.com', subdomains: true }, 'page', page);
    await storage.settings.set('limits', { ...(await storage.settings.get('limits')), hardCapMinutes: 90 });
    await storage.checkins.add({ at: 1000, rating: 2, note: 'a long day' });

    expect(await handlers['data/erase']!({ confirm: 'erase everything' }, 'page', page)).toEqual({ erased: true });
    expect((await storage.summary()).stores.filter((store) => store.count > 0)).toEqual([]);
    expect((await storage.settings.get('limits')).hardCapMinutes).not.toBe(90);
    expect(said).toEqual(['forget choices']);
    expect(registered.at(-1)).toEqual([]);
  });
});
