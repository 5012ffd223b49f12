import { browser } from './api';
import { onTabNavigated } from './web-tabs';
import type { IdleState } from '../core/exposure/clock';
import type { BrowserWatch } from './ports';

const HEARTBEAT_ALARM = 'gauze-exposure-heartbeat';
/** Seconds without input before the person counts as away (the browser's minimum is 15). */
const IDLE_AFTER_SECONDS = 60;

/** The browser side of the exposure clock: windows, tabs, idle state and a heartbeat alarm. */
export const browserWatch: BrowserWatch = {
  async snapshot() {
    const [focused, tabs, idle] = await Promise.all([
      browser.windows.getLastFocused().catch(() => null),
      browser.tabs.query({}),
      browser.idle.queryState(IDLE_AFTER_SECONDS),
    ]);
    const activeTabs = new Map<number, number>();
    const tabUrls = new Map<number, string>();
    for (const tab of tabs) {
      if (tab.id === undefined) continue;
      if (tab.active) activeTabs.set(tab.windowId, tab.id);
      if (tab.url) tabUrls.set(tab.id, tab.url);
    }
    return { focusedWindow: focused?.focused && focused.id !== undefined ? focused.id : null, activeTabs, tabUrls, idle: idle as IdleState };
  },
  listen(events) {
    browser.windows.onFocusChanged.addListener((windowId) => events.focus(windowId === browser.windows.WINDOW_ID_NONE ? null : windowId));
    // Closing the focused window, or bringing a tab of another window to the front, does not
    // always come with a focus event (headless Chromium, some window managers): ask again then.
    const refocus = () =>
      void browser.windows.getLastFocused().then(
        (window) => events.focus(window.focused && window.id !== undefined ? window.id : null),
        () => undefined,
      );
    browser.windows.onRemoved.addListener(refocus);
    browser.tabs.onActivated.addListener(({ windowId, tabId }) => {
      events.activated(windowId, tabId);
      refocus();
    });
    onTabNavigated(events.updated);
    browser.tabs.onRemoved.addListener((tabId) => events.removed(tabId));
    browser.idle.setDetectionInterval(IDLE_AFTER_SECONDS);
    browser.idle.onStateChanged.addListener((state) => events.idle(state as IdleState));
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === HEARTBEAT_ALARM) events.heartbeat();
    });
  },
  async heartbeat(on) {
    const existing = await browser.alarms.get(HEARTBEAT_ALARM);
    if (on && !existing) await browser.alarms.create(HEARTBEAT_ALARM, { periodInMinutes: 0.5 });
    if (!on && existing) await browser.alarms.clear(HEARTBEAT_ALARM);
  },
};
