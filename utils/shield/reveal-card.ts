import type { RevealStep } from './ladder';

/** The strings the card shows, already translated (content scripts read the browser's i18n). */
export interface CardText {
  kind: string;
  label: string | null;
  size: string | null;
  note: string | null;
  steps: Record<Exclude<RevealStep, 'cover'>, string>;
  cover: string;
  soundOn: string;
  soundOff: string;
  region: string;
  reviewed: string;
  markReviewed: string;
  editNote: string;
  noteLabel: string;
  save: string;
  cancel: string;
  /** The keys that work on a focused item. */
  keys: string;
  /** The button that asks for more time while the bedtime guard is on. */
  askOverride: string;
}

export interface CardActions {
  step(step: RevealStep): void;
  sound(on: boolean): void;
  /** Present while reveals are locked and the person may ask for an override. */
  askOverride?: () => void;
  /** Present when the item has an address a note can be kept for. */
  note?: { reviewed: boolean; save(note: string, reviewed: boolean): void; text: string };
}

export interface CardState {
  current: RevealStep;
  allowed: readonly RevealStep[];
  /** Why reveals are locked and until when, already translated; null when they are not. */
  locked: string | null;
  /** null when the item has no sound. */
  sound: boolean | null;
}

const STYLE = `
:host { all: initial; }
.card {
  position: fixed; z-index: 2147483647; box-sizing: border-box; max-inline-size: min(26rem, 90vw);
  font: 13px/1.4 system-ui, sans-serif; color: #1f2328; background: #f6f5f2f2;
  border: 1px solid #8d939a; border-radius: 8px; padding: 8px 10px; box-shadow: 0 2px 10px #0003;
  display: flex; flex-direction: column; gap: 6px;
}
.card[hidden] { display: none; }
.label { font-weight: 600; overflow-wrap: anywhere; }
.meta, .note { color: #57606a; }
.note { font-style: italic; white-space: pre-wrap; }
textarea { font: inherit; inline-size: 100%; box-sizing: border-box; min-block-size: 4em; }
.keys { font-size: 11px; }
.locked { font-weight: 600; color: #3b5b76; }
.row { display: flex; flex-wrap: wrap; gap: 4px; }
button {
  font: inherit; color: inherit; background: #fff; border: 1px solid #8d939a; border-radius: 5px;
  padding: 2px 8px; cursor: pointer;
}
button[aria-pressed='true'] { background: #3b5b76; color: #fff; border-color: #3b5b76; }
button:focus-visible { outline: 3px solid #1f6feb; outline-offset: 1px; }
@media (prefers-color-scheme: dark) {
  .card { color: #e6e6e6; background: #25282df2; }
  .meta, .note { color: #a0a7b0; }
  button { background: #1b1d21; }
}
`;

/**
 * The small card that describes a covered item and offers the reveal steps: one per page, shown
 * over the item the person points at or focuses. It lives in a closed shadow root, so the page can
 * neither style nor script it, and it ignores synthetic clicks.
 */
export function createRevealCard(doc: Document, direction: () => 'ltr' | 'rtl') {
  const host = doc.createElement('gauze-reveal-card');
  host.setAttribute('data-gauze-ok', '');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const card = doc.createElement('div');
  card.className = 'card';
  card.hidden = true;
  card.setAttribute('role', 'group');
  root.append(style, card);
  let actions: CardActions | null = null;

  let editing = false;
  card.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    const button = (event.target as Element).closest('button');
    if (!button || !actions) return;
    event.stopPropagation();
    if (button.dataset.step) actions.step(button.dataset.step as RevealStep);
    if (button.dataset.sound) actions.sound(button.dataset.sound === 'on');
    if (button.dataset.ask) actions.askOverride?.();
    const note = actions.note;
    if (!note) return;
    if (button.dataset.reviewed) note.save(note.text, button.dataset.reviewed === 'on');
    if (button.dataset.edit) {
      editing = true;
      renderEditor(note);
    }
    if (button.dataset.save) {
      editing = false;
      // (the textarea is read before `save` re-renders the card)
      note.save(card.querySelector('textarea')?.value ?? '', note.reviewed);
    }
    if (button.dataset.cancel) {
      editing = false;
      note.save(note.text, note.reviewed);
    }
  });
  card.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && editing && actions?.note) {
      event.stopPropagation();
      editing = false;
      actions.note.save(actions.note.text, actions.note.reviewed);
    }
  });
  let lastText: CardText | null = null;
  function renderEditor(note: NonNullable<CardActions['note']>): void {
    if (!lastText) return;
    const area = doc.createElement('textarea');
    area.value = note.text;
    area.setAttribute('aria-label', lastText.noteLabel);
    area.maxLength = 2000;
    const row = doc.createElement('div');
    row.className = 'row';
    row.append(button(lastText.save, { save: '1' }), button(lastText.cancel, { cancel: '1' }));
    card.replaceChildren(area, row);
    area.focus();
  }

  const button = (text: string, data: Record<string, string>, pressed?: boolean) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.textContent = text;
    Object.assign(b.dataset, data);
    if (pressed !== undefined) b.setAttribute('aria-pressed', String(pressed));
    return b;
  };

  return {
    element: host,
    /** True when the event happened on the card (so it is not a click on the page). */
    contains(event: Event): boolean {
      return event.composedPath().includes(host);
    },
    show(rect: DOMRect, text: CardText, state: CardState, onAction: CardActions): void {
      if (editing && actions && !card.hidden) return; // keep what the person is typing
      actions = onAction;
      lastText = text;
      if (!host.isConnected) (doc.documentElement ?? doc).append(host);
      card.setAttribute('aria-label', text.region);
      const line = (cls: string, content: string | null) => {
        if (!content) return null;
        const el = doc.createElement('div');
        el.className = cls;
        el.textContent = content;
        return el;
      };
      const steps = doc.createElement('div');
      steps.className = 'row';
      if (state.locked) {
        steps.className = 'locked';
        steps.setAttribute('role', 'status');
        steps.textContent = state.locked;
        if (onAction.askOverride) {
          const ask = doc.createElement('div');
          ask.className = 'row';
          ask.append(button(text.askOverride, { ask: '1' }));
          steps.append(ask);
        }
      } else {
        for (const step of state.allowed) {
          if (step === 'cover') continue;
          steps.append(button(text.steps[step], { step }, state.current === step));
        }
        steps.append(button(text.cover, { step: 'cover' }, state.current === 'cover'));
        if (state.sound !== null) steps.append(button(state.sound ? text.soundOff : text.soundOn, { sound: state.sound ? 'off' : 'on' }));
      }
      let notes: HTMLDivElement | null = null;
      if (onAction.note) {
        notes = doc.createElement('div');
        notes.className = 'row';
        notes.append(
          button(onAction.note.reviewed ? text.reviewed : text.markReviewed, { reviewed: onAction.note.reviewed ? 'off' : 'on' }, onAction.note.reviewed),
          button(text.editNote, { edit: '1' }),
        );
      }
      card.replaceChildren(
        ...[line('label', text.label ?? text.kind), line('meta', [text.kind, text.size].filter(Boolean).join(' · ')), line('note', onAction.note?.text || text.note), steps, notes, line('meta keys', text.keys)].filter(
          (el): el is HTMLDivElement => el !== null,
        ),
      );
      const dir = direction();
      card.dir = dir;
      card.hidden = false;
      // Beside the item, never over it: the person is looking at the item through its steps.
      const width = card.offsetWidth;
      const height = card.offsetHeight;
      const below = rect.bottom + 4;
      const above = rect.top - height - 4;
      const top = below + height <= innerHeight ? below : above >= 0 ? above : Math.max(innerHeight - height - 4, 0);
      const start = dir === 'rtl' ? rect.right - width : rect.left;
      card.style.top = `${top}px`;
      card.style.left = `${Math.min(Math.max(start, 4), Math.max(innerWidth - width - 4, 4))}px`;
    },
    /** Opens the note editor for the item the card shows, with the keyboard focus in it. */
    editNote(): void {
      if (!actions?.note) return;
      editing = true;
      renderEditor(actions.note);
    },
    hide(): void {
      if (editing) return;
      card.hidden = true;
      actions = null;
    },
    get visible(): boolean {
      return !card.hidden;
    },
    remove(): void {
      host.remove();
    },
  };
}

export type RevealCard = ReturnType<typeof createRevealCard>;
