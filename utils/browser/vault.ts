import { browser } from './api';
import type { VaultBrowser } from './ports';

const KEY = 'vaultKey';
const AWAY_ALARM = 'gauze-vault-away';

let idleMinutes: number | null = null;

/**
 * The vault's browser side: the open key in session memory (never on disk, gone when the
 * browser closes; extension contexts only, no web page or content script can read it), locking
 * when the screen locks or after the idle minutes, and Gauze's own unlock page.
 */
export const browserVault: VaultBrowser = {
  async keepKey(raw) {
    if (raw) await browser.storage.session.set({ [KEY]: [...new Uint8Array(raw)] });
    else await browser.storage.session.remove(KEY);
  },
  async keptKey() {
    const stored = (await browser.storage.session.get(KEY)) as { [KEY]?: number[] };
    return stored[KEY] ? new Uint8Array(stored[KEY]).buffer : null;
  },
  onAway(listener) {
    // The browser says "idle" after a minute without input (the detection interval the exposure
    // watch sets); the rest of the person's minutes are counted by an alarm from there.
    browser.idle.onStateChanged.addListener((state) => {
      if (state === 'locked') listener();
      else if (state === 'idle' && idleMinutes !== null) void browser.alarms.create(AWAY_ALARM, { when: Date.now() + Math.max(0, idleMinutes - 1) * 60_000 });
      else void browser.alarms.clear(AWAY_ALARM);
    });
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name !== AWAY_ALARM || idleMinutes === null) return;
      void browser.idle.queryState(Math.max(15, idleMinutes * 60)).then((state) => state !== 'active' && listener());
    });
  },
  async watchIdle(minutes) {
    idleMinutes = minutes;
    if (minutes === null) await browser.alarms.clear(AWAY_ALARM);
  },
  async openUnlock() {
    await browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}#unlock` });
  },
};
