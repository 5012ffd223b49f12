import { browser } from '../browser/api';
import { sendMessage } from '../browser/send-message';
import type { ShieldEnvironment } from './part';

/**
 * The page shield in Gauze's own demo case file: notes and reviewed marks work as on a flagged
 * site (kept by the background like any others); nothing is recorded as exposure or reveals, and
 * the demo has no frames or tab of its own to mute.
 */
export function demoEnvironment(): ShieldEnvironment {
  return {
    now: Date.now,
    shadowRootOf: (host) => host.shadowRoot,
    frameIdOf: () => null,
    unavailableText: () => browser.i18n.getMessage('shieldLockedUnavailable'),
    report: (where, error) => console.warn(`Gauze demo: ${where} failed`, error),
    send: {
      notesLookup: (addresses) => sendMessage('notes/lookup', { addresses }),
      notesPut: async (address, note, reviewed) => {
        await sendMessage('notes/put', { address, note, reviewed });
      },
      revealed: () => undefined,
      sound: () => undefined,
      playing: () => undefined,
      askOverride: () => void browser.tabs.create({ url: browser.runtime.getURL('/bedtime.html') }),
      openUnlock: () => void browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}#unlock` }),
      framesProtected: async () => [],
      leaving: () => undefined,
    },
  };
}
