import 'fake-indexeddb/auto';
import { deleteDB, openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION } from '../storage/schema';
import { createStorage } from '../storage/storage';
import { matchPatternsFor, entriesFromPatterns, type SiteEntry } from '../core/sites/site-entry';
import { createFlaggedSitesService } from './flagged-sites';
import { createDataService } from './data';
import { createSerial } from '../core/serial';
import { startServices } from './index';
import { fakeAdapters, serviceBase } from './testing';

afterEach(() => deleteDB(DB_NAME));

const page = { id: 'x', hasTab: false } as const;

/** The browser's registration, as the shield adapter keeps it: match patterns. */
function registration() {
  let patterns: string[] = [];
  return {
    get patterns() {
      return patterns;
    },
    shield: {
      ...fakeAdapters().shield,
      register: async (entries: readonly SiteEntry[]) => void (patterns = entries.flatMap(matchPatternsFor)),
      registered: async () => entriesFromPatterns(patterns, 1),
    },
  };
}

describe('the flagged-site list when the database is lost', () => {
  it('a database deleted by another program while the worker runs: the sites come back from the registration, nothing is unregistered', async () => {
    const browser = registration();
    const storage = createStorage();
    const handlers = startServices([createFlaggedSitesService(browser.shield)], serviceBase({ storage, now: () => 1000 }));
    await handlers['sites/flag']!({ input: 'cases.example.org' }, 'page', page);
    await handlers['sites/flag']!({ input: '203.0.113.9' }, 'page', page);
    // Another context deletes the database: Gauze's connection lets go instead of blocking it.
    await deleteDB(DB_NAME);
    const { entries } = await handlers['sites/list']!({}, 'page', page);
    expect(entries.map((entry) => [entry.host, entry.subdomains]).sort()).toEqual([
      ['203.0.113.9', false],
      ['cases.example.org', true],
    ]);
    // Flagging one more keeps the others protected.
    await handlers['sites/flag']!({ input: 'archive.example.net' }, 'page', page);
    expect(browser.patterns).toContain('*://cases.example.org/*');
    expect(browser.patterns).toContain('*://archive.example.net/*');
  });

  it('a database another context took to a newer version is opened as it is, not left hanging', async () => {
    const storage = createStorage();
    const handlers = startServices([createFlaggedSitesService(registration().shield)], serviceBase({ storage, now: () => 1000 }));
    await handlers['sites/flag']!({ input: 'cases.example.org' }, 'page', page);
    const newer = await openDB(DB_NAME, DB_VERSION + 1);
    newer.close();
    const { entries } = await handlers['sites/list']!({}, 'page', page);
    expect(entries.map((entry) => entry.host)).toEqual(['cases.example.org']);
  });

  it('a list read while an unflag or an erase is under way is not taken for a lost database', async () => {
    const browser = registration();
    // The browser is slow to change its registration, as it is under load, while `held`.
    let held: Promise<void> | null = null;
    let release = () => {};
    const hold = () => (held = new Promise<void>((resolve) => (release = () => ((held = null), resolve()))));
    const slow = {
      ...browser.shield,
      register: async (entries: readonly SiteEntry[]) => {
        if (held) await held;
        await browser.shield.register(entries);
      },
    };
    const queue = createSerial();
    const handlers = startServices([createFlaggedSitesService(slow, queue), createDataService(slow, fakeAdapters().wipe, queue)], serviceBase({ storage: createStorage(), now: () => 1000 }));
    const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

    await handlers['sites/flag']!({ input: 'cases.example.org' }, 'page', page);
    hold();
    const unflagged = handlers['sites/unflag']!({ hosts: ['cases.example.org'] }, 'page', page);
    await settle(); // the list is empty now; the registration still protects the site
    const reading = handlers['sites/list']!({}, 'page', page);
    await settle();
    release();
    await unflagged;
    expect((await reading).entries).toEqual([]);
    expect((await handlers['sites/list']!({}, 'page', page)).entries).toEqual([]);
    expect(browser.patterns).toEqual([]);

    await handlers['sites/flag']!({ input: 'cases.example.org' }, 'page', page);
    hold();
    const erased = handlers['data/erase']!({ confirm: 'erase everything' }, 'page', page);
    await settle();
    const matching = handlers['sites/match']!({ hostname: 'cases.example.org' }, 'page', page);
    await settle();
    release();
    await erased;
    expect((await matching).entry).toBeNull();
    expect((await handlers['sites/list']!({}, 'page', page)).entries).toEqual([]);
    expect(browser.patterns).toEqual([]);
  });

  it('a person with no flagged sites and no registration has none restored', async () => {
    const handlers = startServices([createFlaggedSitesService(registration().shield)], serviceBase({ storage: createStorage(), now: () => 1000 }));
    expect((await handlers['sites/list']!({}, 'page', page)).entries).toEqual([]);
  });
});
