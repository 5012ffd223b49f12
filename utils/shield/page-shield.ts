import { describeMedia } from './label';
import { nextStep, type RevealStep } from './ladder';
import { ATTR, isCovered, MEDIA_SELECTOR, mediaAddress, mediaKind, SOUND_SELECTOR, type MediaKind } from './media';
import { installOutlineFilter } from './outline-filter';
import { createRevealCard, type CardText } from './reveal-card';
import type { ShieldSettings } from './defaults';
import type { PageLockReason, RevealLock } from '../limits/lock';

/** A lock in a page: one the background told, or the page's own until the background answers. */
export type PageLock = Omit<RevealLock, 'reason'> & { reason: PageLockReason };
import { createSoundGuard } from './sound-guard';

export interface PageShieldOptions {
  /** Until the background answers, the defaults (the background then sends the effective settings). */
  settings: ShieldSettings;
  /**
   * The page's writing direction for Gauze's card, and the description screen readers hear on
   * every covered item. Functions, read when first needed: in a content script the first
   * translated string loads the whole catalogue (about 13 ms), which must not happen at
   * document start on every flagged page.
   */
  dir(): 'ltr' | 'rtl';
  coveredDescription(): string;
  /** Translated strings for an item's card. */
  cardText(kind: MediaKind, description: ReturnType<typeof describeMedia>): CardText;
  /** What a covered item's card says while reveals are locked. */
  lockText(lock: PageLock): string;
  /** Opens the page where the person may ask for more time (the bedtime guard). */
  askOverride(): void;
  /** Called when a revealed item is covered again, with how long it was visible. */
  onRevealEnded(kind: MediaKind, seconds: number): void;
  /** Called when the person turns sound on for a first item on the page, or the last one's sound goes off. */
  onSoundChanged(on: boolean): void;
  /** Called when media starts playing on the page, or the last playing one stops. */
  onPlayingChanged(playing: boolean): void;
  now(): number;
  /** Reaches a shadow root, closed ones too (a content-script-only browser API). */
  shadowRootOf(host: Element): ShadowRoot | null;
  /** Private notes and reviewed marks, kept by the background under a keyed hash of the address. */
  notes: {
    lookup(addresses: string[]): Promise<Array<{ address: string; note: string; reviewed: boolean }>>;
    put(address: string, note: string, reviewed: boolean): Promise<void>;
  };
}

const ITEM_SELECTOR = `${MEDIA_SELECTOR}, [${ATTR.background}]`;
const URGENT_SELECTOR = `iframe, frame, ${SOUND_SELECTOR}, [${ATTR.host}]`;
/** How long a step asked for before the background answered is kept (a later reveal would surprise). */
const WAITING_MS = 3000;
const idle = (work: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(work, { timeout: 1000 }) : setTimeout(work, 50);

/**
 * Gauze's script on a flagged page. The stylesheet already covers every item before first paint;
 * this adds what a stylesheet cannot: sound held off, icons released once their size is known,
 * placeholders for inline background images, the reveal ladder with its card, and re-covering.
 * Work at page load is per batch of mutations, not per element; the rest waits for idle time.
 */
export function startPageShield(doc: Document, options: PageShieldOptions) {
  let settings = options.settings;
  /** The ladder in force: "cover" and the steps the settings allow, in the ladder's order. */
  const allowedSteps = () => settings.allowedSteps as readonly RevealStep[];
  /** What Gauze set on each element: the truth the tamper guard restores attributes to. */
  const steps = new WeakMap<Element, RevealStep>();
  const exempt = new WeakSet<Element>();
  const backgrounds = new WeakSet<Element>();
  const innerFrames = new WeakSet<Element>();
  /** Frames between a change of address and the load of their new document. */
  const navigatingFrames = new WeakSet<Element>();
  let askFrame: (frame: Element) => void = () => {};
  const revealed = new Set<Element>();
  const roots = new Set<ShadowRoot>();
  const revealedAt = new WeakMap<Element, number>();
  const awayTimers = new Map<Element, ReturnType<typeof setTimeout>>();
  const stoppers: Array<() => void> = [];
  let hovered: Element | null = null;
  let stopped = false;
  /** Reveals locked (a strict break, the daily cap, bedtime) until a time; told by the background. */
  let lock: PageLock | null = null;
  const locked = () => lock !== null && options.now() < lock.until;
  /**
   * A deliberate step (click, Enter) asked for before the background has answered: a worker
   * waking from sleep can take a moment, and that first click should not be silently lost. Kept
   * briefly and taken only if the answer unlocks reveals.
   */
  let waiting: { item: Element; at: number } | null = null;

  /** Notes known for addresses on this page (only those that have one). */
  const notes = new Map<string, { note: string; reviewed: boolean }>();
  const asked = new Set<string>();
  const toAsk: string[] = [];
  let askTimer: ReturnType<typeof setTimeout> | undefined;
  /** Until the background says the person keeps notes, nothing is looked up (most pages, most people). */
  let notesWanted: boolean | null = null;
  const waitingForNotes: string[] = [];
  function askNotes(address: string): void {
    if (notesWanted === false) return;
    if (notesWanted === null) {
      waitingForNotes.push(address);
      return;
    }
    if (asked.has(address)) return;
    asked.add(address);
    toAsk.push(address);
    askTimer ??= setTimeout(flushNotes, 200);
  }
  function flushNotes(): void {
    askTimer = undefined;
    const batch = toAsk.splice(0, 200);
    if (toAsk.length) askTimer = setTimeout(flushNotes, 200);
    void options.notes.lookup(batch).then((found) => {
      for (const { address, note, reviewed } of found) notes.set(address, { note, reviewed });
      if (found.length) markReviewed();
    }, () => undefined);
  }
  /** Reviewed items carry a quiet mark on their cover, so a person need not open them again. */
  function markReviewed(): void {
    for (const scope of [doc, ...roots])
      for (const item of scope.querySelectorAll(ITEM_SELECTOR)) {
        const address = mediaAddress(item);
        const reviewed = !!address && notes.get(address)?.reviewed === true;
        if (reviewed !== item.hasAttribute(ATTR.reviewed)) item.toggleAttribute(ATTR.reviewed, reviewed);
      }
  }

  const sound = createSoundGuard((media) => (steps.get(media) ?? 'cover') !== 'cover', options.onSoundChanged);
  const card = createRevealCard(doc, options.dir);

  // ---- reveal state -------------------------------------------------------------------------

  /** One deliberate step forward on the ladder the settings allow. */
  function stepForward(item: Element): void {
    if (lock?.reason === 'unavailable' && locked()) waiting = { item, at: options.now() };
    setStep(item, nextStep(steps.get(item) ?? 'cover', allowedSteps()));
  }

  function setStep(item: Element, step: RevealStep): void {
    if (step !== 'cover' && locked()) {
      if (card.visible) showCard(item);
      return;
    }
    const before = steps.get(item) ?? 'cover';
    if (step === 'outline') installOutlineFilter(doc);
    if (step === 'cover') {
      steps.delete(item);
      item.removeAttribute(ATTR.view);
      clearAway(item);
      if (revealed.delete(item)) {
        observers.visibility.unobserve(item);
        const since = revealedAt.get(item) ?? options.now();
        options.onRevealEnded(mediaKind(item) ?? 'image', Math.max(0, Math.round((options.now() - since) / 1000)));
      }
      if (item instanceof HTMLMediaElement) {
        sound.setSound(item, false);
        if (!item.paused) item.pause();
      }
    } else {
      steps.set(item, step);
      item.setAttribute(ATTR.view, step);
      if (!revealed.has(item)) {
        revealed.add(item);
        revealedAt.set(item, options.now());
        observers.visibility.observe(item);
      }
      if (item instanceof HTMLMediaElement && before === 'cover') sound.released(item);
      scheduleAway(item);
    }
    if (card.visible && (hovered === item || doc.activeElement === item)) showCard(item);
  }

  /** Pointing at an item, or keyboard focus on it, is looking; focus left by a click is not. */
  let lastInput: 'pointer' | 'keyboard' = 'pointer';
  const lookingAt = (item: Element) => hovered === item || (doc.activeElement === item && lastInput === 'keyboard');

  function scheduleAway(item: Element): void {
    clearAway(item);
    if (lookingAt(item) || !revealed.has(item)) return;
    awayTimers.set(item, setTimeout(() => setStep(item, 'cover'), settings.recoverAfterSeconds * 1000));
  }
  function clearAway(item: Element): void {
    const timer = awayTimers.get(item);
    if (timer !== undefined) clearTimeout(timer);
    awayTimers.delete(item);
  }

  // ---- finding items ------------------------------------------------------------------------

  /** Immediate, per mutation batch: only what must happen before the next frame (sound, roots). */
  function adopt(element: Element): void {
    urgent(element);
    if (element.firstElementChild) for (const inner of element.querySelectorAll(URGENT_SELECTOR)) urgent(inner);
    pending.push(element);
    scheduleIdle();
  }
  /** Frames, sound and shadow roots cannot wait for idle time. One selector query per insertion. */
  function urgent(element: Element): void {
    switch (element.localName) {
      case 'iframe':
      case 'frame':
        frameNavigates(element);
        break;
      case 'video':
      case 'audio':
        sound.guard(element as HTMLMediaElement);
        break;
    }
    if (element.shadowRoot || element.hasAttribute(ATTR.host)) watchRoot(element);
  }

  /** A shadow root is a document of its own for observers and media events. */
  function watchRoot(host: Element): void {
    const root = host.shadowRoot ?? options.shadowRootOf(host);
    if (!root || roots.has(root)) return;
    roots.add(root);
    observers.mutations.observe(root, observed);
    stoppers.push(sound.watch(root));
    for (const child of root.children) adopt(child);
  }

  /** Idle time: icons, inline backgrounds, keyboard access. */
  const pending: Element[] = [];
  let idleScheduled = false;
  function scheduleIdle(): void {
    if (idleScheduled || stopped) return;
    idleScheduled = true;
    idle(processPending);
  }
  /** Items found but not yet prepared; a big insertion is spread over several idle periods. */
  const found: Element[] = [];
  function processPending(): void {
    idleScheduled = false;
    const started = performance.now();
    const inBudget = () => performance.now() - started < 6;
    while (pending.length && inBudget()) {
      const root = pending.shift()!;
      if (!root.isConnected) continue;
      if (root.matches(ITEM_SELECTOR)) found.push(root);
      found.push(...root.querySelectorAll(ITEM_SELECTOR));
      for (const inline of [root, ...root.querySelectorAll('[style*="url("]')]) {
        if (inline instanceof HTMLElement && /url\(/.test(inline.style.backgroundImage) && !inline.matches(MEDIA_SELECTOR)) {
          backgrounds.add(inline);
          inline.setAttribute(ATTR.background, '');
          found.push(inline);
        }
      }
    }
    let index = 0;
    while (index < found.length && (index % 64 !== 0 || inBudget())) prepare(found[index++]!);
    found.splice(0, index);
    if (pending.length || found.length) scheduleIdle();
  }

  function prepare(item: Element): void {
    const kind = mediaKind(item);
    if (!kind || kind === 'audio') return;
    // Icons are released by size, which only layout knows: ResizeObserver reports it after
    // layout and before paint, so a picture that grows is covered again before it is drawn.
    if (kind === 'image' || kind === 'background' || kind === 'canvas') observers.size.observe(item);
    if (item instanceof HTMLElement && item.tabIndex < 0 && !item.hasAttribute('tabindex')) item.tabIndex = 0;
    // Screen readers keep the page's own name (alt text) and hear that the item is covered.
    if (!item.hasAttribute('aria-description')) item.setAttribute('aria-description', options.coveredDescription());
    if (notesWanted !== false) {
      const address = mediaAddress(item);
      if (address) askNotes(address);
    }
  }

  /** A frame got a new address: covered until its next document, once loaded, says it is safe. */
  function frameNavigates(frame: Element): void {
    innerFrames.delete(frame);
    restore(frame);
    if (navigatingFrames.has(frame)) return;
    navigatingFrames.add(frame);
    frame.addEventListener(
      'load',
      () => {
        navigatingFrames.delete(frame);
        askFrame(frame);
      },
      { once: true },
    );
  }

  // ---- observers ----------------------------------------------------------------------------

  const observers = {
    mutations: new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'childList') {
          for (const node of record.addedNodes) if (node.nodeType === 1 && node !== card.element) adopt(node as Element);
        } else if (record.type === 'attributes') {
          const target = record.target as Element;
          if (record.attributeName === ATTR.host) {
            watchRoot(target);
            continue;
          }
          // A released frame sent to a new address is covered again until that document, too,
          // says Gauze protects it.
          if ((record.attributeName === 'src' || record.attributeName === 'srcdoc') && mediaKind(target) === 'frame') frameNavigates(target);
          else restore(target);
        }
      }
    }),
    size: new ResizeObserver((entries) => {
      for (const { target, borderBoxSize } of entries) {
        const box = borderBoxSize[0];
        const small = !!box && box.inlineSize > 0 && box.blockSize > 0 && box.inlineSize <= settings.iconMaxPixels && box.blockSize <= settings.iconMaxPixels;
        if (small === exempt.has(target)) continue;
        if (small) exempt.add(target);
        else exempt.delete(target);
        restore(target);
      }
    }),
    visibility: new IntersectionObserver((entries) => {
      for (const entry of entries) if (!entry.isIntersecting && revealed.has(entry.target)) setStep(entry.target, 'cover');
    }),
  };

  /** Puts back Gauze's marks if anything else changed them (a page cannot uncover an item). */
  function restore(element: Element): void {
    const want = {
      [ATTR.view]: steps.get(element) ?? null,
      [ATTR.ok]: exempt.has(element) ? '' : null,
      [ATTR.background]: backgrounds.has(element) ? '' : null,
      [ATTR.frame]: innerFrames.has(element) ? 'inner' : null,
    };
    for (const [name, value] of Object.entries(want)) {
      if (element.getAttribute(name) === value) continue;
      if (value === null) element.removeAttribute(name);
      else element.setAttribute(name, value);
    }
  }

  // ---- the person's gestures ----------------------------------------------------------------

  function itemFrom(event: Event, x?: number, y?: number): Element | null {
    for (const node of event.composedPath()) {
      if (node instanceof Element && isItem(node)) return node;
      if (node === doc.body) break;
    }
    if (x === undefined || y === undefined) return null;
    return itemAt(doc, x, y, 0);
  }
  /** The topmost item under a point, looking into shadow roots (closed ones too). */
  function itemAt(scope: Document | ShadowRoot, x: number, y: number, depth: number): Element | null {
    for (const element of scope.elementsFromPoint(x, y)) {
      if (isItem(element)) return element;
      const root = depth < 8 && element !== (scope as ShadowRoot).host ? (element.shadowRoot ?? (element.hasAttribute(ATTR.host) ? options.shadowRootOf(element) : null)) : null;
      const inner = root ? itemAt(root, x, y, depth + 1) : null;
      if (inner) return inner;
    }
    return null;
  }
  const isItem = (element: Element) => mediaKind(element) !== null && mediaKind(element) !== 'audio' && !exempt.has(element) && element.getAttribute(ATTR.frame) !== 'inner';

  function showCard(item: Element): void {
    const kind = mediaKind(item) ?? 'image';
    const current = steps.get(item) ?? 'cover';
    card.show(item.getBoundingClientRect(), options.cardText(kind, describeMedia(item, kind)), {
      current,
      allowed: allowedSteps(),
      locked: lock && locked() ? options.lockText(lock) : null,
      sound: item instanceof HTMLVideoElement && current !== 'cover' && settings.soundAllowed ? sound.hasSound(item) : null,
    }, {
      step: (step) => setStep(item, step),
      askOverride: lock?.override && locked() ? options.askOverride : undefined,
      sound: (on) => {
        if (item instanceof HTMLMediaElement) sound.setSound(item, on);
        showCard(item);
      },
      note: noteActions(item),
    });
  }

  function noteActions(item: Element) {
    const address = mediaAddress(item);
    if (!address) return undefined;
    const known = notes.get(address);
    return {
      text: known?.note ?? '',
      reviewed: known?.reviewed ?? false,
      save: (note: string, reviewed: boolean) => {
        notesWanted = true;
        const fromCard = doc.activeElement === card.element;
        if (note.trim() || reviewed) notes.set(address, { note: note.trim(), reviewed });
        else notes.delete(address);
        markReviewed();
        showCard(item);
        // Back to the item after editing in the card, for keyboard users.
        if (fromCard) (item as HTMLElement).focus?.();
        void options.notes.put(address, note, reviewed).catch(() => undefined);
      },
    };
  }

  const onClick = (event: MouseEvent) => {
    if (!event.isTrusted || card.contains(event)) return;
    const item = itemFrom(event, event.clientX, event.clientY);
    if (!item || !isCovered(item)) return;
    // A covered item takes the click for itself: one deliberate step, and the page never sees it.
    event.preventDefault();
    event.stopImmediatePropagation();
    stepForward(item);
    showCard(item);
  };

  // Pointer moves are handled once a frame, at the latest position (an event's composed path is
  // gone once it has been dispatched, so the frame looks the item up by position).
  let pointerFrame = 0;
  let pointer = { x: 0, y: 0 };
  const onPointerMove = (event: PointerEvent) => {
    if (card.contains(event)) return;
    pointer = { x: event.clientX, y: event.clientY };
    if (pointerFrame) return;
    pointerFrame = requestAnimationFrame(() => {
      pointerFrame = 0;
      const item = itemAt(doc, pointer.x, pointer.y, 0);
      if (item === hovered) return;
      const left = hovered;
      hovered = item;
      if (left) scheduleAway(left);
      if (item) {
        clearAway(item);
        showCard(item);
      } else if (!(doc.activeElement && isItem(doc.activeElement))) card.hide();
    });
  };

  const onFocusIn = (event: FocusEvent) => {
    const item = event.target instanceof Element && isItem(event.target) ? event.target : null;
    if (item) {
      clearAway(item);
      showCard(item);
    }
  };
  const onFocusOut = (event: FocusEvent) => {
    if (event.target instanceof Element && isItem(event.target)) {
      scheduleAway(event.target);
      if (!card.contains(event) && hovered !== event.target && !(event.relatedTarget && card.element.contains(event.relatedTarget as Node))) card.hide();
    }
  };

  let peeking: Element | null = null;
  const onKeyDown = (event: KeyboardEvent) => {
    if (!event.isTrusted) return;
    lastInput = 'keyboard';
    if (card.contains(event)) return;
    const focused = doc.activeElement && isItem(doc.activeElement) ? doc.activeElement : null;
    const item = focused ?? hovered;
    if (!item) return;
    const current = steps.get(item) ?? 'cover';
    if (focused && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      event.stopImmediatePropagation();
      stepForward(item);
    } else if (event.key === 'Escape' && current !== 'cover') {
      event.preventDefault();
      setStep(item, 'cover');
    } else if (isTyping(doc) || event.ctrlKey || event.metaKey || event.altKey || event.repeat) {
      return;
    } else if (event.key === 'p' || event.key === 'P') {
      // Peek: the first step, only while the key is held.
      if (current !== 'cover') return;
      peeking = item;
      setStep(item, nextStep('cover', allowedSteps()));
    } else if (event.key === 'r' || event.key === 'R') {
      const note = noteActions(item);
      note?.save(note.text, !note.reviewed);
    } else if (event.key === 'n' || event.key === 'N') {
      const note = noteActions(item);
      if (!note) return;
      event.preventDefault();
      showCard(item);
      card.editNote();
    } else if ((event.key === 's' || event.key === 'S') && item instanceof HTMLVideoElement && current !== 'cover' && settings.soundAllowed) {
      sound.setSound(item, !sound.hasSound(item));
      showCard(item);
    } else return;
    event.stopImmediatePropagation();
  };
  const onKeyUp = (event: KeyboardEvent) => {
    if (peeking && (event.key === 'p' || event.key === 'P')) {
      setStep(peeking, 'cover');
      peeking = null;
    }
  };

  /** Media playing now: watching without input is exposure too. */
  const playingMedia = new Set<HTMLMediaElement>();
  const onPlaybackChange = (event: Event) => {
    const media = event.target;
    if (!(media instanceof HTMLMediaElement)) return;
    const before = playingMedia.size > 0;
    if (event.type === 'playing' && !media.paused) playingMedia.add(media);
    else playingMedia.delete(media);
    if (before !== playingMedia.size > 0) options.onPlayingChanged(!before);
  };

  const onVideoPause = (event: Event) => {
    const media = event.target;
    if (media instanceof HTMLVideoElement && revealed.has(media) && !media.ended && media.readyState > 0 && media.getAttribute(ATTR.view)) setStep(media, 'cover');
  };

  // ---- start --------------------------------------------------------------------------------

  const listen = <K extends keyof DocumentEventMap>(type: K, handler: (event: DocumentEventMap[K]) => void, passive = false) => {
    doc.addEventListener(type, handler as EventListener, { capture: true, passive });
    stoppers.push(() => doc.removeEventListener(type, handler as EventListener, { capture: true }));
  };
  listen('click', onClick);
  listen('pointerdown', () => (lastInput = 'pointer'), true);
  listen('pointermove', onPointerMove, true);
  listen('focusin', onFocusIn);
  listen('focusout', onFocusOut);
  listen('keydown', onKeyDown);
  listen('keyup', onKeyUp);
  listen('pause', onVideoPause);
  for (const type of ['playing', 'pause', 'ended', 'emptied'] as const) listen(type, onPlaybackChange);
  stoppers.push(sound.watch(doc));

  const observed: MutationObserverInit = {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: [ATTR.view, ATTR.ok, ATTR.background, ATTR.frame, ATTR.host, 'src', 'srcdoc'],
  };
  observers.mutations.observe(doc, observed);
  if (doc.documentElement) adopt(doc.documentElement);

  return {
    /** Covers every revealed item and turns every sound off (panic, break, bedtime). */
    recoverAll(): void {
      for (const item of [...revealed]) setStep(item, 'cover');
      for (const media of doc.querySelectorAll<HTMLMediaElement>(SOUND_SELECTOR)) {
        sound.setSound(media, false);
        if (!media.paused) media.pause();
      }
    },
    /** The effective settings from the background (the person's, with the team's floors). */
    configure(next: ShieldSettings): void {
      settings = next;
      // The first step's blur, when it differs from the stylesheet's default.
      if (next.blurPixels !== 28) doc.documentElement?.style.setProperty('--gauze-blur', `${next.blurPixels}px`);
      for (const item of [...revealed]) {
        const step = steps.get(item);
        if (step && !next.allowedSteps.includes(step as never)) setStep(item, 'cover');
      }
    },
    /** Whether the person has turned sound on for any item on this page. */
    anySound: () => sound.anySound(),
    /** Locks reveals until a time (covering everything now), or lifts the lock (null). */
    setLock(next: PageLock | null): void {
      lock = next;
      if (locked()) this.recoverAll();
      const asked = waiting;
      waiting = null;
      if (asked && !locked() && asked.item.isConnected && options.now() - asked.at < WAITING_MS && !revealed.has(asked.item)) stepForward(asked.item);
    },
    /** "Reveal all on this page", from the popup only: every item to the last allowed step. */
    revealAll(): void {
      const last = allowedSteps().at(-1) ?? 'cover';
      for (const scope of [doc, ...roots]) for (const item of scope.querySelectorAll(ITEM_SELECTOR)) if (isItem(item)) setStep(item, last);
    },
    /** Frames whose own document Gauze protects item by item are released; others stay covered. */
    frames: {
      protected(frame: Element): void {
        if (navigatingFrames.has(frame)) return;
        innerFrames.add(frame);
        restore(frame);
      },
      leaving(frame: Element): void {
        frameNavigates(frame);
      },
    },
    /** Whether to look notes up for this page's items (the person keeps some). */
    set notesWanted(wanted: boolean) {
      notesWanted = wanted;
      for (const address of waitingForNotes.splice(0)) askNotes(address);
    },
    /** How to ask a frame's document whether it protects itself (set once the link is up). */
    set askFrame(ask: (frame: Element) => void) {
      askFrame = ask;
    },
    /** Stops the script's work; what the stylesheet covers stays covered. */
    stop(): void {
      stopped = true;
      for (const stopper of stoppers) stopper();
      observers.mutations.disconnect();
      observers.size.disconnect();
      observers.visibility.disconnect();
      for (const timer of awayTimers.values()) clearTimeout(timer);
      card.remove();
    },
  };
}

function isTyping(doc: Document): boolean {
  const active = doc.activeElement;
  return !!active && (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement || (active as HTMLElement).isContentEditable);
}

export type PageShield = ReturnType<typeof startPageShield>;
