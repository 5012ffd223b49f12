import { describeMedia } from '../label';
import { itemAddress, viewable } from '../media';
import type { RevealStep } from '../../core/shield/ladder';
import type { PartContext, ShieldPart } from '../part';
import { fill, type ShieldTexts } from '../../core/shield/texts';
import { uiParentFor } from '../panel';
import { visibleAt } from '../visible';

const STYLE = `
:host { all: initial !important; display: block !important; position: fixed !important; inset: 0 auto auto 0 !important; inline-size: 0 !important; block-size: 0 !important; overflow: visible !important; }
.card {
  position: fixed; z-index: 2147483647; box-sizing: border-box; max-inline-size: min(24rem, calc(100vw - 8px));
  font: 14px/1.45 system-ui, sans-serif; color: #1f2328; background: #f6f5f2;
  border: 1px solid #6b7178; border-radius: 8px; padding: 8px 10px; box-shadow: 0 1px 4px #0004;
  display: flex; flex-direction: column; gap: 6px; text-align: start;
}
.card[hidden] { display: none; }
.label { font-weight: 600; overflow-wrap: anywhere; }
.meta, .note { color: #4d555e; }
.note { font-style: italic; white-space: pre-wrap; overflow-wrap: anywhere; }
textarea { font: inherit; inline-size: 100%; box-sizing: border-box; min-block-size: 4.5em; }
.keys { font-size: 13px; color: #4d555e; display: flex; flex-wrap: wrap; gap: 2px 10px; margin: 0; padding: 0; list-style: none; }
.locked { font-weight: 600; color: #2f4a61; }
.row { display: flex; flex-wrap: wrap; gap: 4px; }
button {
  font: inherit; color: inherit; background: #fff; border: 1px solid #6b7178; border-radius: 5px;
  padding: 3px 9px; cursor: pointer; min-block-size: 28px;
}
button[aria-pressed='true'] { background: #2f4a61; color: #fff; border-color: #2f4a61; }
button:focus-visible, textarea:focus-visible { outline: 3px solid #1f6feb; outline-offset: 1px; }
@media (prefers-color-scheme: dark) {
  .card { color: #e6e6e6; background: #25282d; border-color: #8d939a; }
  .meta, .note, .keys { color: #b4bbc3; }
  .locked { color: #a9c7e0; }
  button { background: #1b1d21; border-color: #8d939a; }
  button[aria-pressed='true'] { background: #8fb3d1; color: #0f1720; }
}
`;

/**
 * The small card that describes a covered item and offers its reveal steps: one per page, shown
 * for the item the person points at or focuses. It lives in a closed shadow root, so the page can
 * neither style nor script it, and it takes only trusted clicks. It is opaque, written in the
 * person's language (texts from the background), and lists only the keys that do something for
 * this item now. It sits beside the item, never over it (a click meant for the item must never
 * land on one of the card's buttons): to the side where there is room, so captions above and
 * below stay readable, else below or above.
 */
export const card: ShieldPart = {
  id: 'card',
  start(context) {
    const { doc, signal, events, items } = context;
    const host = doc.createElement('cover-card');
    const root = host.attachShadow({ mode: context.env.uiShadowMode ?? 'closed' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    const box = doc.createElement('div');
    box.className = 'card';
    box.hidden = true;
    box.setAttribute('role', 'group');
    root.append(style, box);
    context.ui.add(host);

    let shown: Element | null = null;
    let editing = false;
    /** The records are locked: the card offers Gauze's unlock page instead of notes. */
    let notesLocked = false;

    const show = (element: Element | null) => {
      if (editing && shown && !box.hidden) return; // keep what the person is typing
      const texts = context.texts();
      shown = element;
      if (!element || !element.isConnected) {
        box.hidden = true;
        return;
      }
      const parent = uiParentFor(doc, element);
      if (host.parentNode !== parent) parent.append(host);

      if (texts) render(context, box, element, texts, notesLocked);
      else {
        // The background has not answered: say why nothing opens (the click is kept meanwhile).
        const status = line(doc, 'locked', context.env.unavailableText() || null);
        if (!status) return;
        status.setAttribute('role', 'status');
        box.replaceChildren(status);
        box.hidden = false;
      }
      place(context, box, element, texts?.dir ?? (getComputedStyle(element).direction === 'rtl' ? 'rtl' : 'ltr'), host);
    };

    box.addEventListener('click', (event) => {
      if (!event.isTrusted || !shown) return;
      const element = shown;
      const button = (event.target as Element).closest('button');
      if (!button) return;
      event.stopPropagation();
      // Only a click on the card as the person sees it: not through a box the page laid over it.
      // (A click from the keyboard has no point: the button's middle is what must be seen.)
      const at = event.detail > 0 ? { x: event.clientX, y: event.clientY } : middleOf(button);
      if (!visibleAt(context, host, at.x, at.y)) return;

      const data = button.dataset;
      if (data.step) context.setStep(element, data.step as RevealStep);
      if (data.size) context.setEnlarged(element, data.size === 'enlarge');
      if (data.sound) events.emit('set-sound', { media: element as HTMLMediaElement, on: data.sound === 'on' });
      if (data.storyboard) events.emit('storyboard', element as HTMLVideoElement);
      if (data.play) events.emit('set-playing', { media: element as HTMLMediaElement, playing: data.play === 'on' });
      if (data.viewer) events.emit('open-viewer', element);
      if (data.ask) context.env.send.askOverride();
      if (data.unlock) context.env.send.openUnlock();
      const item = items.get(element);
      if (data.reviewed && item) events.emit('save-note', { element, note: item.note ?? '', reviewed: data.reviewed === 'on' });
      if (data.edit) openEditor(element);
      if (data.save && item) {
        editing = false;
        events.emit('save-note', { element, note: box.querySelector('textarea')?.value ?? '', reviewed: item.reviewed });
        (element as HTMLElement).focus?.();
      }
      if (data.cancel) {
        editing = false;
        (element as HTMLElement).focus?.();
      }
      show(element);
    });
    box.addEventListener('keydown', (event) => {
      // Keys typed in the card stay in the card (a note is never a step).
      event.stopPropagation();
      if (event.key === 'Escape' && editing && shown) {
        editing = false;
        const element = shown;
        show(element);
        (element as HTMLElement).focus?.();
      }
    });

    const openEditor = (element: Element) => {
      const texts = context.texts();
      const item = items.get(element);
      if (!texts || !item) return;
      if (notesLocked) return show(element);
      show(element);
      editing = true;
      const area = doc.createElement('textarea');
      area.value = item.note ?? '';
      area.maxLength = 2000;
      area.setAttribute('aria-label', texts.noteLabel);
      const row = doc.createElement('div');
      row.className = 'row';
      row.append(button(doc, texts.save, { save: '1' }), button(doc, texts.cancel, { cancel: '1' }));
      box.replaceChildren(box.firstElementChild ?? '', area, row);
      area.focus();
    };

    // Looking away hides the card after a moment, long enough to move the pointer onto it.
    let hiding: ReturnType<typeof setTimeout> | undefined;
    const cancelHide = () => {
      clearTimeout(hiding);
      hiding = undefined;
    };
    box.addEventListener('pointerenter', cancelHide);
    box.addEventListener('pointerleave', () => {
      if (!context.looking() && !editing) hiding = setTimeout(() => show(null), 300);
    });
    events.on('looking', (element) => {
      cancelHide();
      if (element || editing) show(element ?? shown);
      else hiding = setTimeout(() => {
        if (!box.matches(':hover') && !context.isGauze(doc.activeElement ?? doc)) show(null);
      }, 300);
    }, signal);
    signal.addEventListener('abort', cancelHide, { once: true });
    events.on('edit-note', openEditor, signal);
    events.on('notes-locked', (on) => {
      notesLocked = on;
      if (shown && !editing) show(shown);
    }, signal);
    const refresh = (element: Element) => {
      if (element === shown && !editing) show(element);
    };
    events.on('step', ({ item }) => refresh(item), signal);
    events.on('size', refresh, signal);
    events.on('media-changed', refresh, signal);
    events.on('note-changed', refresh, signal);
    events.on('lock', () => shown && refresh(shown), signal);
    events.on('settings', () => shown && refresh(shown), signal);
    addEventListener('scroll', () => shown && !box.hidden && place(context, box, shown, context.texts()?.dir ?? 'ltr', host), { passive: true, signal, capture: true });
    signal.addEventListener('abort', () => {
      host.remove();
      context.ui.delete(host);
    }, { once: true });
  },
};

function middleOf(element: Element): { x: number; y: number } {
  const rect = element.getBoundingClientRect();
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}

function button(doc: Document, text: string, data: Record<string, string>, pressed?: boolean): HTMLButtonElement {
  const b = doc.createElement('button');
  b.type = 'button';
  b.textContent = text;
  Object.assign(b.dataset, data);
  if (pressed !== undefined) b.setAttribute('aria-pressed', String(pressed));
  return b;
}

function line(doc: Document, cls: string, content: string | null): HTMLElement | null {
  if (!content) return null;
  const element = doc.createElement('div');
  element.className = cls;
  element.textContent = content;
  return element;
}

function render(context: PartContext, box: HTMLElement, element: Element, texts: ShieldTexts, notesLocked: boolean): void {
  const { doc, items } = context;
  const item = items.get(element)!;
  const settings = context.settings();
  const lock = context.lock();
  const description = describeMedia(element, item.kind);
  const numbers = new Intl.NumberFormat(texts.lang);
  const size = description.width && description.height ? fill(texts.size, numbers.format(description.width), numbers.format(description.height)) : null;
  box.setAttribute('aria-label', texts.region);
  box.lang = texts.lang;
  box.dir = texts.dir;

  const keys: string[] = [];
  const rows: Array<HTMLElement | null> = [line(doc, 'label', description.text ?? texts.kinds[item.kind]), line(doc, 'meta', [texts.kinds[item.kind], size].filter(Boolean).join(' · '))];
  if (item.note) rows.push(line(doc, 'note', item.note));
  // A colleague's mark, apart from the person's own, with the notes they shared.
  if (item.colleague) rows.push(line(doc, 'meta colleague', texts.colleagueReviewed), ...item.colleague.map((note) => line(doc, 'note', note)));

  if (lock) {
    const status = line(doc, 'locked', lock.text ?? texts.kinds[item.kind])!;
    status.setAttribute('role', 'status');
    rows.push(status);
    if (lock.override) {
      const ask = doc.createElement('div');
      ask.className = 'row';
      ask.append(button(doc, texts.askOverride, { ask: '1' }));
      rows.push(ask);
    }
  } else {
    const steps = doc.createElement('div');
    steps.className = 'row';
    for (const step of settings.allowedSteps) steps.append(button(doc, texts.steps[step], { step }, item.step === step));
    steps.append(button(doc, texts.cover, { step: 'cover' }, item.step === 'cover'));
    if (viewable(element) && settings.allowedSteps.some((step) => step === 'outline' || step === 'full')) {
      steps.append(button(doc, texts.viewer.open, { viewer: '1' }));
      keys.push(texts.keys.viewer);
    }
    // The small view: enlarging is a step of its own (E), offered only where it changes something.
    if (item.step !== 'cover' && (item.smallScale !== null || item.enlarged)) {
      steps.append(button(doc, item.enlarged ? texts.makeSmaller : texts.enlarge, { size: item.enlarged ? 'smaller' : 'enlarge' }));
      keys.push(texts.keys.size);
    }
    rows.push(steps);
    if (settings.allowedSteps.length && item.step !== 'full') keys.push(texts.keys.step);
    if (item.step !== 'cover') keys.push(texts.keys.cover);
    else if (settings.allowedSteps.length) keys.push(texts.keys.peek);
    if (element instanceof HTMLVideoElement) {
      // Frames of the video, each covered (utils/shield/parts/storyboard.ts): covered or not.
      const board = doc.createElement('div');
      board.className = 'row';
      board.append(button(doc, texts.storyboard.open, { storyboard: '1' }));
      rows.push(board);
      keys.push(texts.keys.storyboard);
    }
    if (element instanceof HTMLVideoElement && item.step !== 'cover') {
      keys.push(texts.keys.frames, texts.keys.speed);
      const media = doc.createElement('div');
      media.className = 'row';
      media.append(button(doc, element.paused ? texts.play : texts.pause, { play: element.paused ? 'on' : 'off' }));
      if (settings.soundAllowed) {
        media.append(button(doc, item.sound ? texts.soundOff : texts.soundOn, { sound: item.sound ? 'off' : 'on' }, item.sound));
        keys.push(texts.keys.sound);
      }
      rows.push(media);
    }
  }
  if (itemAddress(element, item) && notesLocked) {
    rows.push(line(doc, 'meta', texts.notesLocked));
    const unlockRow = doc.createElement('div');
    unlockRow.className = 'row';
    unlockRow.append(button(doc, texts.unlockNotes, { unlock: '1' }));
    rows.push(unlockRow);
  } else if (itemAddress(element, item)) {
    const noteRow = doc.createElement('div');
    noteRow.className = 'row';
    noteRow.append(button(doc, item.reviewed ? texts.reviewed : texts.markReviewed, { reviewed: item.reviewed ? 'off' : 'on' }, item.reviewed), button(doc, texts.editNote, { edit: '1' }));
    rows.push(noteRow);
    keys.push(texts.keys.reviewed, texts.keys.note);
  }
  if (keys.length) {
    const list = doc.createElement('ul');
    list.className = 'keys';
    list.setAttribute('aria-label', texts.keys.label);
    for (const key of keys) {
      const entry = doc.createElement('li');
      entry.textContent = key;
      list.append(entry);
    }
    rows.push(list);
  }
  box.replaceChildren(...rows.filter((row): row is HTMLElement => row !== null));
  box.hidden = false;
}

/**
 * Beside the item, where the card covers no other picture and stays on screen: at its inline end,
 * its inline start, below, above, in that order (below first when the item fills the width).
 * In a dialog that moves fixed boxes (a transform on it) the card is placed from the dialog's
 * corner and kept inside the dialog's box, which clips it.
 */
function place(context: PartContext, box: HTMLElement, element: Element, dir: 'ltr' | 'rtl', host: Element): void {
  const rect = element.getBoundingClientRect();
  const width = box.offsetWidth;
  const height = box.offsetHeight;
  const margin = 8;
  const origin = host.getBoundingClientRect();
  const viewport = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
  /**
   * Another item (a picture the person may want next), or a caption (the item's own or a
   * neighbour's: the words that say what a picture is), under the card's corners or middle.
   */
  const important = (under: Element) => under !== element && !context.isGauze(under) && (context.items.get(under) !== undefined || under.closest('figcaption, caption, [role="caption"]') !== null);
  const coversAnother = ({ left, top }: { left: number; top: number }) =>
    [
      [left + 2, top + 2],
      [left + width - 2, top + 2],
      [left + 2, top + height - 2],
      [left + width - 2, top + height - 2],
      [left + width / 2, top + height / 2],
    ].some(([x, y]) => context.doc.elementsFromPoint(x!, y!).some(important));

  /** The place within `area`, or null when the card fits nowhere there (and `fallback` is false). */
  const within = (area: typeof viewport, fallback: boolean) => {
    const clampTop = (top: number) => Math.min(Math.max(top, area.top + margin), Math.max(area.bottom - height - margin, area.top));
    const clampLeft = (left: number) => Math.min(Math.max(left, area.left + margin), Math.max(area.right - width - margin, area.left + margin));
    const end = dir === 'rtl' ? rect.left - width - margin : rect.right + margin;
    const start = dir === 'rtl' ? rect.right + margin : rect.left - width - margin;
    const under = dir === 'rtl' ? rect.right - width : rect.left;
    const candidates = [
      { left: end, top: clampTop(rect.top) },
      { left: start, top: clampTop(rect.top) },
      { left: under, top: rect.bottom + margin },
      { left: under, top: rect.top - height - margin },
    ];
    const inside = ({ left, top }: { left: number; top: number }) => left >= area.left && left + width <= area.right && top >= area.top && top + height <= area.bottom;
    const chosen = candidates.find((place) => inside(place) && !coversAnother(place)) ?? candidates.find(inside) ?? (fallback ? candidates[2]! : null);
    return chosen && { top: clampTop(chosen.top), left: clampLeft(chosen.left) };
  };
  // In a dialog that clips the card (see above), inside its box if the card fits there; else
  // placed as on the page (the dialog may then clip it: the keys still work on the item).
  const clip = origin.left !== 0 || origin.top !== 0 ? host.parentElement?.getBoundingClientRect() : undefined;
  const clipped = clip && { left: Math.max(clip.left, 0), top: Math.max(clip.top, 0), right: Math.min(clip.right, innerWidth), bottom: Math.min(clip.bottom, innerHeight) };
  const chosen = (clipped && within(clipped, false)) || within(viewport, true)!;
  box.style.top = `${chosen.top - origin.top}px`;
  box.style.left = `${chosen.left - origin.left}px`;
}
