import { browser } from 'wxt/browser';
import { formatClock } from '../exposure/format';
import { t, type MessageKey, uiLocale } from '../i18n';
import { sendMessage } from '../send-message';
import type { MediaKind } from './media';
import type { PageShieldOptions } from './page-shield';
import { shieldDefaults } from './defaults';

const kindLabels: Record<MediaKind, MessageKey> = {
  image: 'shieldKindImage',
  video: 'shieldKindVideo',
  audio: 'shieldKindVideo',
  canvas: 'shieldKindCanvas',
  embed: 'shieldKindEmbed',
  frame: 'shieldKindFrame',
  background: 'shieldKindImage',
};

let toldDescription: string | undefined;
/** The covered items' description, translated by the background (see shield/hello). */
export function describeCovered(text: string): void {
  toldDescription = text;
}

/** Computes a value the first time it is asked for, then keeps it. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/**
 * The page shield's connection to the browser: translated card text, shadow-root access, notes
 * and reveal reports through the background. Shared by the content script and the demo page.
 */
export function browserShieldOptions(overrides: Partial<PageShieldOptions> = {}): PageShieldOptions {
  return {
    settings: { ...shieldDefaults },
    dir: once(() => (browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr')),
    now: Date.now,
    // Told by the background's hello (describeCovered); translated here only if that has not come.
    coveredDescription: () => (toldDescription ??= t('shieldCoveredDescription')),
    shadowRootOf: (host) => {
      // Chromium: chrome.dom; Firefox: Element.openOrClosedShadowRoot, both for content scripts only.
      const chromeDom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?(e: Element): ShadowRoot | null } } }).chrome?.dom;
      const firefox = (host as Element & { openOrClosedShadowRoot?(): ShadowRoot | null }).openOrClosedShadowRoot;
      return (chromeDom?.openOrClosedShadowRoot?.(host) ?? firefox?.call(host)) || null;
    },
    cardText: (kind, { text, width, height }) => ({
      kind: t(kindLabels[kind]),
      label: text,
      size: width && height ? t('shieldSize', [width, height]) : null,
      note: null,
      steps: { blur: t('shieldStepBlur'), outline: t('shieldStepOutline'), full: t('shieldStepFull') },
      cover: t('shieldStepCover'),
      soundOn: t('shieldSoundOn'),
      soundOff: t('shieldSoundOff'),
      region: t('shieldCardLabel'),
      reviewed: t('shieldReviewed'),
      markReviewed: t('shieldMarkReviewed'),
      editNote: t('shieldEditNote'),
      noteLabel: t('shieldNoteLabel'),
      save: t('save'),
      cancel: t('cancel'),
      keys: t('shieldKeysHint'),
      askOverride: t('shieldAskOverride'),
    }),
    lockText: ({ reason, until }) => {
      const time = formatClock(until, uiLocale());
      if (reason === 'unavailable') return t('shieldLockedUnavailable');
      return t(reason === 'break' ? 'shieldLockedBreak' : reason === 'cap' ? 'shieldLockedCap' : 'shieldLockedBedtime', time);
    },
    askOverride: () => void sendMessage('bedtime/ask', {}).catch(() => undefined),
    notes: {
      lookup: async (addresses) => (await sendMessage('notes/lookup', { addresses })).notes,
      put: async (address, note, reviewed) => {
        await sendMessage('notes/put', { address, note, reviewed });
      },
    },
    onSoundChanged: (on) => void sendMessage('shield/sound', { on }).catch(() => undefined),
    onPlayingChanged: (playing) => void sendMessage('exposure/media', { playing }).catch(() => undefined),
    onRevealEnded: (kind, seconds) => {
      if (kind !== 'audio') void sendMessage('shield/revealed', { kind, seconds }).catch(() => undefined);
    },
    ...overrides,
  };
}
