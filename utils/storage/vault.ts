/**
 * Encryption at rest (docs/security.md): a random AES-GCM-256 data key encrypts what says
 * something about the person. The key is wrapped by a key derived from the person's passphrase
 * (PBKDF2-SHA-256, 600,000 iterations, OWASP 2023), so changing the passphrase re-wraps one key
 * and re-encrypts nothing. An ECDH P-256 key pair lets records be written while Gauze is locked:
 * each is sealed to the public key with a fresh ephemeral key and can be read only once the
 * private key is unwrapped by the data key, at unlock. Every record has a fresh IV and its store
 * and format version as additional data, so a record cannot be moved to another store unnoticed.
 */

export const VAULT_ITERATIONS = 600_000;
const FORMAT = 1;

/** A value encrypted for one store; `epk` (an ephemeral public key) when sealed while locked. */
export interface Sealed {
  iv: ArrayBuffer;
  ct: ArrayBuffer;
  epk?: ArrayBuffer;
}

/** What is kept on disk about the vault: nothing here opens anything without the passphrase. */
export interface VaultRecord {
  version: 1;
  salt: ArrayBuffer;
  iterations: number;
  /** The data key, encrypted with the passphrase's key. */
  wrappedKey: Sealed;
  /** The public half of the key pair records are sealed to while locked (raw P-256 point). */
  publicKey: ArrayBuffer;
  /** The private half, encrypted with the data key. */
  wrappedPrivateKey: Sealed;
}

/** The open vault: only in memory (and the browser's session memory), never on disk. */
export interface VaultKeys {
  dataKey: CryptoKey;
  privateKey: CryptoKey;
  /** The data key's bytes, to keep the vault open across worker restarts (session memory only). */
  raw: ArrayBuffer;
}

const subtle = () => globalThis.crypto.subtle;
const bytes = (length: number) => globalThis.crypto.getRandomValues(new Uint8Array(length)).buffer;
const text = new TextEncoder();
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;
const additional = (store: string) => text.encode(`gauze:${store}:${FORMAT}`);

async function passphraseKey(passphrase: string, salt: ArrayBuffer, iterations: number): Promise<CryptoKey> {
  const material = await subtle().importKey('raw', text.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

async function encrypt(key: CryptoKey, plain: ArrayBuffer, store: string): Promise<Sealed> {
  const iv = bytes(12);
  return { iv, ct: await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: additional(store) }, key, plain) };
}

async function decrypt(key: CryptoKey, sealed: Sealed, store: string): Promise<ArrayBuffer> {
  return subtle().decrypt({ name: 'AES-GCM', iv: sealed.iv, additionalData: additional(store) }, key, sealed.ct);
}

const importDataKey = (raw: ArrayBuffer) => subtle().importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
const importPublicKey = (raw: ArrayBuffer) => subtle().importKey('raw', raw, ECDH, false, []);

async function openPrivateKey(record: VaultRecord, dataKey: CryptoKey): Promise<CryptoKey> {
  const pkcs8 = await decrypt(dataKey, record.wrappedPrivateKey, 'vault-private');
  return subtle().importKey('pkcs8', pkcs8, ECDH, false, ['deriveKey']);
}

/** A new vault for a passphrase: a fresh data key and key pair, the record to keep, and the open keys. */
export async function createVault(passphrase: string, iterations = VAULT_ITERATIONS): Promise<{ record: VaultRecord; keys: VaultKeys }> {
  const raw = bytes(32);
  const dataKey = await importDataKey(raw);
  const pair = (await subtle().generateKey(ECDH, true, ['deriveKey'])) as CryptoKeyPair;
  const salt = bytes(16);
  const record: VaultRecord = {
    version: 1,
    salt,
    iterations,
    wrappedKey: await encrypt(await passphraseKey(passphrase, salt, iterations), raw, 'vault-key'),
    publicKey: await subtle().exportKey('raw', pair.publicKey),
    wrappedPrivateKey: await encrypt(dataKey, await subtle().exportKey('pkcs8', pair.privateKey), 'vault-private'),
  };
  return { record, keys: { dataKey, privateKey: await openPrivateKey(record, dataKey), raw } };
}

/** Opens the vault with a passphrase; null when it is not the right one. */
export async function unlockVault(record: VaultRecord, passphrase: string): Promise<VaultKeys | null> {
  let raw: ArrayBuffer;
  try {
    raw = await decrypt(await passphraseKey(passphrase, record.salt, record.iterations), record.wrappedKey, 'vault-key');
  } catch {
    return null;
  }
  return keysFromRaw(record, raw);
}

/** Opens the vault from the data key kept in session memory (after the worker restarted). */
export async function keysFromRaw(record: VaultRecord, raw: ArrayBuffer): Promise<VaultKeys> {
  const dataKey = await importDataKey(raw);
  return { dataKey, privateKey: await openPrivateKey(record, dataKey), raw };
}

/** The same vault under a new passphrase: the data key is wrapped again, no record changes. */
export async function rewrapVault(record: VaultRecord, keys: VaultKeys, passphrase: string, iterations = record.iterations): Promise<VaultRecord> {
  const salt = bytes(16);
  return { ...record, salt, iterations, wrappedKey: await encrypt(await passphraseKey(passphrase, salt, iterations), keys.raw, 'vault-key') };
}

/**
 * Encrypts a value for one store: with the data key when the vault is open, else sealed to the
 * public key (readable only after unlock).
 */
export async function seal(value: unknown, store: string, record: VaultRecord, keys: VaultKeys | null): Promise<Sealed> {
  const plain = text.encode(JSON.stringify(value)).buffer as ArrayBuffer;
  if (keys) return encrypt(keys.dataKey, plain, store);
  const ephemeral = (await subtle().generateKey(ECDH, true, ['deriveKey'])) as CryptoKeyPair;
  const key = await subtle().deriveKey({ name: 'ECDH', public: await importPublicKey(record.publicKey) }, ephemeral.privateKey, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);
  return { ...(await encrypt(key, plain, store)), epk: await subtle().exportKey('raw', ephemeral.publicKey) };
}

/** Decrypts a value sealed for this store. Throws if the keys or the store are not the ones it was sealed with. */
export async function open<T = unknown>(sealed: Sealed, store: string, keys: VaultKeys): Promise<T> {
  const key = sealed.epk
    ? await subtle().deriveKey({ name: 'ECDH', public: await importPublicKey(sealed.epk) }, keys.privateKey, { name: 'AES-GCM', length: 256 }, false, ['decrypt'])
    : keys.dataKey;
  return JSON.parse(new TextDecoder().decode(await decrypt(key, sealed, store))) as T;
}

/** Whether a stored value is a sealed one (a record written with the vault on). */
export const isSealed = (value: unknown): value is Sealed =>
  value !== null && typeof value === 'object' && (value as Sealed).iv instanceof ArrayBuffer && (value as Sealed).ct instanceof ArrayBuffer;
