import { browser } from './api';
import { onTabNavigated, webTabs } from './web-tabs';
import { formatClock, formatDuration } from '../core/exposure/format';
import { currentLanguage, languageReady, t, uiLocale } from './i18n';
import { notify } from './notify';
import type { GuardBrowser } from './ports';
import { broadcast } from './registration';
import { tellLock } from '../core/shield/shield-texts';

const GUARD_ALARM = 'gauze-guard';
/** The guard's notifications; a click on one opens the page that helps with it. */
const SOFT_CAP_NOTIFICATION = 'gauze-soft-cap';
const WIND_DOWN_NOTIFICATION = 'gauze-wind-down';
const notificationPages = () => ({
  // Today's figures beside the weeks before.
  [SOFT_CAP_NOTIFICATION]: browser.runtime.getURL('/dashboard.html'),
  // The schedule, to see when the guard ends or change it.
  [WIND_DOWN_NOTIFICATION]: `${browser.runtime.getURL('/options.html')}#bedtime`,
});

/** The extension page a click on one of the guard's notifications opens, if it is one of them. */
export function guardNotificationPage(id: string): string | null {
  return (notificationPages() as Record<string, string>)[id] ?? null;
}

const GREYSCALE_ID = 'gauze-greyscale';
const GREYSCALE_CSS = 'shield/greyscale.css';

/** The bedtime page, with the address a tab was going to (kept only in that tab's own history). */
const bedtimePageUrl = (returnTo?: string) =>
  `${browser.runtime.getURL('/bedtime.html')}${returnTo ? `#return=${encodeURIComponent(returnTo)}` : ''}`;


/** The guard's browser side: tells tabs the lock, alarms at boundaries, notifications, diversions, greyscale. */
export const browserGuard: GuardBrowser = {
  async broadcastLock(lock) {
    await languageReady();
    await broadcast({ type: 'shield/lock', lock: tellLock(lock, t, currentLanguage()) });
  },
  async wakeAt(at) {
    if (at === null) await browser.alarms.clear(GUARD_ALARM);
    else await browser.alarms.create(GUARD_ALARM, { when: at });
  },
  onWake(listener) {
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === GUARD_ALARM) listener();
    });
  },
  async notifySoftCap(minutes) {
    await languageReady();
    await notify(SOFT_CAP_NOTIFICATION, t('capSoftTitle'), t('capSoftMessage', formatDuration(minutes * 60, uiLocale())));
  },
  async warnWindDown(startsAt) {
    await languageReady();
    await notify(WIND_DOWN_NOTIFICATION, t('bedtimeWarnTitle'), t('bedtimeWarnMessage', formatClock(startsAt, uiLocale())));
  },
  async divert(isFlagged) {
    const tabs = (await webTabs()).filter((tab) => isFlagged(tab.url));
    await Promise.all(tabs.map((tab) => browser.tabs.update(tab.id, { url: bedtimePageUrl(tab.url) }).catch(() => undefined)));
  },
  async divertTab(tabId, url) {
    await browser.tabs.update(tabId, { url: bedtimePageUrl(url) });
  },
  onNavigated: onTabNavigated,
  async setGreyscale(on) {
    const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [GREYSCALE_ID] })).length > 0;
    if (on && !registered)
      await browser.scripting.registerContentScripts([{ id: GREYSCALE_ID, matches: ['<all_urls>'], css: [GREYSCALE_CSS], runAt: 'document_start', persistAcrossSessions: true }]);
    if (!on && registered) await browser.scripting.unregisterContentScripts({ ids: [GREYSCALE_ID] });
    // Pages already open change at once.
    await Promise.all(
      (await webTabs()).map((tab) => {
        const target = { tabId: tab.id };
        return (on ? browser.scripting.insertCSS({ target, files: [GREYSCALE_CSS] }) : browser.scripting.removeCSS({ target, files: [GREYSCALE_CSS] })).catch(() => undefined);
      }),
    );
  },
  async openOverridePage() {
    await browser.tabs.create({ url: bedtimePageUrl() });
  },
};
