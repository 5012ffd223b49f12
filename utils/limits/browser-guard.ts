import { browser } from 'wxt/browser';
import { t } from '../i18n';
import type { GuardBrowser } from '../services/guard';
import { broadcast } from '../shield/registration';

const GUARD_ALARM = 'gauze-guard';
export const GUARD_NOTIFICATION = 'gauze-guard';

/** The guard's browser side: tells tabs the lock, an alarm at its end, notifications. */
export const browserGuard: GuardBrowser = {
  async broadcastLock(lock) {
    await broadcast({ type: 'shield/lock', lock });
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
    await browser.notifications.create(GUARD_NOTIFICATION, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t('capSoftTitle'),
      message: t('capSoftMessage', [String(Math.floor(minutes / 60)), String(minutes % 60)]),
    });
  },
};
