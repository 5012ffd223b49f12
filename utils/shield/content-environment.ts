import { browser } from 'wxt/browser';
import { sendTyped } from '../core/message-client';
import type { MessageType, Payload, Reply } from '../core/messaging';
import type { ShieldEnvironment } from './part';

/**
 * The page shield's connection to the browser, in a content script: the browser's own promise
 * APIs (no polyfill at document start), messages to the background, and the content-script-only
 * ways to reach closed shadow roots and frame ids.
 */
export function contentEnvironment(): ShieldEnvironment {
  const send = <T extends MessageType>(type: T, payload: Payload<T>): Promise<Reply<T>> => sendTyped((message) => browser.runtime.sendMessage(message), type, payload);
  const quietly = <T extends MessageType>(type: T, payload: Payload<T>) => void send(type, payload).catch(() => undefined);
  const runtime = browser.runtime as typeof browser.runtime & { getFrameId?(target: Element): number };
  return {
    now: Date.now,
    shadowRootOf(host) {
      // Only HTML elements host shadow roots (and Chromium's API throws for any other element).
      if (!(host instanceof HTMLElement)) return null;
      // Chromium: the function chrome.dom.openOrClosedShadowRoot; Firefox: the property
      // Element.openOrClosedShadowRoot. Both for content scripts only.
      const chromeDom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?(e: Element): ShadowRoot | null } } }).chrome?.dom;
      try {
        if (chromeDom?.openOrClosedShadowRoot) return chromeDom.openOrClosedShadowRoot(host) ?? null;
        return (host as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot ?? null;
      } catch {
        return null;
      }
    },
    frameIdOf(frame) {
      try {
        const id = runtime.getFrameId?.(frame);
        return typeof id === 'number' && id >= 0 ? id : null;
      } catch {
        return null;
      }
    },
    unavailableText: () => browser.i18n.getMessage('shieldLockedUnavailable'),
    report: (where, error) => console.warn(`Gauze: ${where} failed; media stays covered.`, error),
    send: {
      notesLookup: (addresses) => send('notes/lookup', { addresses }),
      notesPut: async (address, note, reviewed) => {
        await send('notes/put', { address, note, reviewed });
      },
      revealed: (kind, seconds, view) => {
        if (kind !== 'audio') quietly('shield/revealed', { kind, seconds, view });
      },
      sound: (on) => quietly('shield/sound', { on }),
      playing: (playing) => quietly('exposure/media', { playing }),
      askOverride: () => quietly('bedtime/ask', {}),
      openUnlock: () => quietly('vault/open-unlock', {}),
      framesProtected: async (frameIds) => (await send('shield/frames', { frameIds })).protected,
      leaving: () => quietly('shield/leaving', {}),
    },
  };
}

/** Asks the background for what a protected page needs (settings, lock, texts). */
export const hello = () => sendTyped((message) => browser.runtime.sendMessage(message), 'shield/hello', {});
