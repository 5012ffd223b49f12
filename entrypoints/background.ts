import { browser } from '../utils/browser/api';
import { defineBackground } from 'wxt/utils/define-background';
import { createStorage } from '../utils/storage/storage';
import { currentLanguage, languageReady, loadLanguage, onLanguageChoiceChanged, t } from '../utils/browser/i18n';
import { BREAK_NOTIFICATION, browserPrompter } from '../utils/browser/prompter';
import { browserWatch } from '../utils/browser/watch';
import { browserGuard, guardNotificationPage } from '../utils/browser/guard';
import { browserFrames, browserTabSound, coverFrame } from '../utils/browser/tabs';
import { browserManaged } from '../utils/browser/managed';
import { browserWipe } from '../utils/browser/wipe';
import { browserVault } from '../utils/browser/vault';
import { createMessageRouter, type SenderInfo } from '../utils/core/messaging';
import { createServices, startServices } from '../utils/services';
import { createMenus, FLAG_MENU, UNFLAG_MENU, unflagConfirmationUrl, updateMenus } from '../utils/browser/menus';
import { applyShieldRegistration, broadcast, protectOpenTabs, registeredSites, releaseOpenTabs, sendToTab } from '../utils/browser/registration';

/** The keyboard command (manifest `commands` in wxt.config.ts) that covers everything in every tab. */
const PANIC_COMMAND = 'cover-everything';
/** The keyboard command (no default key) that asks, in Settings, whether to erase everything. */
const ERASE_COMMAND = 'erase-everything';

export default defineBackground(() => {
  const storage = createStorage();
  const register = async (entries: Parameters<typeof applyShieldRegistration>[0]) => {
    await applyShieldRegistration(entries);
    await updateMenus(entries).catch(() => createMenus(entries));
  };
  const services = createServices({
    shield: { register, protectOpenTabs, releaseOpenTabs, coverFrame, registered: registeredSites },
    tabs: { send: sendToTab, broadcast },
    frames: browserFrames,
    watch: browserWatch,
    prompter: browserPrompter,
    guard: browserGuard,
    managed: browserManaged,
    sound: browserTabSound,
    wipe: browserWipe,
    vault: browserVault,
  });
  const handlers = startServices(services, {
    storage,
    now: Date.now,
    version: browser.runtime.getManifest().version,
    i18n: { ready: languageReady, t, language: currentLanguage, onChanged: onLanguageChoiceChanged },
  });
  const route = createMessageRouter({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    handlers,
    onRejected: (reason) => console.warn('Gauze:', reason),
  });
  /** Browser UI gestures (keyboard command, context menu) act as Gauze's own pages would. */
  const self: SenderInfo = { id: browser.runtime.id, url: browser.runtime.getURL('/background.js'), hasTab: false };

  browser.runtime.onInstalled.addListener(({ reason }) => {
    // First run: open the options page, where a person chooses which sites to flag (and, in
    // Firefox, the one way an automated test can reach Gauze's pages: WebDriver BiDi refuses to
    // navigate to moz-extension://).
    if (reason === 'install') void browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}#welcome` });
  });
  // Notifications, menus and the cards on covered items speak the person's chosen language.
  void loadLanguage().catch((error: unknown) => console.warn('Gauze: could not read the language catalogue', error));
  onLanguageChoiceChanged(() => {
    void storage.sites.list().then(createMenus).catch(() => undefined);
    void broadcast({ type: 'shield/refresh' });
  });
  void storage.sites.list().then(createMenus).catch((error: unknown) => console.warn('Gauze: could not create the context menu', error));
  browser.contextMenus.onClicked.addListener((info, tab) => {
    const address = info.frameUrl ?? tab?.url;
    if (!address) return;
    if (info.menuItemId === FLAG_MENU) void handlers['sites/flag']?.({ input: address }, 'page', self);
    if (info.menuItemId === UNFLAG_MENU) {
      void storage.sites.list().then((entries) => {
        const url = unflagConfirmationUrl(entries, address);
        if (url) void browser.tabs.create({ url });
      });
    }
  });
  browser.notifications.onClicked.addListener((id) => {
    const url = id === BREAK_NOTIFICATION ? browser.runtime.getURL('/break.html') : guardNotificationPage(id);
    if (url) void browser.tabs.create({ url });
  });
  browser.commands.onCommand.addListener((command) => {
    if (command === PANIC_COMMAND) void handlers['shield/panic']?.({}, 'page', self);
    if (command === ERASE_COMMAND) void browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}#erase` });
  });
  // Registered synchronously so a message that wakes the worker is not missed.
  browser.runtime.onMessage.addListener((message, sender) =>
    route(message, { id: sender.id, url: sender.url, hasTab: sender.tab !== undefined, tabId: sender.tab?.id, frameId: sender.frameId, tabUrl: sender.tab?.url }),
  );
});
