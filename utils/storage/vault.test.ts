import { describe, expect, it } from 'vitest';
import { createVault, keysFromRaw, open, rewrapVault, seal, unlockVault } from './vault';

// Fewer iterations than the real 600,000: these tests are about what opens what (the time to
// unlock is measured by npm run bench).
const FAST = 1000;

describe('vault', () => {
  it('encrypts with a fresh IV each time and opens only with the same keys and store', async () => {
    const { record, keys } = await createVault('correct horse battery', FAST);
    const a = await seal({ site: 'x.com', note: 'exhibit 4' }, 'exposure', record, keys);
    const b = await seal({ site: 'x.com', note: 'exhibit 4' }, 'exposure', record, keys);
    expect(new Uint8Array(a.iv)).not.toEqual(new Uint8Array(b.iv));
    expect(new TextDecoder().decode(a.ct)).not.toContain('x.com');
    expect(await open(a, 'exposure', keys)).toEqual({ site: 'x.com', note: 'exhibit 4' });
    // Moved to another store: refused.
    await expect(open(a, 'notes', keys)).rejects.toThrow();
    const other = await createVault('correct horse battery', FAST);
    await expect(open(a, 'exposure', other.keys)).rejects.toThrow();
  });

  it('a record written while locked is sealed to the public key and read after unlock', async () => {
    const { record } = await createVault('the passphrase', FAST);
    const sealed = await seal({ site: 'x.com', seconds: 30 }, 'exposure', record, null);
    expect(sealed.epk).toBeInstanceOf(ArrayBuffer);
    const keys = await unlockVault(record, 'the passphrase');
    expect(keys).not.toBeNull();
    expect(await open(sealed, 'exposure', keys!)).toEqual({ site: 'x.com', seconds: 30 });
  });

  it('the wrong passphrase opens nothing; a changed passphrase opens the same records', async () => {
    const { record, keys } = await createVault('first passphrase', FAST);
    const sealed = await seal('a note', 'notes', record, keys);
    expect(await unlockVault(record, 'First passphrase')).toBeNull();
    const changed = await rewrapVault(record, keys, 'second passphrase');
    expect(await unlockVault(changed, 'first passphrase')).toBeNull();
    const reopened = await unlockVault(changed, 'second passphrase');
    expect(await open(sealed, 'notes', reopened!)).toBe('a note');
    // The session copy of the data key opens it too (a worker restart while unlocked).
    expect(await open(sealed, 'notes', await keysFromRaw(changed, reopened!.raw))).toBe('a note');
  });
});
