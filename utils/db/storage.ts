import type { IDBPDatabase } from 'idb';
import { DB_VERSION, openGauzeDB, type GauzeDB, type GauzeStore } from './schema';

/** Storage facts a person can check in options ("Your data"). */
export interface StorageSummary {
  schemaVersion: number;
  installedAt: number | null;
  stores: Array<{ name: string; count: number }>;
}

/**
 * The background's handle on the database: opened once, lazily, so the worker's listeners are
 * registered synchronously at start-up and the first message waits for the open instead.
 */
export function createStorage(open: () => Promise<IDBPDatabase<GauzeDB>> = () => openGauzeDB()) {
  let db: Promise<IDBPDatabase<GauzeDB>> | undefined;
  const get = () => (db ??= open().catch((error: unknown) => {
    db = undefined; // let the next call try again rather than caching a failure
    throw error;
  }));

  return {
    get,
    /** Records the first start; later starts keep the original time. */
    async recordInstall(now: number): Promise<number> {
      const database = await get();
      const tx = database.transaction('meta', 'readwrite');
      const existing = await tx.store.get('installedAt');
      if (!existing) await tx.store.put({ key: 'installedAt', value: now });
      await tx.done;
      return existing?.value ?? now;
    },
    async summary(): Promise<StorageSummary> {
      const database = await get();
      const names = [...database.objectStoreNames] as GauzeStore[];
      const tx = database.transaction(names, 'readonly');
      const [installed, ...counts] = await Promise.all([
        tx.objectStore('meta').get('installedAt'),
        ...names.map((name) => tx.objectStore(name).count()),
      ]);
      await tx.done;
      return {
        schemaVersion: DB_VERSION,
        installedAt: installed?.value ?? null,
        stores: names.map((name, i) => ({ name, count: counts[i] ?? 0 })),
      };
    },
  };
}

export type Storage = ReturnType<typeof createStorage>;
