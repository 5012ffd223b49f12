import type { MediaKind } from './media';
import type { RevealStep, RevealView } from '../core/shield/ladder';
import type { ShieldSettings } from '../core/shield/defaults';
import type { ShieldTexts } from '../core/shield/texts';
import type { PageLockReason } from '../core/limits/lock';
import type { ColleagueMark } from '../core/marks/shared-marks';

/**
 * The page shield is a list of small parts (utils/shield/parts/), each with one job, each started
 * with the same context and stopped by its abort signal. Parts do not call each other: they share
 * the item store (Gauze's own decisions, kept in this script's memory where no page can write)
 * and tell each other things through events.
 */
export interface ShieldPart {
  /** A short name, used when a part fails (its failure is reported; media stays covered). */
  id: string;
  start(context: PartContext): void;
}

/** A lock in a page: one the background told, or the page's own until the background answers. */
export interface PageLock {
  reason: PageLockReason;
  /** When the lock ends (ms since the epoch). */
  until: number;
  /** The person may ask for an override (the bedtime guard). */
  override?: true;
  /** What the card says, translated and with the time written by the background. */
  text: string | null;
}

/** What Gauze has decided about one element. The element's marks are drawn from this. */
export interface Item {
  kind: MediaKind;
  /** The reveal step the person chose; 'cover' unless they chose to look. */
  step: RevealStep;
  /**
   * The picture the step was chosen for (read when the item is first stepped, or its note looked
   * up; for a background, its url() list): a new one starts covered.
   */
  source: string;
  /** An icon (no larger than the icon size, as painted), or a decorative gradient: left alone. */
  harmless: boolean;
  /** Its background picture is covered: a placeholder shows. */
  placeholder: boolean;
  /** Its ::before or ::after shows a picture, which is taken out. */
  pseudo: boolean;
  /** A frame whose own document Gauze protects item by item. */
  innerFrame: boolean;
  reviewed: boolean;
  /** The private note kept for this item's address (null: none, or not looked up). */
  note: string | null;
  /**
   * Colleagues marked this item reviewed (shared marks the person imported): the notes they
   * shared, perhaps none. Null: no colleague's mark, or not looked up. Apart from `reviewed`,
   * which is the person's own.
   */
  colleague: string[] | null;
  /** The person turned this video's or audio's sound on (it is off until they do). */
  sound: boolean;
  /** When the person last stepped it off 'cover' (for the reveal record). */
  revealedAt: number | null;
  /**
   * The small view's scale in percent while it holds the item (null: shown at its own size,
   * because it is covered, enlarged, small enough already, or the small view is off).
   */
  smallScale: number | null;
  /** The person enlarged it out of the small view (until it is covered again). */
  enlarged: boolean;
  /** The furthest view of this reveal so far (null: covered, not yet revealed). */
  furthest: RevealView | null;
  /** Shown in Gauze's viewer with a view chosen: a video may play there, though covered on the page. */
  viewing: boolean;
}

export interface ShieldEvents {
  /** An element is a media item (found, or newly one). */
  item: Element;
  /** An item's picture changed (src, srcset, source, poster, background): it starts covered again. */
  source: Element;
  /** A shadow root to watch like the document. */
  root: ShadowRoot;
  /** A frame element appeared, or was sent to a new address. */
  frame: Element;
  /** A video or audio element appeared. */
  media: HTMLMediaElement;
  /** Elements added to the page (already in the store if they are items). */
  added: Element;
  /** One of Gauze's marks, or an element's style attribute, was changed by someone. */
  attribute: { element: Element; name: string };
  /** An element arrived with a style attribute that says !important. */
  styled: Element;
  /** An item's step changed. */
  step: { item: Element; step: RevealStep; before: RevealStep };
  /** A revealed item was enlarged out of the small view, or made small again. */
  size: Element;
  /** The effective reveal settings changed (told by the background). */
  settings: ShieldSettings;
  /** Reveals were locked or unlocked. */
  lock: PageLock | null;
  /** The pointer or the keyboard focus is on this item now (null: on none). */
  looking: Element | null;
  /** The person asks for an item's sound on or off (its card, or S). */
  'set-sound': { media: HTMLMediaElement; on: boolean };
  /** The person asks to play or pause a revealed video (its card). */
  'set-playing': { media: HTMLMediaElement; playing: boolean };
  /** The person asks for a video's storyboard (its card, or B): a grid of covered frames. */
  storyboard: HTMLVideoElement;
  /** An item's sound or playback changed (its card shows it). */
  'media-changed': HTMLMediaElement;
  /** Whether to look notes up at all: the background says whether the person keeps any. */
  'notes-wanted': boolean;
  /** Gauze's records are locked (encryption on): notes can be neither read nor written now. */
  'notes-locked': boolean;
  /** An item's note or reviewed mark is known or changed. */
  'note-changed': Element;
  /** The person saves a note or a reviewed mark for an item (its card, or R). */
  'save-note': { element: Element; note: string; reviewed: boolean };
  /** The person opens Gauze's viewer for an item (its card, or V). */
  'open-viewer': Element;
  /** The person asks to write a note on an item (N): the card opens its editor. */
  'edit-note': Element;
  /** The translated texts arrived (or changed: another language). */
  texts: null;
  /** The background says whether a frame of this tab shows a document Gauze protects. */
  'frame-state': { frameId: number; inner: boolean };
  /** Cover everything now and turn every sound off (panic, a break, bedtime, a lock). */
  'cover-all': null;
}

type Listener<T> = (value: T) => void;

export interface EventBus {
  on<K extends keyof ShieldEvents>(name: K, listener: Listener<ShieldEvents[K]>, signal: AbortSignal): void;
  emit<K extends keyof ShieldEvents>(name: K, value: ShieldEvents[K]): void;
}

/** Synchronous events: a part's failure in a listener is reported and does not stop the others. */
export function createEventBus(report: (where: string, error: unknown) => void): EventBus {
  const listeners = new Map<keyof ShieldEvents, Set<Listener<never>>>();
  return {
    on(name, listener, signal) {
      if (signal.aborted) return;
      const set = listeners.get(name) ?? listeners.set(name, new Set()).get(name)!;
      set.add(listener as Listener<never>);
      signal.addEventListener('abort', () => set.delete(listener as Listener<never>), { once: true });
    },
    emit(name, value) {
      const set = listeners.get(name);
      if (!set) return;
      // (No copy of the set: listeners are added at start and removed only when the shield stops.)
      for (const listener of set) {
        try {
          (listener as Listener<typeof value>)(value);
        } catch (error) {
          report(`event ${name}`, error);
        }
      }
    },
  };
}

/** The connection to the browser and the background, injected so parts run in a plain test page. */
export interface ShieldEnvironment {
  now(): number;
  /** Reaches a shadow root, closed ones too (content scripts only; tests pass their own). */
  shadowRootOf(host: Element): ShadowRoot | null;
  /** The frame id of a frame element's document (runtime.getFrameId), or null. */
  frameIdOf(frame: Element): number | null;
  send: ShieldMessenger;
  /**
   * What the card says while the background has not answered (so no translated texts came): read
   * from the browser's own catalogue only then, on a click, never at document start.
   */
  unavailableText(): string;
  /** Gauze's own elements live in closed shadow roots; a test may open them to read them. */
  uiShadowMode?: ShadowRootMode;
  /** Reports a part's failure (it is caught; media stays covered). */
  report(where: string, error: unknown): void;
}

/** What the page shield asks of the background (utils/core/messaging.ts has the schemas). */
export interface ShieldMessenger {
  /** `locked`: the records are locked, so nothing could be read (ask again after an unlock). */
  notesLookup(addresses: string[]): Promise<{ notes: Array<{ address: string; note: string; reviewed: boolean }>; colleagues?: ColleagueMark[]; locked?: boolean }>;
  notesPut(address: string, note: string, reviewed: boolean): Promise<void>;
  /** A reveal ended: the item's kind, how long, and the furthest view the person saw. */
  revealed(kind: MediaKind, seconds: number, view: RevealView): void;
  sound(on: boolean): void;
  playing(playing: boolean): void;
  askOverride(): void;
  /** Opens Gauze's own page to unlock the records (never a passphrase field in the web page). */
  openUnlock(): void;
  /** Which of these frames of this tab show a document Gauze protects now. */
  framesProtected(frameIds: number[]): Promise<number[]>;
  /** This document is going away (its parent covers the frame again at once). */
  leaving(): void;
}

export interface PartContext {
  doc: Document;
  signal: AbortSignal;
  env: ShieldEnvironment;
  events: EventBus;
  items: ItemStore;
  /** The effective settings (defaults until the background answers). */
  settings(): ShieldSettings;
  /** Translated texts from the background (null until it answers). */
  texts(): ShieldTexts | null;
  /** Reveals are locked now (no answer yet from the background counts as locked: fail closed). */
  lock(): PageLock | null;
  locked(): boolean;
  /** Every place items live: the document and the shadow roots found so far. */
  scopes(): ReadonlyArray<Document | ShadowRoot>;
  /**
   * Writes an element's marks from the store (the only writer of marks). `force` checks them
   * against the element itself (someone else may have changed them), not against what was drawn.
   */
  mark(element: Element, force?: boolean): void;
  /** The item the person is looking at: pointing at it, or keyboard focus on it. */
  looking(): Element | null;
  /** Gauze's own elements in the page (the card's host): registered by the part that makes them. */
  ui: Set<Element>;
  /** Whether a node is Gauze's own (the card, or inside it). */
  isGauze(node: Node): boolean;
  /** Whether an event happened on Gauze's own elements (the page never sees those). */
  fromGauze(event: Event): boolean;
  /** Asks for one deliberate step forward, or a given step (the ladder decides what is allowed). */
  setStep(item: Element, step: import('../core/shield/ladder').RevealStep | 'next'): void;
  /** Enlarges a revealed item out of the small view (`enlarged`), or makes it small again. */
  setEnlarged(item: Element, enlarged: boolean): void;
}

/** Gauze's decisions per element, in this script's memory. */
export interface ItemStore {
  get(element: Element): Item | undefined;
  /** The element's entry, made with defaults for its kind if there is none. */
  ensure(element: Element, kind: MediaKind): Item;
  /** Every element currently revealed (step other than 'cover'). */
  revealed(): Set<Element>;
  setStep(element: Element, step: RevealStep, now: number): RevealStep;
}

export function createItemStore(): ItemStore {
  const items = new WeakMap<Element, Item>();
  const revealed = new Set<Element>();
  return {
    get: (element) => items.get(element),
    ensure(element, kind) {
      let item = items.get(element);
      if (!item) {
        item = { kind, step: 'cover', source: '', harmless: false, placeholder: false, pseudo: false, innerFrame: false, reviewed: false, note: null, colleague: null, sound: false, revealedAt: null, smallScale: null, enlarged: false, furthest: null, viewing: false };
        items.set(element, item);
      }
      return item;
    },
    revealed: () => revealed,
    setStep(element, step, now) {
      const item = items.get(element);
      if (!item) return 'cover';
      const before = item.step;
      item.step = step;
      if (step === 'cover') {
        revealed.delete(element);
      } else {
        if (before === 'cover') item.revealedAt = now;
        revealed.add(element);
      }
      return before;
    },
  };
}
