import { describe, expect, it } from 'vitest';
import { marksKeySchema, newMarksKey, normaliseAddress, parseSharedMarks, sharedMarksFile, teamMarksKey } from './shared-marks';

const KEY = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8'; // bytes 0…31
const OTHER = 'HxwdHh8AAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRo';

describe('shared marks', () => {
  it('names an item by HMAC-SHA-256 of its address under the team key, the same for every colleague, and another under another key', async () => {
    const a = await teamMarksKey(KEY);
    const b = await teamMarksKey(KEY);
    const other = await teamMarksKey(OTHER);
    const address = 'https://case.localhost/media/exhibit-4.png?size=large';
    // Known answer: HMAC-SHA-256 with key 00…1f over the address (computed independently with node:crypto).
    const { createHmac } = await import('node:crypto');
    expect(await a.idOf(address)).toBe(createHmac('sha256', Buffer.from([...Array(32).keys()])).update(address).digest('hex'));
    expect(await b.idOf(address)).toBe(await a.idOf(address));
    expect(await other.idOf(address)).not.toBe(await a.idOf(address));
    // The fragment never reaches the server: the same picture.
    expect(await a.idOf(`${address}#top`)).toBe(await a.idOf(address));
    expect(await a.idOf('https://case.localhost/media/exhibit-5.png')).not.toBe(await a.idOf(address));
    expect(a.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(other.keyId).not.toBe(a.keyId);
  });

  it('normalises an address only by dropping its fragment', () => {
    expect(normaliseAddress('https://Case.LOCALHOST/a.png?x=1#f')).toBe('https://case.localhost/a.png?x=1');
    expect(normaliseAddress('not a url')).toBe('not a url');
  });

  it('makes new keys the policy accepts, each different', () => {
    const [one, two] = [newMarksKey(), newMarksKey()];
    expect(marksKeySchema.safeParse(one).success).toBe(true);
    expect(one).not.toBe(two);
    expect(marksKeySchema.safeParse('short').success).toBe(false);
  });

  it('writes reviewed items only by id, notes only when asked, and nothing that names a page', async () => {
    const key = await teamMarksKey(KEY);
    const marks = [{ id: await key.idOf('https://case.localhost/b.png'), note: ' witness: A. N. ' }, { id: await key.idOf('https://case.localhost/a.png'), note: '' }];
    const bare = sharedMarksFile(key.keyId, '2026-03-02', marks, false);
    expect(bare.marks.every((mark) => !('note' in mark))).toBe(true);
    const withNotes = sharedMarksFile(key.keyId, '2026-03-02', marks, true);
    expect(withNotes.marks.map((mark) => mark.note)).toContain('witness: A. N.');
    const text = JSON.stringify(withNotes);
    expect(text).not.toMatch(/case|localhost|png|https?:/);
    expect(parseSharedMarks(text, key.keyId)).toEqual({ ok: true, file: withNotes });
  });

  it('refuses, in words a page can say, what is not a shared-marks file, a damaged one, and one made with another key', async () => {
    const key = await teamMarksKey(KEY);
    const other = await teamMarksKey(OTHER);
    const good = sharedMarksFile(other.keyId, '2026-03-02', [{ id: 'a'.repeat(64), note: '' }], false);
    const kinds = (text: string) => {
      const parsed = parseSharedMarks(text, key.keyId);
      return parsed.ok ? 'ok' : parsed.problems.map((problem) => `${problem.path.join('.')}:${problem.kind}`);
    };
    expect(kinds('{')).toEqual([':not-json']);
    expect(kinds(JSON.stringify({ format: 'gauze-policy', version: 2 }))).toEqual([':not-marks']);
    expect(kinds(JSON.stringify({ ...good, version: 2 }))).toEqual(['version:newer-version']);
    expect(kinds(JSON.stringify(good))).toEqual(['keyId:other-key']);
    expect(kinds(JSON.stringify({ ...good, keyId: key.keyId, marks: [{ id: 'https://case.localhost/a.png' }] }))).toEqual(['marks.0.id:format']);
    expect(kinds(JSON.stringify({ ...good, keyId: key.keyId, page: 'https://case.localhost/' }))).toEqual(['page:unknown-field']);
    expect(kinds(JSON.stringify({ ...good, keyId: key.keyId, made: '2026-03-02T10:00:00Z' }))).toEqual(['made:format']);
    expect(kinds(JSON.stringify({ ...good, keyId: key.keyId }))).toBe('ok');
  });
});
