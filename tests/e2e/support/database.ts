import type { Page } from 'puppeteer';

/** Every record in one of Gauze's IndexedDB stores, read from one of its pages. */
export function readStore<T = Record<string, unknown>>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('gauze');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}

/**
 * Every record in every one of Gauze's IndexedDB stores, by store: all that a copy of the disk
 * holds. Bytes (an ArrayBuffer or typed array) come back as `{ bytes: number[] }`: the automation
 * protocols would otherwise hand them over as empty objects.
 */
export function readDatabase(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const plain = (value: unknown): unknown => {
          if (value instanceof ArrayBuffer) return { bytes: [...new Uint8Array(value)] };
          if (ArrayBuffer.isView(value)) return { bytes: [...new Uint8Array(value.buffer, value.byteOffset, value.byteLength)] };
          if (Array.isArray(value)) return value.map(plain);
          if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plain(inner)]));
          return value;
        };
        const open = indexedDB.open('gauze');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const stores: Record<string, unknown[]> = {};
          const tx = db.transaction([...db.objectStoreNames]);
          for (const name of db.objectStoreNames) {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => (stores[name] = request.result.map(plain));
          }
          tx.oncomplete = () => {
            db.close();
            resolve(stores);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/**
 * Writes records straight into Gauze's IndexedDB from one of its pages, store by store, as an
 * older installation or a damaged record would have them (added, or replaced by their key).
 */
export function writeRecords(page: Page, records: Record<string, object[]>): Promise<void> {
  return page.evaluate(
    (data) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('gauze');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(Object.keys(data), 'readwrite');
          for (const [store, list] of Object.entries(data)) for (const record of list) tx.objectStore(store).put(record);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    records,
  );
}
