import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { deleteDB } from 'idb';
import { afterEach } from 'vitest';
import { join } from 'node:path';
import { DB_NAME } from '../storage/schema';
import { createStorage, type Storage } from '../storage/storage';
import { createTranslator, type Catalogue } from '../core/i18n/format';
import type { MessageKey } from '../core/i18n/keys';
import { english } from '../core/i18n/languages';
import type { ServiceI18n } from './types';
import type { BrowserAdapters } from './index';

/**
 * Browser adapters that do nothing, for the services' unit tests: each test overrides only the
 * ones whose effects it checks (the services run in Node; the browser is not there).
 */
export function fakeAdapters(overrides: Partial<BrowserAdapters> = {}): BrowserAdapters {
  return {
    shield: { register: async () => {}, protectOpenTabs: async () => {}, releaseOpenTabs: async () => {}, coverFrame: async () => {}, registered: async () => [] },
    tabs: { send: async () => true, broadcast: async () => 0 },
    frames: { toTab: async () => {}, ask: async () => null },
    watch: {
      snapshot: async () => ({ focusedWindow: null, activeTabs: new Map(), tabUrls: new Map(), idle: 'active' as const }),
      listen: () => {},
      heartbeat: async () => {},
    },
    prompter: { warn: async () => {}, prompt: async () => {} },
    guard: {
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
    },
    managed: { readManaged: async () => undefined, onManagedChanged: () => {} },
    wipe: { clearBrowserAreas: async () => {} },
    vault: { keepKey: async () => {}, keptKey: async () => null, onAway: () => {}, watchIdle: async () => {}, openUnlock: async () => {} },
    sound: {
      mute: async () => {},
      unmuteIfOurs: async () => {},
      load: async () => ({}),
      save: async () => {},
      onLoaded: () => {},
      onClosed: () => {},
      alive: async () => false,
    },
    ...overrides,
  };
}

const catalogue = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8')) as Catalogue;

/** The English catalogue, as the background has it when the person reads English. */
export const englishI18n: ServiceI18n = {
  ready: async () => english,
  t: createTranslator<MessageKey>(catalogue, catalogue, 'en'),
  language: () => english,
  onChanged: () => {},
};

/** What startServices needs, for a test: its storage and clock, English. */
export function serviceBase(base: { storage: Storage; now: () => number; version?: string }) {
  return { version: '1', i18n: englishI18n, ...base };
}

/**
 * Call once at the top of a test file: returns a function that opens storage for a test (in
 * fake IndexedDB); every database a test opened is closed and deleted after it.
 */
export function storagePerTest(): () => Storage {
  const opened: Storage[] = [];
  afterEach(async () => {
    for (const storage of opened.splice(0)) (await storage.get()).close();
    await deleteDB(DB_NAME);
  });
  return () => {
    const storage = createStorage();
    opened.push(storage);
    return storage;
  };
}

/**
 * For vi.waitFor: how long a test waits for something to happen before it fails. Only the bound
 * of a failure (the machines are shared and can be slow); a passing test waits only as long as
 * the work takes.
 */
export const PATIENCE = { timeout: 10_000, interval: 20 } as const;
