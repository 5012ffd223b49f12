import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_NAME, openGauzeDB } from './schema';
import { createStorage, type Storage } from './storage';

const opened: Storage[] = [];
afterEach(async () => {
  for (const storage of opened.splice(0)) (await storage.get()).close();
  await deleteDB(DB_NAME);
});
const newStorage = () => {
  const storage = createStorage();
  opened.push(storage);
  return storage;
};
// Fewer iterations than the real 600,000, to keep the test quick; what opens what is the same.
const ITERATIONS = 1000;

/** Every byte Gauze's database holds, as text: what someone with the disk could read. */
async function rawDump(): Promise<string> {
  const db = await openGauzeDB();
  const parts: string[] = [];
  const show = (value: unknown): string =>
    value instanceof ArrayBuffer ? Buffer.from(value).toString('latin1') : value && typeof value === 'object' ? Object.values(value).map(show).join(' ') : String(value);
  for (const name of db.objectStoreNames) parts.push(...(await db.getAll(name)).map(show));
  db.close();
  return parts.join('\n');
}

async function keepSomething(storage: Storage, at: number) {
  await storage.exposure.save({ site: 'x.com', start: at, seen: at + 60_000, timeZone: 'UTC' }, [{ site: 'evidence.example', start: at - 600_000, end: at - 300_000, timeZone: 'UTC' }]);
  await storage.checkins.add({ at, rating: 3, note: 'the harbour video again' });
  await storage.memos.add({ at, text: 'ask Dana about exhibit 4' });
  await storage.addReveal({ site: 'x.com', kind: 'video', endedAt: at, seconds: 12, view: 'small' });
  await storage.overrides.add({ at, minutes: 30, reason: 'filing due at nine' });
  // The item's team id says which item was reviewed to anyone with the team key: sealed too.
  await storage.notes.put({ hash: await storage.notes.hash('https://x.com/img/1.jpg'), note: 'seen: a burned car', reviewed: true, updatedAt: at, team: { keyId: '0123456789abcdef', id: 'e'.repeat(64) } });
  await storage.sharedMarks.add('0123456789abcdef', [{ id: 'a'.repeat(64), note: 'a colleague: the orchard, twice' }], at);
}
const secrets = ['x.com', 'evidence.example', 'harbour video', 'exhibit 4', 'filing due', 'burned car', 'e'.repeat(64), 'the orchard'];

describe('encryption at rest', () => {
  it('turning it on seals what was kept: nothing the person wrote or visited is left readable on disk', async () => {
    const storage = newStorage();
    await keepSomething(storage, 1_000_000);
    const before = await storage.everything();
    for (const secret of secrets) expect(await rawDump()).toContain(secret);

    await storage.vault.enable('a long passphrase', ITERATIONS);
    const dump = await rawDump();
    for (const secret of secrets) expect(dump, secret).not.toContain(secret);
    expect(await storage.everything()).toEqual(before);
    expect(await storage.vault.state()).toEqual({ enabled: true, unlocked: true });
  });

  it('locked: what protection needs still reads (times, an override\'s length), the rest is refused; records written now are read after unlock', async () => {
    const storage = newStorage();
    await keepSomething(storage, 1_000_000);
    await storage.vault.enable('a long passphrase', ITERATIONS);
    storage.vault.lock();

    await expect(storage.everything()).rejects.toThrow(/^locked:/);
    await expect(storage.checkins.between(0, 2_000_000)).rejects.toThrow(/^locked:/);
    expect(await storage.exposure.between(0, 2_000_000)).toEqual([{ site: '', start: 400_000, end: 700_000, timeZone: 'UTC' }]);
    expect((await storage.overrides.between(0, 2_000_000, 'placeholder')).map(({ at, minutes }) => [at, minutes])).toEqual([[1_000_000, 30]]);
    await expect(storage.notes.hash('https://x.com/img/1.jpg')).rejects.toThrow(/^locked:/);

    await storage.checkins.add({ at: 1_500_000, rating: 1, note: 'written while locked' });
    expect(await rawDump()).not.toContain('written while locked');

    expect(await storage.vault.unlock('not the passphrase')).toBe(false);
    await expect(storage.checkins.between(0, 2_000_000)).rejects.toThrow(/^locked:/);
    expect(await storage.vault.unlock('a long passphrase')).toBe(true);
    expect((await storage.checkins.between(0, 2_000_000)).map((checkIn) => checkIn.note)).toEqual(['the harbour video again', 'written while locked']);
  });

  it('the running segment keeps its site while locked, also across a worker restart', async () => {
    const storage = newStorage();
    await storage.vault.enable('a long passphrase', ITERATIONS);
    storage.vault.lock();
    await storage.exposure.save({ site: 'x.com', start: 1000, seen: 31_000, timeZone: 'UTC' }, []);
    expect((await storage.exposure.openSegment())?.site).toBe('x.com'); // this worker wrote it

    const restarted = newStorage(); // a new worker, still locked: the site cannot be read
    const open = await restarted.exposure.openSegment();
    expect(open).toEqual({ site: '', start: 1000, seen: 31_000, timeZone: 'UTC' });
    // The clock closes it as it was: its sealed site goes with it.
    await restarted.exposure.save(null, [{ ...open!, end: 31_000 }]);
    expect(await restarted.vault.unlock('a long passphrase')).toBe(true);
    expect(await restarted.exposure.between(0, 100_000)).toEqual([{ site: 'x.com', start: 1000, end: 31_000, timeZone: 'UTC' }]);
  });

  it('a new passphrase opens the same records; turning encryption off puts them back in clear', async () => {
    const storage = newStorage();
    await keepSomething(storage, 1_000_000);
    await storage.vault.enable('first passphrase', ITERATIONS);
    const before = await storage.everything();
    expect(await storage.vault.change('wrong one', 'second passphrase')).toBe(false);
    expect(await storage.vault.change('first passphrase', 'second passphrase')).toBe(true);
    storage.vault.lock();
    expect(await storage.vault.unlock('first passphrase')).toBe(false);
    expect(await storage.vault.unlock('second passphrase')).toBe(true);

    expect(await storage.vault.disable('first passphrase')).toBe(false);
    expect(await storage.vault.disable('second passphrase')).toBe(true);
    expect(await storage.vault.state()).toEqual({ enabled: false, unlocked: false });
    expect(await storage.everything()).toEqual(before);
    expect(await rawDump()).toContain('harbour video');
  });
});
