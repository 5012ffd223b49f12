import { browser } from './api';

/** A browser notification in Gauze's own words (never a site or a page), with Gauze's icon. */
export function notify(id: string, title: string, message: string): Promise<string> {
  return browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message });
}
