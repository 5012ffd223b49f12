import { browser } from './api';
import type { WipeBrowser } from './ports';

/** The browser side of "Erase everything" (utils/services/data.ts). */
export const browserWipe: WipeBrowser = {
  async clearBrowserAreas() {
    const notifications = await browser.notifications.getAll();
    const scripts = await browser.scripting.getRegisteredContentScripts();
    await Promise.all([
      browser.storage.local.clear(),
      browser.alarms.clearAll(),
      ...Object.keys(notifications).map((id) => browser.notifications.clear(id)),
      scripts.length ? browser.scripting.unregisterContentScripts({ ids: scripts.map((script) => script.id) }) : undefined,
    ]);
  },
};
