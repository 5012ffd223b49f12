import { nextStep } from '../../core/shield/ladder';
import { itemAddress, stepFrames, viewable } from '../media';
import type { PartContext, ShieldPart } from '../part';
import { visibleAt, visibleAtMiddle } from '../visible';

/** The playback speeds < and > step through. */
const SPEEDS = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2] as const;

/** Focus that lands on an item this soon after the person's Tab or pointer press is theirs. */
const FOCUS_MS = 1000;

/**
 * The person's gestures on covered items: a click or Enter takes one deliberate step (the page
 * never sees that click), Escape covers, P held peeks at the first step, E enlarges a revealed
 * item out of the small view (or makes it small again), B opens a video's storyboard. Pointing at an item or
 * focusing it by keyboard is "looking" at it (the card shows; it is not re-covered meanwhile).
 *
 * Only the person's own gesture on an item they can see counts. A page's synthetic clicks and keys
 * do nothing; nor does a real click that a box the page drew over the item let through, a key held
 * while the page lays something over the item under the pointer, or Enter on an item the page
 * moved the focus to itself (utils/shield/visible.ts). Such a gesture is left to the page, as if
 * Gauze were not there. Covering again (Escape) needs no such check.
 */
export const ladder: ShieldPart = {
  id: 'ladder',
  start(context) {
    const { doc, signal, events, items } = context;
    let hovered: Element | null = null;
    let lastInput: 'pointer' | 'keyboard' = 'pointer';
    let peeking: Element | null = null;
    /** The item the person moved the focus to (by Tab, or by pressing on it), not the page. */
    let personFocused: Element | null = null;
    let tabbedAt = -Infinity;
    let pressed: { at: number; path: EventTarget[] } = { at: -Infinity, path: [] };

    const isItem = (element: Element) => {
      const item = items.get(element);
      return !!item && !item.harmless && !item.innerFrame && item.kind !== 'audio';
    };
    /** Covered or part-way: a click on it is a step, not a click on the page. */
    const isStepping = (element: Element) => isItem(element) && items.get(element)!.step !== 'full';

    const itemAt = (x: number, y: number) => topItemAt(context, doc, x, y, 0);
    const itemOf = (event: Event): Element | null => {
      for (const node of event.composedPath()) {
        if (node instanceof Element && isItem(node)) return node;
        if (node === doc.body) break;
      }
      return null;
    };
    const look = (element: Element | null) => events.emit('looking', element);
    const focusedItem = () => {
      const active = deepActiveElement(context);
      return active && isItem(active) ? active : null;
    };

    const listen = <K extends keyof DocumentEventMap>(type: K, handler: (event: DocumentEventMap[K]) => void, passive = false) =>
      doc.addEventListener(type, handler as EventListener, { capture: true, passive, signal });

    listen('click', (event) => {
      if (!event.isTrusted || context.fromGauze(event)) return;
      // A click with no pointer (a screen reader's, or Enter on a control) is on its own target only.
      const byPointer = event.detail > 0;
      const element = itemOf(event) ?? (byPointer ? itemAt(event.clientX, event.clientY) : null);
      if (!element || !isStepping(element)) return;
      if (!(byPointer ? visibleAt(context, element, event.clientX, event.clientY) : visibleAtMiddle(context, element))) return;
      // A covered item takes the click for itself: one deliberate step, and the page never sees it.
      event.preventDefault();
      event.stopImmediatePropagation();
      context.setStep(element, 'next');
      look(element);
    });
    listen('pointerdown', (event) => {
      lastInput = 'pointer';
      if (event.isTrusted) pressed = { at: performance.now(), path: event.composedPath() };
    }, true);

    // Pointer moves are looked at once a frame, at the latest position.
    let frame = 0;
    let pointer = { x: 0, y: 0 };
    listen('pointermove', (event) => {
      if (context.fromGauze(event)) return;
      pointer = { x: event.clientX, y: event.clientY };
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const element = itemAt(pointer.x, pointer.y);
        if (element === hovered) return;
        hovered = element;
        look(element ?? (lastInput === 'keyboard' ? focusedItem() : null));
      });
    }, true);
    signal.addEventListener('abort', () => cancelAnimationFrame(frame), { once: true });

    listen('focusin', (event) => {
      const target = event.composedPath()[0];
      if (target instanceof Element && isItem(target)) {
        const now = performance.now();
        personFocused = now - tabbedAt < FOCUS_MS || (now - pressed.at < FOCUS_MS && pressed.path.includes(target)) ? target : null;
      }
      // Focus left on an item by a click is not looking at it; a keyboard user's focus is.
      if (target instanceof Element && isItem(target) && lastInput === 'keyboard') look(target);
    });
    listen('focusout', (event) => {
      const target = event.composedPath()[0];
      if (!(target instanceof Element) || !isItem(target)) return;
      // Focus moving into Gauze's own card is still looking at the item.
      const next = event.relatedTarget;
      if (next instanceof Node && context.isGauze(next)) return;
      look(hovered);
    });

    listen('keydown', (event) => {
      if (!event.isTrusted) return;
      lastInput = 'keyboard';
      if (event.key === 'Tab') tabbedAt = performance.now();
      // Typing in Gauze's card (a note) or in the page's own fields is not a gesture on an item.
      if (context.fromGauze(event) || isTyping(context)) return;
      const focused = focusedItem();
      const element = focused ?? hovered;
      if (!element) return;
      if (focused && context.looking() !== focused) look(focused);
      const item = items.get(element)!;
      const step = item.step;
      const plain = !event.ctrlKey && !event.metaKey && !event.altKey && !event.repeat;
      const key = event.key.toLowerCase();
      // A key that reveals, sounds or records acts only on an item the person sees: focused by
      // them, or under the pointer with nothing the page drew over it.
      const frame = element instanceof HTMLVideoElement && step !== 'cover' && !event.altKey && !event.ctrlKey && !event.metaKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight');
      const speed = element instanceof HTMLVideoElement && step !== 'cover' && !event.altKey && !event.ctrlKey && !event.metaKey && (event.key === '<' || event.key === '>');
      const acts = event.key === 'Enter' || event.key === ' ' || frame || speed || (plain && ['p', 'e', 'r', 'n', 's', 'v', 'b'].includes(key));
      if (acts && !(focused ? focused === personFocused && visibleAtMiddle(context, focused) : visibleAt(context, element, pointer.x, pointer.y))) return;
      if (focused && (event.key === 'Enter' || event.key === ' ') && !event.repeat) {
        event.preventDefault();
        event.stopImmediatePropagation();
        context.setStep(element, 'next');
      } else if (event.key === 'Escape' && step !== 'cover') {
        event.preventDefault();
        event.stopImmediatePropagation();
        context.setStep(element, 'cover');
      } else if (plain && key === 'p' && step === 'cover') {
        // Peek: the first step, only while the key is held.
        const first = nextStep('cover', context.settings().allowedSteps);
        if (first === 'cover') return;
        event.stopImmediatePropagation();
        peeking = element;
        context.setStep(element, first);
      } else if (frame) {
        // Arrows: one frame back or on (the video held still), to find a moment without watching.
        event.preventDefault();
        event.stopImmediatePropagation();
        const video = element as HTMLVideoElement;
        if (!video.paused) events.emit('set-playing', { media: video, playing: false });
        stepFrames(video, event.key === 'ArrowRight' ? 1 : -1);
        events.emit('media-changed', video);
      } else if (speed) {
        // < and >: slower or faster, one step of the usual player speeds (a quarter to double).
        event.preventDefault();
        event.stopImmediatePropagation();
        const video = element as HTMLVideoElement;
        const at = SPEEDS.findIndex((rate) => rate >= video.playbackRate - 0.01);
        const from = at === -1 ? SPEEDS.length - 1 : at;
        video.playbackRate = SPEEDS[Math.min(Math.max(from + (event.key === '>' ? 1 : -1), 0), SPEEDS.length - 1)]!;
        events.emit('media-changed', video);
      } else if (plain && key === 'v' && viewable(element) && !context.locked()) {
        // V: Gauze's viewer for this item (nothing in it is shown before the person chooses a view).
        event.preventDefault();
        event.stopImmediatePropagation();
        events.emit('open-viewer', element);
      } else if (plain && key === 'e' && step !== 'cover' && (item.smallScale !== null || item.enlarged)) {
        // E: out of the small view to the item's own size, or back (a deliberate step of its own).
        event.preventDefault();
        event.stopImmediatePropagation();
        context.setEnlarged(element, !item.enlarged);
      } else if (plain && (key === 'r' || key === 'n') && itemAddress(element, item)) {
        // R: reviewed on or off; N: a private note (the card opens its editor).
        event.preventDefault();
        event.stopImmediatePropagation();
        if (key === 'r') events.emit('save-note', { element, note: item.note ?? '', reviewed: !item.reviewed });
        else events.emit('edit-note', element);
      } else if (plain && key === 'b' && element instanceof HTMLVideoElement) {
        // B: the video's storyboard, frames to find a moment in without playing it.
        event.preventDefault();
        event.stopImmediatePropagation();
        events.emit('storyboard', element);
      } else if (plain && key === 's' && element instanceof HTMLMediaElement && step !== 'cover' && context.settings().soundAllowed) {
        // S: the sound of this video, and only this one, on or off.
        event.stopImmediatePropagation();
        events.emit('set-sound', { media: element, on: !item.sound });
      }
    });
    listen('keyup', (event) => {
      if (peeking && (event.key === 'p' || event.key === 'P')) {
        context.setStep(peeking, 'cover');
        peeking = null;
      }
    });
  },
};

/** The topmost item under a point, looking into shadow roots (closed ones too). */
function topItemAt(context: PartContext, scope: Document | ShadowRoot, x: number, y: number, depth: number): Element | null {
  for (const element of scope.elementsFromPoint(x, y)) {
    const item = context.items.get(element);
    if (item && !item.harmless && !item.innerFrame && item.kind !== 'audio') return element;
    if (depth >= 8 || element === (scope as ShadowRoot).host) continue;
    // (Closed declarative roots have no mark on their host: every element at the point is asked.)
    const root = element.shadowRoot ?? context.env.shadowRootOf(element);
    const inner = root ? topItemAt(context, root, x, y, depth + 1) : null;
    if (inner) return inner;
  }
  return null;
}

/** The focused element, inside shadow roots too. */
function deepActiveElement(context: PartContext): Element | null {
  let active: Element | null = context.doc.activeElement;
  for (let depth = 0; active && depth < 8; depth++) {
    const root = active.shadowRoot ?? context.env.shadowRootOf(active);
    const inner = root?.activeElement;
    if (!inner || context.isGauze(active)) break;
    active = inner;
  }
  return active;
}

function isTyping(context: PartContext): boolean {
  const active = deepActiveElement(context);
  return !!active && (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement || (active as HTMLElement).isContentEditable);
}
