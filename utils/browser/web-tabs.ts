import { browser } from './api';

/** An open tab Gauze can talk to: it has an id and shows a web page. */
export interface WebTab {
  id: number;
  url: string;
}

/**
 * Open tabs showing web pages (http and https), optionally only those matching the given match
 * patterns. The one way the background asks "which tabs", so the filter is written once.
 */
export async function webTabs(patterns?: readonly string[]): Promise<WebTab[]> {
  if (patterns && patterns.length === 0) return [];
  const tabs = await browser.tabs.query(patterns ? { url: [...patterns] } : {});
  return tabs.flatMap((tab) => (tab.id !== undefined && tab.url && /^https?:/.test(tab.url) ? [{ id: tab.id, url: tab.url }] : []));
}

/** Calls back when a tab's address changes (a navigation, a history change or a redirect). */
export function onTabNavigated(listener: (tabId: number, url: string) => void): void {
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url) listener(tabId, change.url);
  });
}
