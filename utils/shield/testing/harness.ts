import { page, userEvent } from 'vitest/browser';
import { coverCss } from '../../core/shield/cover-style';
import { shieldDefaults } from '../../core/shield/defaults';
import type { ShieldEnvironment, ShieldPart } from '../part';
import { startShield, type Shield } from '../shield';
import type { ShieldTexts } from '../../core/shield/texts';

/**
 * The page shield in a real page, for its unit tests (vitest browser mode in Chromium): the cover
 * stylesheet as a flagged site has it, the shield started with a recorded environment, and ways
 * to look at what is painted.
 */
export const MAGENTA = [255, 0, 255] as const;

/** A flat magenta picture (the test pattern), as a data: address. */
export function patternUrl(width = 120, height = 90, colour = '#ff00ff'): string {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d')!;
  context.fillStyle = colour;
  context.fillRect(0, 0, width, height);
  return canvas.toDataURL('image/png');
}

export const texts: ShieldTexts = {
  lang: 'en',
  dir: 'ltr',
  coveredDescription: 'Covered. Press Enter to reveal it step by step.',
  kinds: { image: 'Image', video: 'Video', audio: 'Sound recording', canvas: 'Drawing', embed: 'Embedded content', frame: 'Embedded page', background: 'Image' },
  size: '{1} × {2}',
  steps: { blur: 'Blurred', outline: 'Outline', full: 'Full view' },
  cover: 'Cover',
  enlarge: 'Enlarge',
  makeSmaller: 'Make smaller',
  soundOn: 'Sound on',
  soundOff: 'Sound off',
  play: 'Play',
  pause: 'Pause',
  region: 'Covered item',
  reviewed: 'Reviewed',
  colleagueReviewed: 'Reviewed by a colleague',
  markReviewed: 'Mark reviewed',
  editNote: 'Note…',
  noteLabel: 'Private note',
  save: 'Save',
  cancel: 'Cancel',
  askOverride: 'I need more time…',
  notesLocked: 'Notes are locked.',
  unlockNotes: 'Unlock in Gauze',
  storyboard: {
    open: 'Storyboard',
    label: 'Storyboard: frames of this video, each covered',
    hint: 'Each frame stays covered until you step it (a click or Enter). Esc covers a frame again, or closes.',
    close: 'Close',
    frame: '{1}: {2}',
    covered: 'covered',
    goTo: 'Go to {1}',
    unavailable: 'This video cannot be previewed as frames.',
  },
  keys: { label: 'Keys', step: 'Enter: next step', cover: 'Esc: cover again', peek: 'P (hold): peek', size: 'E: enlarge or make smaller', reviewed: 'R: reviewed', note: 'N: note', sound: 'S: sound', frames: '← →: one frame back or on', speed: '< >: slower or faster', viewer: 'V: viewer', storyboard: 'B: storyboard' },
  viewer: { open: 'View…', title: 'Viewer', grey: 'Greyscale', small: 'Small', large: 'Large', mirror: 'Mirror', zoomIn: 'Zoom in', zoomOut: 'Zoom out', close: 'Close', choose: 'Choose a view to see it.', notLoaded: 'Not loaded yet.' },
};

export interface Recorded {
  revealed: Array<{ kind: string; seconds: number; view: string }>;
  sound: boolean[];
  notes: Map<string, { note: string; reviewed: boolean }>;
  /** Items colleagues reviewed (imported shared marks), by address: the notes they shared. */
  colleagues: Map<string, string[]>;
  lookups: string[][];
  reports: string[];
  /** Set by a test: the background answers that the records are locked (encryption on). */
  locked: boolean;
  /** Times the card asked for Gauze's unlock page. */
  unlockPages: number;
}

export interface ShieldTest {
  shield: Shield;
  stop: AbortController;
  recorded: Recorded;
  root: HTMLElement;
  env: ShieldEnvironment;
  /** Lets the background "answer": texts, default settings, no lock, notes wanted. */
  answer(): void;
}

let sheet: HTMLStyleElement | null = null;
const running: ShieldTest[] = [];

/** Puts markup in a fresh container under the cover, and starts a shield on the document. */
export function shieldTest(markup = '', options: { parts?: readonly ShieldPart[]; shadowRoots?: Map<Element, ShadowRoot>; frameIds?: Map<Element, number>; protectedFrames?: number[] } = {}): ShieldTest {
  for (const test of running.splice(0)) test.stop.abort();
  document.querySelectorAll('[data-test-root], cover-card').forEach((element) => element.remove());
  if (!sheet) {
    sheet = document.createElement('style');
    sheet.textContent = coverCss();
    document.head.append(sheet);
  }
  const recorded: Recorded = { revealed: [], sound: [], notes: new Map(), colleagues: new Map(), lookups: [], reports: [], locked: false, unlockPages: 0 };
  const env: ShieldEnvironment = {
    now: () => Date.now(),
    shadowRootOf: (host) => host.shadowRoot ?? options.shadowRoots?.get(host) ?? null,
    frameIdOf: (frame) => options.frameIds?.get(frame) ?? null,
    // Open, so the tests can read the card as a person reads it (it is closed on a real page).
    uiShadowMode: 'open',
    unavailableText: () => 'Gauze is not answering yet, so this stays covered.',
    report: (where, error) => recorded.reports.push(`${where}: ${String(error)}`),
    send: {
      notesLookup: async (addresses) => {
        recorded.lookups.push(addresses);
        if (recorded.locked) return { notes: [], locked: true };
        return {
          notes: addresses.flatMap((address) => {
            const found = recorded.notes.get(address);
            return found ? [{ address, ...found }] : [];
          }),
          colleagues: addresses.flatMap((address) => (recorded.colleagues.has(address) ? [{ address, notes: recorded.colleagues.get(address)! }] : [])),
        };
      },
      notesPut: async (address, note, reviewed) => void recorded.notes.set(address, { note, reviewed }),
      revealed: (kind, seconds, view) => void recorded.revealed.push({ kind, seconds, view }),
      sound: (on) => void recorded.sound.push(on),
      playing: () => undefined,
      askOverride: () => undefined,
      openUnlock: () => void recorded.unlockPages++,
      framesProtected: async (ids) => ids.filter((id) => options.protectedFrames?.includes(id)),
      leaving: () => undefined,
    },
  };
  const root = document.createElement('div');
  root.setAttribute('data-test-root', '');
  root.innerHTML = markup;
  document.body.append(root);
  const stop = new AbortController();
  const shield = startShield({ doc: document, signal: stop.signal, env, ...(options.parts ? { parts: options.parts } : {}) });
  const test: ShieldTest = {
    shield,
    stop,
    recorded,
    root,
    env,
    answer() {
      shield.setTexts(texts);
      shield.configure({ ...shieldDefaults });
      shield.setLock(null);
      shield.setNotesWanted(true);
    },
  };
  running.push(test);
  return test;
}

/** Waits until idle work has run and the page has painted twice. */
export async function settle(): Promise<void> {
  await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 500 }));
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Polls a condition each frame until it holds (or fails after a second, with its last value). */
export async function until<T>(check: () => T, timeoutMs = 2000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  let last = check();
  while (!last && performance.now() < deadline) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    last = check();
  }
  return last;
}

/** The painted pixels of the viewport (or of one element's box), as RGBA. */
export async function painted(element?: Element): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const base64 = await page.screenshot({ save: false, ...(element ? { element } : {}) });
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  return { data: context.getImageData(0, 0, bitmap.width, bitmap.height).data, width: bitmap.width, height: bitmap.height };
}

/** How many pixels of a colour (within a small tolerance) are painted. */
export async function pixelsOf(colour: readonly number[], element?: Element): Promise<number> {
  const { data } = await painted(element);
  let count = 0;
  for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i]! - colour[0]!) < 24 && Math.abs(data[i + 1]! - colour[1]!) < 24 && Math.abs(data[i + 2]! - colour[2]!) < 24) count++;
  return count;
}

/** The cover's placeholder grey, as painted. */
export const COVER_GREY = [0x8d, 0x93, 0x9a] as const;
export const PLACEHOLDER = [0x5c, 0x63, 0x6b] as const;

/** A trusted click in the middle of an element (vitest drives the real browser). */
export async function click(element: Element): Promise<void> {
  await page.elementLocator(element).click();
}

/**
 * Moves the focus to an element as a person does, with Tab from the top of the page (focus the
 * page moves itself does not let Enter reveal: utils/shield/parts/ladder.ts).
 */
export async function tabTo(element: Element): Promise<void> {
  (document.activeElement as HTMLElement | null)?.blur?.();
  for (let presses = 0; presses < 40 && document.activeElement !== element; presses++) await userEvent.tab();
  if (document.activeElement !== element) throw new Error('Tab never reached the element');
}
