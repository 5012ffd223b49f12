import 'fake-indexeddb/auto';
import { deleteDB, openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION } from '../storage/schema';
import { createStorage } from '../storage/storage';
import { matchPatternsFor, entriesFromPatterns, type SiteEntry } from '../core/sites/site-entry';
import { createFlaggedSitesService } from './flagged-sites';
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

  it('a person with no flagged sites and no registration has none restored', async () => {
    const handlers = startServices([createFlaggedSitesService(registration().shield)], serviceBase({ storage: createStorage(), now: () => 1000 }));
    expect((await handlers['sites/list']!({}, 'page', page)).entries).toEqual([]);
  });
});
