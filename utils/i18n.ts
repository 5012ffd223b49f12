import { browser } from 'wxt/browser';
import type messages from '../public/_locales/en/messages.json';

/** Every user-visible string has a key in public/_locales/en/messages.json. */
export type MessageKey = keyof typeof messages;

/**
 * The browser's own i18n: no bundled catalogue, no network, and right-to-left locales get their
 * direction from `@@bidi_dir`. Falls back to the key so a missing string is visible in review.
 */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** Sets the page's language and writing direction from the browser's UI locale. */
export function applyDocumentLocale(doc: Document = document): void {
  doc.documentElement.lang = browser.i18n.getUILanguage();
  doc.documentElement.dir = browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
}
