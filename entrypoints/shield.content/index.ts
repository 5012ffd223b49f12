import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { t, type MessageKey } from '../../utils/i18n';
import { sendMessage } from '../../utils/send-message';
import { shieldCommandSchema } from '../../utils/shield/commands';
import { revealSteps } from '../../utils/shield/ladder';
import type { MediaKind } from '../../utils/shield/media';
import { startPageShield } from '../../utils/shield/page-shield';
import { shieldDefaults } from '../../utils/shield/settings';
import { createFrameLink } from '../../utils/shield/frames';

const kindLabels: Record<MediaKind, MessageKey> = {
  image: 'shieldKindImage',
  video: 'shieldKindVideo',
  audio: 'shieldKindVideo',
  canvas: 'shieldKindCanvas',
  embed: 'shieldKindEmbed',
  frame: 'shieldKindFrame',
  background: 'shieldKindImage',
};

/**
 * Page-side protection on flagged sites. Registered at run time for flagged hosts only
 * (utils/shield/registration.ts), with public/shield/cover.css, which covers media before the
 * first paint whether or not this script runs.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  registration: 'runtime',
  runAt: 'document_start',
  allFrames: true,
  cssInjectionMode: 'manual',
  noScriptStartedPostMessage: true,
  main() {
    // Fault injection for the e2e suite (`npm run build:fault`): the stylesheet alone must keep
    // media covered. Removed from production builds.
    if (import.meta.env.MODE === 'fault') throw new Error('Gauze test build: shield script fails on purpose');
    // Injected again into an open tab (flagging, an update): one shield per document.
    const marker = Symbol.for('gauze.shield');
    const scope = globalThis as unknown as Record<symbol, boolean>;
    if (scope[marker]) return;
    scope[marker] = true;

    const shield = startPageShield(document, {
      settings: { ...shieldDefaults },
      allowedSteps: revealSteps.slice(1),
      dir: browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr',
      now: Date.now,
      shadowRootOf: (host) => {
        // Chromium: chrome.dom; Firefox: Element.openOrClosedShadowRoot, both for content scripts only.
        const chromeDom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?(e: Element): ShadowRoot | null } } }).chrome?.dom;
        const firefox = (host as Element & { openOrClosedShadowRoot?(): ShadowRoot | null }).openOrClosedShadowRoot;
        return (chromeDom?.openOrClosedShadowRoot?.(host) ?? firefox?.call(host)) || null;
      },
      cardText: (kind, { text, width, height }) => ({
        kind: t(kindLabels[kind]),
        label: text,
        size: width && height ? t('shieldSize', [String(width), String(height)]) : null,
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
      }),
      notes: {
        lookup: async (addresses) => (await sendMessage('notes/lookup', { addresses })).notes,
        put: async (address, note, reviewed) => {
          await sendMessage('notes/put', { address, note, reviewed });
        },
      },
      onRevealEnded: (kind, seconds) => {
        if (kind !== 'audio') void sendMessage('shield/revealed', { kind, seconds }).catch(() => undefined);
      },
    });

    const onCommand = (message: unknown, sender: { id?: string }): Promise<boolean> | undefined => {
      if (sender.id !== browser.runtime.id) return undefined;
      const command = shieldCommandSchema.safeParse(message);
      if (!command.success) return undefined;
      if (command.data.type === 'shield/stop') {
        shield.stop();
        frameLink.stop();
        browser.runtime.onMessage.removeListener(onCommand);
      } else if (command.data.type === 'shield/recover-all') shield.recoverAll();
      else shield.revealAll();
      // An answer tells the background that a shield is listening in this tab.
      return Promise.resolve(true);
    };
    browser.runtime.onMessage.addListener(onCommand);

    // If the background cannot be reached, the shield keeps its defaults: covered stays covered.
    const hello = sendMessage('shield/hello', {});
    const frameLink = createFrameLink(
      window,
      hello.then((reply) => reply.frameToken),
      shield.frames,
    );
    shield.askFrame = frameLink.query;
    hello.then(
      (reply) => {
        if (!reply.flagged) onCommand({ type: 'shield/stop' }, { id: browser.runtime.id });
      },
      (error: unknown) => console.warn('Gauze: the background did not answer; media stays covered.', error),
    );
  },
});
