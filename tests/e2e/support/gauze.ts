import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Target, WebWorker } from 'puppeteer';
import { launchChromium, launchFirefox, root, type CommonLaunchOptions, type LaunchedGauze } from '../../../scripts/lib/launch.ts';
import type { BrowserName } from '../../../scripts/lib/browsers.ts';
import { formatEntry, languageFormat, type Catalogue, type MessageValue } from '../../../utils/core/i18n/format.ts';

export const browsers: BrowserName[] = ['chromium', 'firefox'];

export function launchGauze(name: BrowserName, options: CommonLaunchOptions = {}): Promise<LaunchedGauze> {
  return name === 'chromium' ? launchChromium(options) : launchFirefox(options);
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

export type Answer = { ok: boolean; error?: string; reply?: unknown };

/** Sends a message to Gauze's background from one of its pages, as the options page would. */
export function ask(page: Page, type: string, payload: unknown): Promise<Answer> {
  return sendRaw(page, { type, payload }) as Promise<Answer>;
}

/** The reply to a message that must succeed; a refusal fails the test with Gauze's own words. */
export async function reply<T>(page: Page, type: string, payload: unknown = {}): Promise<T> {
  const answer = await ask(page, type, payload);
  if (!answer.ok) throw new Error(`${type} was refused: ${answer.error}`);
  return answer.reply as T;
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
  const worker = await serviceWorker(gauze);
  await worker.evaluate(() => (globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }).chrome.action.openPopup());
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

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `check` until it returns `want` (by deep equality of JSON) or the time is up, and returns
 * the last value: the caller asserts on it, so a timeout fails with what was seen.
 */
export async function poll<T>(check: () => Promise<T> | T, want: T, timeoutMs = 5000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await check();
  while (JSON.stringify(last) !== JSON.stringify(want) && Date.now() < deadline) {
    await pause(everyMs);
    last = await check();
  }
  return last;
}

/**
 * Does `act`, which makes one of Gauze's pages reload, and waits for the new document. Nothing is
 * awaited across the reload: Firefox's WebDriver BiDi never reports an extension page's reload as
 * done, and a call still running in the old document may never answer.
 */
export async function reloadedBy(page: Page, act: () => Promise<unknown>): Promise<void> {
  await page.evaluate(() => ((window as unknown as { reloading?: boolean }).reloading = true));
  await act();
  await page.waitForFunction(() => !(window as unknown as { reloading?: boolean }).reloading && document.readyState === 'complete');
}

/** Reloads one of Gauze's pages and waits for the new document. */
export function reloadPage(page: Page): Promise<void> {
  return reloadedBy(page, () => page.evaluate(() => location.reload()));
}

/** A new tab in front, at a fixed size (a background tab paints no frames). */
export async function newPage(gauze: LaunchedGauze, size = { width: 900, height: 700 }): Promise<Page> {
  const page = await gauze.browser.newPage();
  await page.setViewport(size);
  await page.bringToFront();
  return page;
}

const isWorker = (gauze: LaunchedGauze) => (target: Target) => target.type() === 'service_worker' && target.url().startsWith(gauze.origin);

/**
 * Gauze's service worker (Chromium). The browser stops it after 30 s idle; a message from one of
 * Gauze's pages starts it again, as any event would.
 */
export async function serviceWorker(gauze: LaunchedGauze): Promise<WebWorker> {
  if (!gauze.browser.targets().some(isWorker(gauze))) {
    const page = await gauze.openPage('popup.html');
    await sendRaw(page, { type: 'sites/list', payload: {} });
    await page.close();
  }
  const target = await gauze.browser.waitForTarget(isWorker(gauze));
  return (await target.worker())!;
}

/** The service worker (Chromium): stopped now, as the browser does after 30 s idle. */
export async function stopWorker(gauze: LaunchedGauze, from: Page): Promise<void> {
  const cdp = await from.createCDPSession();
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  const running = await poll(() => gauze.browser.targets().some(isWorker(gauze)), false, 5000, 50);
  if (running) throw new Error('the service worker did not stop');
}

/** Whether the browser has muted the tab showing `url` (asked from one of Gauze's pages). */
export function tabMuted(controller: Page, url: string): Promise<boolean | null> {
  return controller.evaluate(async (address) => {
    type Tab = { url?: string; mutedInfo?: { muted: boolean } };
    const api = (globalThis as unknown as { browser?: { tabs: { query(q: object): Promise<Tab[]> } }; chrome: { tabs: { query(q: object): Promise<Tab[]> } } });
    const tabs = await (api.browser ?? api.chrome).tabs.query({});
    return tabs.find((tab) => tab.url === address)?.mutedInfo?.muted ?? null;
  }, url);
}
