import { z } from 'zod';
import { problemsOf, type Problem } from '../validation';

/**
 * Reviewed marks shared within a team, so one person looks and the others need not. An item is
 * named in a shared file by a keyed hash of its address under the team's `marksKey` (from the
 * team policy): colleagues with the same key can compute it from an address they meet, and nobody
 * can read an address, page or site out of the file. No name, install id or time of day either.
 */

/** A team's marks key as the policy carries it: 32 random bytes, base64url, no padding. */
export const marksKeySchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, '32 random bytes in base64url (43 letters, digits, - or _)');

const id = z.string().regex(/^[0-9a-f]{64}$/, 'a shared-mark id (64 hexadecimal digits)');
/** A mark's note as kept and shown: the person's own notes are at most this long. */
export const MARK_NOTE_MAX = 2000;
/** The most items one file may name (a year of a busy team's work, many times over). */
export const SHARED_MARKS_MAX = 100_000;
/** The most characters a shared-marks file may have (the message that carries it allows as many). */
export const SHARED_MARKS_MAX_CHARACTERS = 30_000_000;

export const sharedMarksFileSchema = z
  .object({
    format: z.literal('gauze-shared-marks'),
    version: z.literal(1),
    /** Which team key made the ids (a keyed hash of a constant): a file under another key is refused in words. */
    keyId: z.string().regex(/^[0-9a-f]{16}$/, '16 hexadecimal digits'),
    /** The day the file was made (no time: when someone looked is not the team's business). */
    made: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD'),
    marks: z.array(z.object({ id, note: z.string().max(MARK_NOTE_MAX).optional() }).strict()).max(SHARED_MARKS_MAX),
  })
  .strict();

export type SharedMarksFile = z.infer<typeof sharedMarksFileSchema>;

/** What a page is told about an item colleagues marked reviewed: its address there, and their shared notes. */
export interface ColleagueMark {
  address: string;
  notes: string[];
}
export type SharedMark = SharedMarksFile['marks'][number];

/**
 * The address an id is made from: the media's address without its fragment (a `#` part never
 * reaches the server, so it cannot name a different picture).
 */
export function normaliseAddress(address: string): string {
  try {
    const url = new URL(address);
    url.hash = '';
    return url.href;
  } catch {
    return address;
  }
}

const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, '0')).join('');

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** A new marks key for a team policy (the policy builder's "new key"). */
export function newMarksKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The team key, ready to sign: the ids and the key id are HMAC-SHA-256 under it. */
export interface TeamMarksKey {
  /** Names the key in a file; says nothing about it (a keyed hash of a constant). */
  keyId: string;
  /** The id of the item at a media address. */
  idOf(address: string): Promise<string>;
}

export async function teamMarksKey(marksKey: string): Promise<TeamMarksKey> {
  const key = await crypto.subtle.importKey('raw', fromBase64url(marksKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const sign = async (text: string) => hex(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(text)));
  // A constant no address can be (it is not a URL), so the key id is never an item's id.
  const keyId = (await sign('gauze-shared-marks key id')).slice(0, 16);
  return { keyId, idOf: (address) => sign(normaliseAddress(address)) };
}

/** The file a person shares: only items they marked reviewed, notes only when they chose to include them. */
export function sharedMarksFile(keyId: string, made: string, marks: ReadonlyArray<{ id: string; note: string }>, includeNotes: boolean): SharedMarksFile {
  const byId = new Map<string, SharedMark>();
  for (const { id: markId, note } of marks) {
    const text = note.trim().slice(0, MARK_NOTE_MAX);
    byId.set(markId, includeNotes && text ? { id: markId, note: text } : { id: markId });
  }
  // Sorted by id: the order the person marked things in says nothing either.
  return { format: 'gauze-shared-marks', version: 1, keyId, made, marks: [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1)) };
}

export type SharedMarksParse = { ok: true; file: SharedMarksFile } | { ok: false; problems: Problem[] };

/**
 * Reads a colleague's file (its text): refused, with every problem as data a page says in the
 * person's words, when it is not JSON, not a shared-marks file, from a newer Gauze, malformed, or
 * made with another team's key (`keyId` of the key in force).
 */
export function parseSharedMarks(text: string, keyId: string): SharedMarksParse {
  if (text.length > SHARED_MARKS_MAX_CHARACTERS) return { ok: false, problems: [{ path: [], kind: 'too-large' }] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ path: [], kind: 'not-json' }] };
  }
  const fields = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as { format?: unknown; version?: unknown; keyId?: unknown }) : null;
  if (fields?.format !== 'gauze-shared-marks') return { ok: false, problems: [{ path: [], kind: 'not-marks' }] };
  if (typeof fields.version === 'number' && fields.version > 1) return { ok: false, problems: [{ path: ['version'], kind: 'newer-version', found: String(fields.version) }] };
  const parsed = sharedMarksFileSchema.safeParse(value);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error, value) };
  if (parsed.data.keyId !== keyId) return { ok: false, problems: [{ path: ['keyId'], kind: 'other-key' }] };
  return { ok: true, file: parsed.data };
}
