import { describe, expect, it } from 'vitest';
import { fakeAdapters, serviceBase, storagePerTest } from './testing';
import { createServices, startServices } from './index';
import type { Handlers, MessageType, Payload, Reply } from '../core/messaging';
import type { Storage } from '../storage/storage';

const newStorage = storagePerTest();
const page = { hasTab: false } as const;
const KEY = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8';
const policy = (marksKey?: string) => JSON.stringify({ format: 'gauze-policy', version: 2, team: { name: 'Desk' }, sites: [{ host: 'case.localhost' }], ...(marksKey ? { marksKey } : {}) });
const picture = 'https://case.localhost/media/exhibit-4.png';

/**
 * One person's Gauze: the background's services on the database. Fake IndexedDB has one database
 * per process, so the next person starts on it erased (a new install: a new note key of their own).
 */
async function person(storage: Storage, marksKey?: string) {
  await storage.eraseAll();
  const handlers: Handlers = startServices(createServices(fakeAdapters()), serviceBase({ storage, now: () => Date.UTC(2026, 2, 2, 17, 45) }));
  const send = <T extends MessageType>(type: T, payload: Payload<T>) => (handlers[type] as (p: Payload<T>, f: 'page', s: typeof page) => Promise<Reply<T>>)(payload, 'page', page);
  await send('policy/import', { text: policy(marksKey) });
  return send;
}

describe('shared reviewed marks', () => {
  it('one person\'s reviewed item, shared as a file without its address, shows as a colleague\'s mark with their note in another\'s Gauze', async () => {
    const storage = newStorage();
    const alice = await person(storage, KEY);
    await alice('notes/put', { address: picture, note: 'exhibit 4: the same as 3', reviewed: true });
    await alice('notes/put', { address: 'https://case.localhost/media/only-a-note.png', note: 'look again', reviewed: false });
    expect(await alice('marks/status', {})).toEqual({ key: true, locked: false, shareable: 1, imported: 0 });

    const { file } = await alice('marks/share', { includeNotes: true });
    const text = JSON.stringify(file);
    expect(text).not.toMatch(/case|localhost|media|exhibit-4|png|Desk/);
    expect(file.made).toBe('2026-03-02');
    expect(file.marks).toEqual([{ id: expect.stringMatching(/^[0-9a-f]{64}$/), note: 'exhibit 4: the same as 3' }]);
    expect((await alice('marks/share', { includeNotes: false })).file.marks[0]).not.toHaveProperty('note');

    const bob = await person(storage, KEY);
    expect(await bob('notes/lookup', { addresses: [picture] })).toEqual({ notes: [], colleagues: [] });
    expect(await bob('marks/import', { text })).toEqual({ imported: true, marks: 1, added: 1, problems: [] });
    // The same file again adds nothing new.
    expect((await bob('marks/import', { text })).added).toBe(0);
    expect(await bob('notes/lookup', { addresses: [picture, `${picture}#zoom`, 'https://case.localhost/media/other.png'] })).toEqual({
      notes: [],
      colleagues: [
        { address: picture, notes: ['exhibit 4: the same as 3'] },
        { address: `${picture}#zoom`, notes: ['exhibit 4: the same as 3'] },
      ],
    });
    expect(await bob('marks/status', {})).toEqual({ key: true, locked: false, shareable: 0, imported: 1 });
    // The page is told there is something to look up even with no notes of Bob's own.
    expect((await bob('storage/summary', {})).facts.sharedMarks).toBe(1);
  });

  it('refuses a file made under another team\'s key, and a damaged one, and changes nothing', async () => {
    const storage = newStorage();
    const alice = await person(storage, 'HxwdHh8AAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRo');
    await alice('notes/put', { address: picture, note: '', reviewed: true });
    const { file } = await alice('marks/share', { includeNotes: false });

    const bob = await person(storage, KEY);
    expect(await bob('marks/import', { text: JSON.stringify(file) })).toEqual({ imported: false, marks: 0, added: 0, problems: [{ path: ['keyId'], kind: 'other-key' }] });
    expect((await bob('marks/import', { text: JSON.stringify({ ...file, marks: [{ id: picture }] }) })).problems[0]?.kind).toBe('format');
    expect((await bob('marks/import', { text: 'not json' })).problems).toEqual([{ path: [], kind: 'not-json' }]);
    expect((await bob('marks/status', {})).imported).toBe(0);
    expect((await bob('notes/lookup', { addresses: [picture] })).colleagues).toEqual([]);
  });

  it('without a marks key nothing can be shared or imported, and the status says so', async () => {
    const carol = await person(newStorage());
    await carol('notes/put', { address: picture, note: '', reviewed: true });
    expect(await carol('marks/status', {})).toEqual({ key: false, locked: false, shareable: 0, imported: 0 });
    await expect(carol('marks/share', { includeNotes: false })).rejects.toThrow(/no marksKey/);
    expect(await carol('notes/lookup', { addresses: [picture] })).toEqual({ notes: [{ address: picture, note: '', reviewed: true }] });
  });

  it('an item reviewed before the team had a key becomes shareable once a page shows it again', async () => {
    const storage = newStorage();
    const dana = await person(storage);
    await dana('notes/put', { address: picture, note: '', reviewed: true });
    await dana('policy/import', { text: policy(KEY) });
    expect((await dana('marks/status', {})).shareable).toBe(0);
    await dana('notes/lookup', { addresses: [picture] });
    expect((await dana('marks/status', {})).shareable).toBe(1);
  });

  it('while the records are locked nothing is shared, and the status says they are locked rather than that nothing was reviewed', async () => {
    const storage = newStorage();
    const erin = await person(storage, KEY);
    await erin('notes/put', { address: picture, note: '', reviewed: true });
    await storage.vault.enable('a long passphrase', 1000);
    storage.vault.lock();
    expect(await erin('marks/status', {})).toEqual({ key: true, locked: true, shareable: 0, imported: 0 });
    await expect(erin('marks/share', { includeNotes: false })).rejects.toThrow(/^locked:/);
  });

  it('erasing everything erases colleagues\' marks too', async () => {
    const storage = newStorage();
    const alice = await person(storage, KEY);
    await alice('notes/put', { address: picture, note: '', reviewed: true });
    const { file } = await alice('marks/share', { includeNotes: false });
    const bob = await person(storage, KEY);
    await bob('marks/import', { text: JSON.stringify(file) });
    await bob('data/erase', { confirm: 'erase everything' });
    expect(await storage.sharedMarks.count()).toBe(0);
  });
});
