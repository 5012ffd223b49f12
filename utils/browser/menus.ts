import { browser } from './api';
import { languageReady, t } from './i18n';
import { findEntryFor, matchPatternsFor, type SiteEntry } from '../core/sites/site-entry';

export const FLAG_MENU = 'gauze-flag-site';
export const UNFLAG_MENU = 'gauze-unflag-site';
const contexts: ['page', 'image', 'video', 'link', 'frame'] = ['page', 'image', 'video', 'link', 'frame'];

/**
 * The page's context menu: "Flag this site" everywhere, and "Unflag this site…" only on sites the
 * person flagged. Unflagging from there opens Settings to confirm: loosening protection is never a
 * single click. Created anew at every worker start (menus do not outlive every browser restart).
 */
export async function createMenus(entries: readonly SiteEntry[]): Promise<void> {
  await languageReady();
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: FLAG_MENU, title: t('contextMenuFlag'), contexts });
  browser.contextMenus.create({ id: UNFLAG_MENU, title: t('contextMenuUnflag'), contexts, visible: false });
  await updateMenus(entries);
}

export async function updateMenus(entries: readonly SiteEntry[]): Promise<void> {
  const patterns = entries.filter((entry) => entry.source === 'user').flatMap(matchPatternsFor);
  await browser.contextMenus.update(UNFLAG_MENU, patterns.length ? { visible: true, documentUrlPatterns: patterns } : { visible: false });
}

/** Where a menu click leads: the options page, asking to confirm unflagging the entry. */
export function unflagConfirmationUrl(entries: readonly SiteEntry[], address: string): string | null {
  let hostname: string;
  try {
    hostname = new URL(address).hostname;
  } catch {
    return null;
  }
  const entry = findEntryFor(entries, hostname);
  if (!entry || entry.source !== 'user') return null;
  return `${browser.runtime.getURL('/options.html')}#unflag=${encodeURIComponent(entry.host)}`;
}
