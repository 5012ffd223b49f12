import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export type BrowserName = 'chromium' | 'firefox';

const systemPaths: Record<BrowserName, string[]> = {
  chromium: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
  firefox: [
    '/usr/bin/firefox-esr',
    '/usr/bin/firefox',
    '/Applications/Firefox.app/Contents/MacOS/firefox',
    'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
  ],
};

const envOverride: Record<BrowserName, string | undefined> = {
  chromium: process.env.PUPPETEER_EXECUTABLE_PATH ?? process.env.CHROMIUM_PATH,
  firefox: process.env.FIREFOX_PATH,
};

/** Puppeteer's own download, if the person installed one with `npx puppeteer browsers install`. */
function fromPuppeteerCache(name: BrowserName): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const puppeteer = require('puppeteer') as { executablePath(browser?: string): string };
    const path = puppeteer.executablePath(name === 'chromium' ? 'chrome' : 'firefox');
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Finds a browser to test with: an explicit path from the environment, then the system's, then
 * puppeteer's cache. Fails with a message that says how to get one.
 */
export function findBrowser(name: BrowserName): string {
  const explicit = envOverride[name];
  if (explicit) {
    if (existsSync(explicit)) return explicit;
    throw new Error(`${name === 'chromium' ? 'PUPPETEER_EXECUTABLE_PATH' : 'FIREFOX_PATH'} points to ${explicit}, which does not exist.`);
  }
  const found = systemPaths[name].find((path) => existsSync(path)) ?? fromPuppeteerCache(name);
  if (found) return found;
  const how =
    name === 'chromium'
      ? 'Install Chromium or Chrome (Debian/Ubuntu: `sudo apt-get install chromium`), set PUPPETEER_EXECUTABLE_PATH to its binary, or run `npx puppeteer browsers install chrome`.'
      : 'Install Firefox (Debian: `sudo apt-get install firefox-esr`), set FIREFOX_PATH to its binary, or run `npx puppeteer browsers install firefox`.';
  throw new Error(`No ${name} browser found for the end-to-end tests. ${how}`);
}
