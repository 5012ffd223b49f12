// Starts a real browser with Gauze loaded: used by `npm start` and by the end-to-end suite.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import puppeteer, { type Browser, type LaunchOptions, type Page } from 'puppeteer';
import { CHROMIUM_EXTENSION_ID, GECKO_ID } from '../../utils/core/extension-ids.ts';
import { findBrowser, type BrowserName } from './browsers.ts';

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

/** Options both launchers take. */
export interface CommonLaunchOptions {
  /** A team policy delivered as the browser's enterprise policy (Gauze's managed `policy`). */
  managedPolicy?: object;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The tab whose document is at `url`, found by asking each tab: Firefox reports Gauze's own tabs
 * as about:blank (see launchFirefox).
 */
export async function findPageAt(browser: Browser, url: string, exclude: ReadonlySet<Page>, timeoutMs = 20_000): Promise<Page> {
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
 * Where each browser reads enterprise policy on Linux (docs/admin.md), and the file there that
 * gives Gauze its managed `policy`. `mountAt` is the directory replaced by a private copy: the
 * policy directory, or the nearest one above it that exists (never one as large as an install).
 */
function policyPlace(name: BrowserName, policy: object) {
  if (name === 'chromium') {
    const dir = '/etc/chromium/policies/managed';
    const mountAt = [dir, dirname(dir), dirname(dirname(dir))].find((candidate) => existsSync(candidate));
    return { dir, mountAt, file: 'gauze-e2e.json', text: JSON.stringify({ '3rdparty': { extensions: { [CHROMIUM_EXTENSION_ID]: { policy } } } }) };
  }
  const dir = join(dirname(realpathSync(findBrowser('firefox'))), 'distribution');
  return { dir, mountAt: existsSync(dir) ? dir : undefined, file: 'policies.json', text: JSON.stringify({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: { policy } } } } }) };
}

/** Why this machine cannot give `name` a managed policy (see withManagedPolicy), or null if it can. */
export function managedPolicyUnavailable(name: BrowserName): string | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return 'it needs Linux and root, as CI has';
  if (spawnSync('unshare', ['--mount', 'true']).status !== 0) return '`unshare --mount` does not work here';
  const { dir, mountAt } = policyPlace(name, {});
  return mountAt ? null : `there is no ${dir} to stand in for`;
}

/**
 * A command that starts `binary` in a mount namespace of its own, where the browser's policy
 * directory is a private copy holding Gauze's policy: the browser reads it where an
 * administrator's would be, and nothing on the machine changes (not even for a browser started
 * alongside). Returns the command and what to remove once the browser has gone.
 */
function withManagedPolicy(name: BrowserName, binary: string, policy: object): { executable: string; work: string } {
  const { dir, mountAt, file, text } = policyPlace(name, policy);
  const reason = managedPolicyUnavailable(name);
  if (reason || !mountAt) throw new Error(`cannot give ${name} a managed policy: ${reason}`);
  const work = realpathSync(mkdtempSync(join(tmpdir(), 'gauze-policy-')));
  const copy = join(work, 'copy');
  // The directory's contents, never a link back to it (Debian's Firefox links distribution/).
  const target = realpathSync(mountAt);
  cpSync(target, copy, { recursive: true, dereference: true });
  const inCopy = join(copy, relative(mountAt, dir));
  mkdirSync(inCopy, { recursive: true });
  if (!realpathSync(inCopy).startsWith(`${work}/`)) throw new Error(`the private copy of ${mountAt} leads out of ${work}`);
  writeFileSync(join(inCopy, file), text);
  const executable = join(work, name);
  // unshare makes the namespace's mounts private: the bind mount is seen by this browser only.
  writeFileSync(executable, `#!/bin/sh\nexec unshare --mount sh -c 'mount --bind "$0" "$1" && shift && exec "$@"' '${copy}' '${target}' '${binary}' "$@"\n`);
  chmodSync(executable, 0o755);
  return { executable, work };
}

/** Starts a browser, with a managed policy in place when one is given; its files go with it. */
async function start(name: BrowserName, policy: object | undefined, launch: (executablePath: string) => Promise<Browser>): Promise<Browser> {
  if (!policy) return launch(findBrowser(name));
  const { executable, work } = withManagedPolicy(name, findBrowser(name), policy);
  const cleanup = () => rmSync(work, { recursive: true, force: true });
  try {
    const browser = await launch(executable);
    browser.once('disconnected', cleanup);
    return browser;
  } catch (error) {
    cleanup();
    throw error;
  }
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
  options: CommonLaunchOptions & { headless?: boolean; userDataDir?: string; extensionDir?: string; extraArgs?: string[]; env?: Record<string, string> } = {},
): Promise<LaunchedGauze> {
  const launch: LaunchOptions = {
    headless: options.headless ?? true,
    pipe: true,
    enableExtensions: [options.extensionDir ?? extensionDirs.chromium],
    args: [...chromiumArgs(), ...(options.extraArgs ?? [])],
    defaultViewport: null,
    // On Linux the browser's language comes from the environment (LANGUAGE), not from --lang.
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
  };
  if (options.userDataDir) launch.userDataDir = options.userDataDir;
  const browser = await start('chromium', options.managedPolicy, (executablePath) => puppeteer.launch({ ...launch, executablePath }));
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

export async function launchFirefox(
  options: CommonLaunchOptions & { headless?: boolean; extensionDir?: string; prefs?: Record<string, unknown> } = {},
): Promise<LaunchedGauze> {
  const browser = await start('firefox', options.managedPolicy, (executablePath) => puppeteer.launch({
    browser: 'firefox',
    executablePath,
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
  }));
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
