import polyfill from 'webextension-polyfill';
import type { browser as nativeBrowser } from 'wxt/browser';

/**
 * The extension APIs for Gauze's pages and background: webextension-polyfill, so both browsers
 * answer with promises. Typed as the browser's own APIs (what the rest of the code was written
 * against). Content scripts do not import this: they start on every flagged page and use the
 * browser's own promise APIs (`wxt/browser`) instead of evaluating about 10 kB of polyfill at
 * document start (tests/unit/shield-bundle.test.ts).
 */
export const browser = polyfill as unknown as typeof nativeBrowser;
export type { Browser } from 'wxt/browser';
