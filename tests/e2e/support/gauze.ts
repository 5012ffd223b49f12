import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { launchChromium, launchFirefox, root, type LaunchedGauze } from '../../../scripts/lib/launch.ts';
import type { BrowserName } from '../../../scripts/lib/browsers.ts';
import { formatEntry, languageFormat, type Catalogue, type MessageValue } from '../../../utils/i18n/format.ts';

export const browsers: BrowserName[] = ['chromium', 'firefox'];

export function launchGauze(name: BrowserName): Promise<LaunchedGauze> {
  return name === 'chromium' ? launchChromium() : launchFirefox();
}

const catalogue = JSON.parse(readFileSync(join(root, 'public/_locales/en/messages.json'), 'utf8')) as Catalogue;
const englishFormat = languageFormat('en');

/** The English text of a message, its placeholders and plural forms filled in as Gauze does. */
export function english(key: string, ...values: MessageValue[]): string {
  const entry = catalogue[key];
  if (!entry) throw new Error(`no message ${key}`);
  return formatEntry(entry, values, englishFormat);
}

/** Sends a raw message from an extension page, as any Gauze context would, and returns the answer. */
export function sendRaw(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m), message);
}

/** Where screenshots go: docs/images when refreshing the README's pictures, else test-results. */
export function screenshotPath(name: string): `${string}.png` {
  const dir = join(root, process.env.GAUZE_SCREENSHOTS ?? 'test-results/screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.png`) as `${string}.png`;
}

/**
 * Opens Gauze's real toolbar popup over the focused tab (Chromium: chrome.action.openPopup from
 * the service worker) and returns its page.
 */
export async function openActionPopup(gauze: LaunchedGauze): Promise<Page> {
  const target = await gauze.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(gauze.origin));
  const worker = await target.worker();
  await worker!.evaluate(() => (globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }).chrome.action.openPopup());
  const popup = await gauze.browser.waitForTarget((t) => t.type() === 'page' && t.url() === `${gauze.origin}popup.html`);
  const page = (await popup.asPage())!;
  await page.waitForFunction(() => document.querySelector('main') !== null);
  return page;
}

/**
 * Clicks the button whose text is exactly `text`, once it has stopped moving: sections that load
 * above it can push it down between finding it and the click, which then lands elsewhere.
 */
export async function clickButton(page: Page, text: string): Promise<void> {
  const handle = (await page.waitForFunction(
    async (t) => {
      const find = () => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === t);
      const before = find()?.getBoundingClientRect();
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const button = find();
      const after = button?.getBoundingClientRect();
      return before && after && before.top === after.top && before.left === after.left ? button : null;
    },
    {},
    text,
  )) as unknown as import('puppeteer').ElementHandle<HTMLButtonElement>;
  await handle.click();
}
