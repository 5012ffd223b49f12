import { z } from 'zod';
import { breakRulesSchema } from './breaks/schedule';
import { exportSchema } from './data/export';
import { limitsSchema } from './limits/limits';
import { shieldSettingsSchema } from './shield/settings';
import type { ShieldTexts } from './shield/texts';
import { bedtimeSchema, type GuardWindow } from './bedtime/schedule';
import type { DayStats } from './dashboard/aggregate';
import type { Signal } from './dashboard/signals';
import type { RevealLock } from './limits/lock';
import { POLICY_MAX_CHARACTERS, questionnaireSchema } from './policy/schema';
import { MARK_NOTE_MAX, SHARED_MARKS_MAX_CHARACTERS, sharedMarksFileSchema, type ColleagueMark } from './marks/shared-marks';
import type { MediaKind } from './shield/kinds';
import { revealViews } from './shield/ladder';
import { hostSchema, siteEntrySchema } from './sites/site-entry';
import { parseOrThrow, ValidationError, type Problem } from './validation';

/**
 * The typed message channel between content scripts, extension pages and the background.
 * One entry per message: its payload, its reply, and which contexts may send it. The background
 * validates every payload and checks the sender before any handler runs (createMessageRouter).
 */
export type SenderKind = 'page' | 'content';

interface MessageSpec {
  payload: z.ZodType;
  reply: z.ZodType;
  from: readonly SenderKind[];
}

const vaultStatusSchema = z.object({ enabled: z.boolean(), unlocked: z.boolean(), required: z.boolean(), lockAfterIdleMinutes: z.number().int() });
/** A passphrase: long enough to resist guessing at 600,000 derivations a try, not a novel. */
const passphraseSchema = z.string().min(10).max(1000);

/** A problem with a file, said by the page in the person's language (utils/core/validation.ts). */
const problemSchema = z.object({
  path: z.array(z.string()),
  kind: z.enum(['not-json', 'not-policy', 'not-marks', 'other-key', 'newer-version', 'too-large', 'missing', 'not-number', 'not-text', 'not-boolean', 'not-list', 'not-object', 'too-big', 'too-long', 'too-many', 'too-small', 'empty', 'too-few', 'format', 'unknown-field', 'choice', 'other']),
  limit: z.string().optional(),
  found: z.string().optional(),
}) satisfies z.ZodType<Problem>;

/*
 * Schemas of domain shapes, each checked against its type (`satisfies`): a field added to the
 * type and not here is a compile error, not a field silently stripped at the router.
 */

/** Reveals locked, why and until when (a strict break, the hard daily cap, the bedtime guard). */
const lockSchema = z.object({ reason: z.enum(['break', 'cap', 'bedtime']), until: z.number(), override: z.literal(true).optional() }) satisfies z.ZodType<RevealLock>;

const guardWindowSchema = z.object({ evening: z.string(), start: z.number(), bedtime: z.number(), end: z.number() }) satisfies z.ZodType<GuardWindow>;

/** Every kind of media item that can be revealed (audio has no picture to reveal). */
const revealedKindSchema = z.enum(['image', 'video', 'canvas', 'embed', 'frame', 'background']) satisfies z.ZodType<Exclude<MediaKind, 'audio'>>;

const dayStatsSchema = z.object({
  day: z.string(),
  exposure: z.number(),
  late: z.number(),
  reveals: z.number().int(),
  revealSeconds: z.number(),
  prompted: z.number().int(),
  taken: z.number().int(),
  postponed: z.number().int(),
  checkIn: z.number().nullable(),
  checkIns: z.number().int(),
  overrides: z.number().int(),
}) satisfies z.ZodType<DayStats>;
const signalSchema = z.discriminatedUnion('id', [
  z.object({ id: z.literal('week-above-average'), weekSeconds: z.number(), averageSeconds: z.number() }),
  z.object({ id: z.literal('late-nights'), nights: z.number().int() }),
  z.object({ id: z.literal('breaks-postponed'), postponed: z.number().int(), prompted: z.number().int() }),
  z.object({ id: z.literal('no-day-off'), days: z.number().int() }),
]) satisfies z.ZodType<Signal>;

const text = z.string().max(1000);
/** Every word the page shield shows, translated by the background (utils/core/shield/texts.ts). */
const shieldTextsSchema = z.object({
  lang: z.string().max(35),
  dir: z.enum(['ltr', 'rtl']),
  coveredDescription: text,
  kinds: z.object({ image: text, video: text, audio: text, canvas: text, embed: text, frame: text, background: text }),
  size: text,
  steps: z.object({ blur: text, outline: text, full: text }),
  cover: text,
  enlarge: text,
  makeSmaller: text,
  soundOn: text,
  soundOff: text,
  play: text,
  pause: text,
  region: text,
  reviewed: text,
  colleagueReviewed: text,
  markReviewed: text,
  editNote: text,
  noteLabel: text,
  save: text,
  cancel: text,
  askOverride: text,
  notesLocked: text,
  unlockNotes: text,
  viewer: z.object({ open: text, title: text, grey: text, small: text, large: text, mirror: text, zoomIn: text, zoomOut: text, close: text, choose: text, notLoaded: text }),
  storyboard: z.object({ open: text, label: text, hint: text, close: text, frame: text, covered: text, goTo: text, unavailable: text }),
  keys: z.object({ label: text, step: text, cover: text, peek: text, size: text, reviewed: text, note: text, sound: text, frames: text, speed: text, viewer: text, storyboard: text }),
}) satisfies z.ZodType<ShieldTexts>;

/** A lock as a protected page is told it: with what its card says, translated, the time written. */
const pageLockSchema = lockSchema.extend({ text: text.nullable() });

const shieldHelloReply = z.object({
  flagged: z.boolean(),
  /** Whether the person keeps any notes or colleagues' marks at all; without any, pages need not look notes up. */
  hasNotes: z.boolean(),
  /** Reveals are locked now (the page keeps everything covered until `until`). */
  lock: pageLockSchema.nullable(),
  /** The effective reveal settings: the person's, with the team policy's floors. */
  settings: shieldSettingsSchema,
  /**
   * Every word the page shows, in the person's language: the page's first translated string
   * would otherwise load a whole catalogue into it (about 13 ms per page).
   */
  texts: shieldTextsSchema,
});

const mediaAddress = z.string().url().max(2048);
/** A private note on one item and whether it has been reviewed; empty and unreviewed erases it. */
const noteSchema = z.object({ address: mediaAddress, note: z.string().max(2000), reviewed: z.boolean() });
/** An item colleagues marked reviewed, by the address the page asked about, with the notes they shared. */
const colleagueMarkSchema = z.object({ address: mediaAddress, notes: z.array(z.string().max(MARK_NOTE_MAX)).max(10) }) satisfies z.ZodType<ColleagueMark>;

export const messageSpecs = {
  /** Liveness and version; lets a page show whether the background answers. */
  ping: {
    payload: z.object({ echo: z.string().max(200) }).strict(),
    /** `records`: whether Gauze can read its local database now (false: the person is told). */
    reply: z.object({ echo: z.string(), version: z.string(), records: z.boolean() }),
    from: ['page', 'content'],
  },
  /** What Gauze keeps on this computer, for Settings' "Your data" section. */
  'storage/summary': {
    payload: z.object({}).strict(),
    reply: z.object({
      schemaVersion: z.number().int(),
      installedAt: z.number().nullable(),
      stores: z.array(z.object({ name: z.string(), count: z.number().int() })),
      /** The same in the person's terms, for "Your data". */
      facts: z.object({
        exposureDays: z.number().int(),
        sites: z.number().int(),
        reveals: z.number().int(),
        notes: z.number().int(),
        sharedMarks: z.number().int(),
        checkIns: z.number().int(),
        memos: z.number().int(),
        answers: z.number().int(),
        breaks: z.number().int(),
        overrides: z.number().int(),
      }),
    }),
    from: ['page'],
  },
  /** The flagged-site list, for options and the popup. */
  'sites/list': {
    payload: z.object({}).strict(),
    reply: z.object({ entries: z.array(siteEntrySchema) }),
    from: ['page'],
  },
  /** Flags a site typed by the person, or every host of one suggestion. */
  'sites/flag': {
    payload: z.union([
      z.object({ input: z.string().min(1).max(300), subdomains: z.boolean().optional() }).strict(),
      z.object({ suggestion: z.string().min(1).max(40) }).strict(),
    ]),
    reply: z.object({ entries: z.array(siteEntrySchema) }),
    from: ['page'],
  },
  /** Unflags sites the person flagged; a team's sites stay. Only from Gauze's own pages. */
  'sites/unflag': {
    payload: z.object({ hosts: z.array(hostSchema).min(1).max(50) }).strict(),
    reply: z.object({ entries: z.array(siteEntrySchema) }),
    from: ['page'],
  },
  /** Whether a host is flagged, and by which entry. */
  'sites/match': {
    payload: z.object({ hostname: z.string().max(253) }).strict(),
    reply: z.object({ entry: siteEntrySchema.nullable() }),
    from: ['page'],
  },
  /** A protected frame starting up: is its site (still) flagged, and with which settings? */
  'shield/hello': {
    payload: z.object({}).strict(),
    reply: shieldHelloReply,
    from: ['content'],
  },
  /** Which of these frames of the sender's tab show a document Gauze protects now (asked by a flagged page about its frames). */
  'shield/frames': {
    payload: z.object({ frameIds: z.array(z.number().int().nonnegative()).max(64) }).strict(),
    reply: z.object({ protected: z.array(z.number().int().nonnegative()) }),
    from: ['content'],
  },
  /** The sending frame's protected document is going away (navigating, or closed). */
  'shield/leaving': {
    payload: z.object({}).strict(),
    reply: z.object({}),
    from: ['content'],
  },
  /** Whether the person has sound on for any item in this frame (sent when it changes): the tab's mute follows. */
  'shield/sound': {
    payload: z.object({ on: z.boolean() }).strict(),
    reply: z.object({}),
    from: ['content'],
  },
  /** A revealed item was covered again: its kind, how long it was visible, the furthest view seen. No address. */
  'shield/revealed': {
    payload: z.object({ kind: revealedKindSchema, seconds: z.number().int().min(0).max(86_400), view: z.enum(revealViews) }).strict(),
    reply: z.object({}),
    from: ['content'],
  },
  /** Media started or stopped playing in a protected tab (watching without input is exposure). */
  'exposure/media': {
    payload: z.object({ playing: z.boolean() }).strict(),
    reply: z.object({}),
    from: ['content'],
  },
  /** Today's exposure (the local exposure day, which starts at the rollover hour). */
  'exposure/today': {
    payload: z.object({}).strict(),
    reply: z.object({ day: z.string(), seconds: z.number().int().nonnegative(), running: z.boolean() }),
    from: ['page'],
  },
  /** The person's break rules: read them, or set them (validated, field by field). */
  'breaks/rules': {
    payload: z.object({ rules: breakRulesSchema.optional() }).strict(),
    reply: z.object({ rules: breakRulesSchema }),
    from: ['page'],
  },
  /** How long until the next break, counting exposure time (null kind: the earliest of either). */
  'breaks/next': {
    payload: z.object({}).strict(),
    reply: z.object({ kind: z.enum(['pause', 'break']).nullable(), inSeconds: z.number().int().nonnegative() }).nullable(),
    from: ['page'],
  },
  /** The person's daily limits and strict breaks: read them, or set them; and the lock in force now. */
  limits: {
    payload: z.object({ limits: limitsSchema.optional() }).strict(),
    reply: z.object({ limits: limitsSchema, lock: lockSchema.nullable() }),
    from: ['page'],
  },
  /** The dashboard's figures for the last `days` exposure days (see utils/core/dashboard). */
  'dashboard/data': {
    payload: z.object({ days: z.number().int().min(1).max(400) }).strict(),
    reply: z.object({
      days: z.array(dayStatsSchema),
      reveals: z.array(z.object({ kind: z.string(), count: z.number().int(), seconds: z.number() })),
      /** Reveals by the furthest view seen (reveals recorded before views were are not in it). */
      views: z.array(z.object({ view: z.enum(revealViews), count: z.number().int() })),
      signals: z.array(signalSchema),
    }),
    from: ['page'],
  },
  /** A private check-in: a 0–10 self-rating and an optional note. */
  'checkins/add': {
    payload: z.object({ rating: z.number().int().min(0).max(10), note: z.string().max(1000) }).strict(),
    reply: z.object({}),
    from: ['page'],
  },
  /** Encryption at rest: on or off, open or locked, required by the team, the idle minutes. */
  'vault/status': {
    payload: z.object({}).strict(),
    reply: vaultStatusSchema,
    from: ['page'],
  },
  /** Turns encryption on with a passphrase (at least ten characters). */
  'vault/enable': {
    payload: z.object({ passphrase: passphraseSchema }).strict(),
    reply: vaultStatusSchema,
    from: ['page'],
  },
  'vault/unlock': {
    payload: z.object({ passphrase: z.string().min(1).max(1000) }).strict(),
    reply: z.object({ unlocked: z.boolean() }),
    from: ['page'],
  },
  'vault/lock': {
    payload: z.object({}).strict(),
    reply: vaultStatusSchema,
    from: ['page'],
  },
  /** A new passphrase: the data key is wrapped again; no record is re-encrypted. */
  'vault/change': {
    payload: z.object({ passphrase: z.string().min(1).max(1000), next: passphraseSchema }).strict(),
    reply: z.object({ changed: z.boolean() }),
    from: ['page'],
  },
  'vault/disable': {
    payload: z.object({ passphrase: z.string().min(1).max(1000) }).strict(),
    reply: z.object({ disabled: z.boolean() }),
    from: ['page'],
  },
  /** From a card whose notes are locked: opens Gauze's own page to unlock (never a field in the web page). */
  'vault/open-unlock': {
    payload: z.object({}).strict(),
    reply: z.object({}),
    from: ['page', 'content'],
  },
  /** A note to self (the bedtime page): private, kept like a check-in's note. */
  'memos/add': {
    payload: z.object({ text: z.string().trim().min(1).max(2000) }).strict(),
    reply: z.object({}),
    from: ['page'],
  },
  /** The latest notes to self, newest first, for the dashboard. */
  'memos/latest': {
    payload: z.object({}).strict(),
    reply: z.object({ memos: z.array(z.object({ at: z.number(), text: z.string() })) }),
    from: ['page'],
  },
  /** The organisation's questionnaires in force, and the person's latest answers' scores. */
  questionnaires: {
    payload: z.object({}).strict(),
    reply: z.object({
      questionnaires: z.array(questionnaireSchema),
      results: z.array(z.object({ questionnaire: z.string(), title: z.string(), at: z.number(), score: z.number(), band: z.string().nullable() })),
      /** Encryption is on and locked: earlier results are not shown until the passphrase is given. */
      locked: z.boolean().optional(),
    }),
    from: ['page'],
  },
  /** One set of answers to a questionnaire in force: every item, once, on its scale. Stored with its score. */
  'questionnaires/answer': {
    payload: z.object({ questionnaire: z.string().max(40), answers: z.record(z.string().max(40), z.number().int()) }).strict(),
    reply: z.object({ score: z.number(), band: z.string().nullable() }),
    from: ['page'],
  },
  /** The bedtime guard: read or set the schedule; where the guard is now; overrides left this week. */
  bedtime: {
    payload: z.object({ bedtime: bedtimeSchema.optional() }).strict(),
    reply: z.object({
      bedtime: bedtimeSchema,
      phase: z.enum(['off', 'wind-down', 'night']),
      current: guardWindowSchema.nullable(),
      next: guardWindowSchema.nullable(),
      overrideUntil: z.number().nullable(),
      overridesLeft: z.number().int(),
    }),
    from: ['page'],
  },
  /** "I need more time": opens the guard for a while, with a typed reason (recorded), if overrides are left. */
  'bedtime/override': {
    payload: z.object({ reason: z.string().trim().min(10).max(500) }).strict(),
    reply: z.object({ granted: z.boolean(), until: z.number().nullable(), reason: z.enum(['not-in-window', 'none-left']).nullable() }),
    from: ['page'],
  },
  /** From a covered item's card during the gentle guard: open the page where an override is asked for. */
  'bedtime/ask': {
    payload: z.object({}).strict(),
    reply: z.object({}),
    from: ['content'],
  },
  /** The team policy in force, where it came from, and the floors it sets. */
  'policy/status': {
    payload: z.object({}).strict(),
    reply: z.object({
      active: z
        .object({
          teams: z.array(z.object({ name: z.string(), contact: z.string().optional(), source: z.enum(['file', 'managed']) })),
          retentionDays: z.number().nullable(),
          encryptionRequired: z.boolean(),
          questionnaires: z.array(z.string()),
          sites: z.array(z.string()),
        })
        .nullable(),
      floors: z.record(z.string(), z.record(z.string(), z.unknown())),
      file: z.object({ team: z.string(), at: z.number() }).nullable(),
      /** Stored policies this version cannot read: not applied, reported, and the team's sites kept. */
      damaged: z.array(z.object({ source: z.enum(['file', 'managed']), at: z.number(), problems: z.array(problemSchema) })),
      managed: z
        .object({
          state: z.enum(['ok', 'empty', 'invalid', 'unavailable']),
          checkedAt: z.number(),
          errors: z.array(z.string()),
          problems: z.array(problemSchema).optional(),
          lastKnownGood: z.object({ team: z.string(), at: z.number() }).nullable(),
        })
        .nullable(),
    }),
    from: ['page'],
  },
  /** Imports a policy file's text. A malformed file gets one line per bad field, and nothing changes. */
  'policy/import': {
    payload: z.object({ text: z.string().max(POLICY_MAX_CHARACTERS) }).strict(),
    reply: z.object({ imported: z.boolean(), errors: z.array(z.string()), problems: z.array(problemSchema), upgradedFrom: z.number().nullable() }),
    from: ['page'],
  },
  /** Removes the imported policy file (a managed policy stays: only the administrator can change it). */
  'policy/remove': {
    payload: z.object({}).strict(),
    reply: z.object({}),
    from: ['page'],
  },
  /** The person's reveal settings: read them (effective), or set them (a field looser than the team's is refused). */
  'shield/settings': {
    payload: z.object({ settings: shieldSettingsSchema.optional() }).strict(),
    reply: z.object({ settings: shieldSettingsSchema }),
    from: ['page'],
  },
  /** Postpone the break that is due (limited in number and length by the rules). */
  'breaks/postpone': {
    payload: z.object({}).strict(),
    reply: z.object({ postponed: z.boolean() }),
    from: ['page'],
  },
  /** Everything Gauze stored, as the export file (Settings, "Your data"). */
  'data/export': {
    payload: z.object({}).strict(),
    reply: exportSchema,
    from: ['page'],
  },
  /** Erases everything Gauze stored. The payload is the confirmation the person gave. */
  'data/erase': {
    payload: z.object({ confirm: z.literal('erase everything') }).strict(),
    reply: z.object({ erased: z.literal(true) }),
    from: ['page'],
  },
  /** Cover everything and turn every sound off, in every tab (panic; also the keyboard command). */
  'shield/panic': {
    payload: z.object({}).strict(),
    reply: z.object({ tabs: z.number().int() }),
    from: ['page'],
  },
  /** "Reveal all on this page": only from Gauze's popup, never from a page. */
  'shield/reveal-all': {
    payload: z.object({ tabId: z.number().int().nonnegative() }).strict(),
    reply: z.object({}),
    from: ['page'],
  },
  /** Notes and reviewed marks for media addresses on a page (stored under a keyed hash). */
  'notes/lookup': {
    payload: z.object({ addresses: z.array(mediaAddress).max(200) }).strict(),
    /**
     * `locked`: encryption is on and the records are locked, so no note can be read now.
     * `colleagues`: items colleagues marked reviewed (imported shared marks), with the notes they shared.
     */
    reply: z.object({ notes: z.array(noteSchema), colleagues: z.array(colleagueMarkSchema).optional(), locked: z.boolean().optional() }),
    from: ['content', 'page'],
  },
  'notes/put': {
    payload: noteSchema.strict(),
    reply: z.object({}),
    // The demo case file (an extension page) keeps notes as a flagged site does.
    from: ['content', 'page'],
  },
  /**
   * Sharing reviewed marks with the team (Settings): whether the team policy has a marks key, how
   * many of the person's reviewed items can be shared (none can be read while the records are
   * locked), how many colleagues' items are imported.
   */
  'marks/status': {
    payload: z.object({}).strict(),
    reply: z.object({ key: z.boolean(), locked: z.boolean(), shareable: z.number().int(), imported: z.number().int() }),
    from: ['page'],
  },
  /** The person's shared-marks file: reviewed items only, notes only if they chose to include them. */
  'marks/share': {
    payload: z.object({ includeNotes: z.boolean() }).strict(),
    reply: z.object({ file: sharedMarksFileSchema }),
    from: ['page'],
  },
  /** Imports a colleague's shared-marks file. A bad file or another team's is refused in words, and nothing changes. */
  'marks/import': {
    payload: z.object({ text: z.string().max(SHARED_MARKS_MAX_CHARACTERS) }).strict(),
    reply: z.object({ imported: z.boolean(), marks: z.number().int(), added: z.number().int(), problems: z.array(problemSchema) }),
    from: ['page'],
  },
} as const satisfies Record<string, MessageSpec>;

export type MessageType = keyof typeof messageSpecs;
export type Payload<T extends MessageType> = z.infer<(typeof messageSpecs)[T]['payload']>;
export type Reply<T extends MessageType> = z.infer<(typeof messageSpecs)[T]['reply']>;

const messageTypes = Object.keys(messageSpecs) as [MessageType, ...MessageType[]];
const envelopeSchema = z.object({ type: z.enum(messageTypes), payload: z.unknown() }).strict();

export type Envelope = { type: MessageType; payload: unknown };
export type Answer<R = unknown> = { ok: true; reply: R } | { ok: false, error: string };

/** What the receiver knows about who sent a message (plain data, taken from runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  url?: string;
  hasTab: boolean;
  /** The sending frame's tab and its top-level address, for content scripts. */
  tabId?: number;
  /** The sending frame within its tab (0 is the top frame). */
  frameId?: number;
  tabUrl?: string;
}

/**
 * Only this extension may talk to the background. Extension pages are recognised by their origin
 * (they also have a tab when opened in one); anything else from a tab is a content script.
 */
export function classifySender(sender: SenderInfo, extensionId: string, extensionOrigin: string): SenderKind | null {
  if (sender.id !== extensionId) return null;
  if (sender.url?.startsWith(extensionOrigin)) return 'page';
  return sender.hasTab ? 'content' : null;
}

export type Handlers = {
  [T in MessageType]?: (payload: Payload<T>, from: SenderKind, sender: SenderInfo) => Promise<Reply<T>> | Reply<T>;
};

export interface RouterOptions {
  extensionId: string;
  extensionOrigin: string;
  handlers: Handlers;
  onRejected?: (reason: string) => void;
}

/**
 * The receiving end: validates the envelope and payload, checks the sender, runs the handler and
 * validates its reply. Always answers with an Answer, never throws, so a bad message gets a clear
 * error and changes nothing.
 */
export function createMessageRouter({ extensionId, extensionOrigin, handlers, onRejected }: RouterOptions) {
  return async function route(raw: unknown, sender: SenderInfo): Promise<Answer> {
    const reject = (error: string): Answer => {
      onRejected?.(error);
      return { ok: false, error };
    };
    const from = classifySender(sender, extensionId, extensionOrigin);
    if (!from) return reject('message rejected: the sender is not part of Gauze');
    let envelope: Envelope;
    let payload: unknown;
    try {
      envelope = parseOrThrow(envelopeSchema, raw, 'message');
      const spec: MessageSpec = messageSpecs[envelope.type];
      if (!spec.from.includes(from)) return reject(`message.type: "${envelope.type}" may not be sent from a ${from === 'page' ? 'page' : 'content script'}`);
      payload = parseOrThrow(spec.payload, envelope.payload, 'message.payload');
    } catch (error) {
      return reject(error instanceof ValidationError ? error.message : String(error));
    }
    const handler = handlers[envelope.type] as ((p: unknown, f: SenderKind, s: SenderInfo) => unknown) | undefined;
    if (!handler) return reject(`message.type: "${envelope.type}" has no handler in the background`);
    try {
      const reply = parseOrThrow(messageSpecs[envelope.type].reply as z.ZodType, await handler(payload, from, sender), 'reply');
      return { ok: true, reply };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
}
