// Starts a real browser with Gauze loaded: used by `npm start` and by the end-to-end suite.
import { join } from 'node:path';
import puppeteer, { type Browser, type LaunchOptions, type Page } from 'puppeteer';
import { CHROMIUM_EXTENSION_ID, GECKO_ID } from '../../utils/core/extension-ids.ts';
import { findBrowser } from './browsers.ts';

export const root = join(import.meta.dirname, '..', '..');
export const extensionDirs = {
  chromium: join(root, '.output', 'chrome-mv3'),
  firefox: join(root, '.output', 'firefox-mv3'),
  /** A test build whose shield script throws at start (`npm run build:fault`). */
  chromiumFault: join(root, '.output', 'chrome-mv3-fault'),
} as const;

/**
 * Firefox gives each installed add-on a random internal UUID; this pref pins it, so tests (and
 * `npm start`) can open Gauze's pages at a known moz-extension:// address.
 */
export const FIREFOX_INTERNAL_UUID = '6a1f0c3e-5b7d-4e2a-9c41-0d8e7f3b2a19';

export interface LaunchedGauze {
  browser: Browser;
  /** The origin of Gauze's pages, ending in a slash: chrome-extension://ID/ or moz-extension://UUID/. */
  origin: string;
  /** Opens one of Gauze's own pages (e.g. `popup.html`) in a new tab. */
  openPage(path: string): Promise<Page>;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The tab whose document is at `url`, found by asking each tab (see launchFirefox for why). */
async function findPageAt(browser: Browser, url: string, exclude: ReadonlySet<Page>, timeoutMs = 20_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      if (exclude.has(page)) continue;
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href === url) return page;
    }
    await delay(100);
  }
  throw new Error(`no tab reached ${url} within ${timeoutMs} ms`);
}

/**
 * Chromium flags for this project's machines: as root it needs --no-sandbox, and without the
 * network flags it keeps trying to reach Google's services through a closed network.
 */
export function chromiumArgs(): string[] {
  const args = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-default-apps'];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}

export async function launchChromium(
  options: { headless?: boolean; userDataDir?: string; extensionDir?: string; extraArgs?: string[]; env?: Record<string, string> } = {},
): Promise<LaunchedGauze> {
  const launch: LaunchOptions = {
    executablePath: findBrowser('chromium'),
    headless: options.headless ?? true,
    pipe: true,
    enableExtensions: [options.extensionDir ?? extensionDirs.chromium],
    args: [...chromiumArgs(), ...(options.extraArgs ?? [])],
    defaultViewport: null,
    // On Linux the browser's language comes from the environment (LANGUAGE), not from --lang.
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
  };
  if (options.userDataDir) launch.userDataDir = options.userDataDir;
  const browser = await puppeteer.launch(launch);
  const origin = `chrome-extension://${CHROMIUM_EXTENSION_ID}/`;
  // The worker starts with the extension; waiting for it means Gauze is ready to answer.
  await browser.waitForTarget((target) => target.type() === 'service_worker' && target.url().startsWith(origin), { timeout: 30_000 });
  // A fresh profile is a first run: let Gauze's welcome tab open before anything else, so it
  // cannot push a later tab into the background (a background tab paints no frames).
  if (!options.userDataDir) await browser.waitForTarget((target) => target.url().startsWith(`${origin}options.html`), { timeout: 30_000 });
  return {
    browser,
    origin,
    async openPage(path) {
      const page = await browser.newPage();
      await page.goto(origin + path, { waitUntil: 'load' });
      // Gauze's first-run tab may open after this one; a background tab gets no frames.
      await page.bringToFront();
      return page;
    },
  };
}

export async function launchFirefox(options: { headless?: boolean; extensionDir?: string; prefs?: Record<string, unknown> } = {}): Promise<LaunchedGauze> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findBrowser('firefox'),
    headless: options.headless ?? true,
    defaultViewport: null,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_INTERNAL_UUID }),
      // The closed network: no update checks, telemetry or remote settings.
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'extensions.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      ...options.prefs,
    },
  });
  await browser.installExtension(options.extensionDir ?? extensionDirs.firefox);
  const origin = `moz-extension://${FIREFOX_INTERNAL_UUID}/`;
  // WebDriver BiDi refuses to navigate a tab to moz-extension:// and reports such tabs as
  // about:blank, but it can run script in them. Gauze opens its options page on install; from
  // there, Gauze itself opens any other page of its own, and each tab is found by its location.
  const launcher = await findPageAt(browser, `${origin}options.html#welcome`, new Set());
  return {
    browser,
    origin,
    async openPage(path) {
      const known = new Set(await browser.pages());
      await launcher.evaluate(async (url) => {
        await (globalThis as unknown as { browser: { tabs: { create(p: { url: string }): Promise<unknown> } } }).browser.tabs.create({ url });
      }, origin + path);
      const page = await findPageAt(browser, origin + path, known);
      await page.waitForFunction(() => document.readyState === 'complete');
      await page.bringToFront();
      return page;
    },
  };
}
