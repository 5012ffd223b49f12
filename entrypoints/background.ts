import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createStorage } from '../utils/db/storage';
import { createMessageRouter } from '../utils/messaging';
import { createServices, startServices } from '../utils/services';
import { applyShieldRegistration, protectOpenTabs, releaseOpenTabs } from '../utils/shield/registration';

export default defineBackground(() => {
  const services = createServices({ register: applyShieldRegistration, protectOpenTabs, releaseOpenTabs });
  const handlers = startServices(services, {
    storage: createStorage(),
    now: Date.now,
    version: browser.runtime.getManifest().version,
  });
  const route = createMessageRouter({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    handlers,
    onRejected: (reason) => console.warn('Gauze:', reason),
  });
  // First run: open the options page, where a person starts (and, in Firefox, the one way an
  // automated test can reach Gauze's pages: WebDriver BiDi refuses to navigate to moz-extension://).
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/options.html') });
  });
  // Registered synchronously so a message that wakes the worker is not missed.
  browser.runtime.onMessage.addListener((message, sender) =>
    route(message, { id: sender.id, url: sender.url, hasTab: sender.tab !== undefined, tabId: sender.tab?.id, tabUrl: sender.tab?.url }),
  );
});
