import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION, migrations, openGauzeDB } from './schema';
import { createStorage } from './storage';

afterEach(() => deleteDB(DB_NAME));

/** Sample data as each version held it; a new version adds its own entry. */
const seeds: Record<number, (db: Awaited<ReturnType<typeof openGauzeDB>>) => Promise<void>> = {
  1: async (db) => {
    await db.put('meta', { key: 'installedAt', value: 1_700_000_000_000 });
  },
  2: async (db) => {
    await db.put('meta', { key: 'installedAt', value: 1_700_000_000_000 });
    await db.put('sites', { host: 'example.org', subdomains: true, source: 'user', addedAt: 1 });
  },
  3: async (db) => {
    await db.put('meta', { key: 'installedAt', value: 1_700_000_000_000 });
    await db.add('exposure', { site: 'example.org', start: 1, end: 2, timeZone: 'UTC' });
  },
  4: async (db) => {
    await db.put('meta', { key: 'installedAt', value: 1_700_000_000_000 });
    await db.add('breaks', { at: 1, kind: 'pause', action: 'prompted' });
  },
  5: async (db) => {
    await db.put('meta', { key: 'installedAt', value: 1_700_000_000_000 });
    await db.add('checkins', { at: 1, rating: 6, note: '' });
    await db.add('overrides', { at: 1, minutes: 30, reason: 'court filing due' });
  },
  6: async (db) => {
    await db.put('meta', { key: 'installedAt', value: 1_700_000_000_000 });
    await db.put('meta', { key: 'frameToken', value: 'c0ffee00-0000-4000-8000-000000000000' });
    await db.add('answers', { at: 1, questionnaire: 'weekly-load', title: 'Weekly load', answers: { sleep: 2 }, score: 2, band: null });
  },
  7: async (db) => {
    await db.put('meta', { key: 'installedAt', value: 1_700_000_000_000 });
  },
  8: async (db) => {
    await db.put('meta', { key: 'installedAt', value: 1_700_000_000_000 });
    await db.add('memos', { at: 1, text: 'call the witness back about exhibit 4' });
  },
  9: async (db) => {
    await db.put('meta', { key: 'installedAt', value: 1_700_000_000_000 });
    await db.put('meta', { key: 'shieldSettings', value: { blurPixels: 28, allowedSteps: ['outline', 'full'], recoverAfterSeconds: 10, soundAllowed: true, iconMaxPixels: 32, smallViewPixels: 320 } });
  },
  10: async (db) => {
    await db.put('meta', { key: 'installedAt', value: 1_700_000_000_000 });
    await db.put('sharedMarks', { id: 'a'.repeat(64), keyId: 'b'.repeat(16), notes: ['exhibit 4, seen'], importedAt: 1 });
  },
};

describe('database schema', () => {
  it('has one seed per shipped version, so every upgrade path is exercised', () => {
    expect(DB_VERSION).toBe(migrations.length);
    for (let version = 1; version <= DB_VERSION; version++) expect(seeds[version]).toBeTypeOf('function');
  });

  it.each(Array.from({ length: DB_VERSION }, (_, i) => i + 1))(
    'upgrades a version %i database with data to the current version, keeping the data',
    async (oldVersion) => {
      const old = await openGauzeDB(oldVersion);
      await seeds[oldVersion]!(old);
      old.close();

      const db = await openGauzeDB();
      expect(db.version).toBe(DB_VERSION);
      expect([...db.objectStoreNames].sort()).toEqual(['answers', 'breaks', 'checkins', 'exposure', 'memos', 'meta', 'notes', 'overrides', 'reveals', 'sharedMarks', 'sites']);
      expect(await db.get('meta', 'installedAt')).toEqual({ key: 'installedAt', value: 1_700_000_000_000 });
      // No stable per-install value is kept that nothing needs (the old frames' secret).
      expect(await db.get('meta', 'frameToken')).toBeUndefined();
      db.close();
    },
  );

  it('moves reveal steps stored as the old default (blur first) to outline first, once, and keeps a chosen list', async () => {
    const stored = { blurPixels: 40, allowedSteps: ['blur', 'outline', 'full'], recoverAfterSeconds: 5, soundAllowed: false, iconMaxPixels: 32 };
    const old = await openGauzeDB(8);
    await old.put('meta', { key: 'shieldSettings', value: stored });
    old.close();

    const storage = createStorage();
    const settings = await storage.settings.get('shield');
    // The person's other choices stay; the steps become the new default; settings added since
    // (the small view, the volume ceiling) take their defaults.
    expect(settings).toEqual({ ...stored, allowedSteps: ['outline', 'full'], smallViewPixels: 320, maxVolumePercent: 50 });

    // Blur turned on later, by the person, stays on: the move happened once, at the upgrade.
    await storage.settings.set('shield', { ...settings, allowedSteps: ['blur', 'outline', 'full'] });
    expect((await storage.settings.get('shield')).allowedSteps).toEqual(['blur', 'outline', 'full']);
    (await storage.get()).close();
  });

  it('keeps reveal steps the person chose under the old version', async () => {
    const old = await openGauzeDB(8);
    await old.put('meta', { key: 'shieldSettings', value: { allowedSteps: ['blur', 'full'] } });
    old.close();
    const storage = createStorage();
    expect((await storage.settings.get('shield')).allowedSteps).toEqual(['blur', 'full']);
    (await storage.get()).close();
  });
});

describe('storage', () => {
  it('records the install time once and summarises the stores', async () => {
    const storage = createStorage();
    expect(await storage.recordInstall(1000)).toBe(1000);
    expect(await storage.recordInstall(2000)).toBe(1000);
    expect(await storage.summary()).toEqual({
      schemaVersion: DB_VERSION,
      installedAt: 1000,
      stores: [
        { name: 'answers', count: 0 },
        { name: 'breaks', count: 0 },
        { name: 'checkins', count: 0 },
        { name: 'exposure', count: 0 },
        { name: 'memos', count: 0 },
        { name: 'meta', count: 1 },
        { name: 'notes', count: 0 },
        { name: 'overrides', count: 0 },
        { name: 'reveals', count: 0 },
        { name: 'sharedMarks', count: 0 },
        { name: 'sites', count: 0 },
      ],
    });
    (await storage.get()).close();
  });

  it('retries opening after a failure instead of caching it', async () => {
    let attempts = 0;
    const storage = createStorage(async () => {
      attempts++;
      if (attempts === 1) throw new Error('blocked');
      return openGauzeDB();
    });
    await expect(storage.summary()).rejects.toThrow('blocked');
    await expect(storage.summary()).resolves.toMatchObject({ schemaVersion: DB_VERSION });
    expect(attempts).toBe(2);
    (await storage.get()).close();
  });
});
