import { readdirSync } from 'node:fs';
import type { Page } from 'puppeteer';
import { launchChromium, launchFirefox, type LaunchedGauze } from '../../../scripts/lib/launch.ts';
import type { BrowserName } from '../../../scripts/lib/browsers.ts';
import { poll } from './gauze.ts';

/**
 * Gauze in `name`, its downloads saved in `folder` without asking: Firefox where its preferences
 * say; Chromium is told per page (`allowDownloads`).
 */
export function launchSavingTo(name: BrowserName, folder: string): Promise<LaunchedGauze> {
  return name === 'firefox'
    ? launchFirefox({ prefs: { 'browser.download.dir': folder, 'browser.download.folderList': 2, 'browser.download.useDownloadDir': true } })
    : launchChromium();
}

/** Lets `page` save what the person downloads into `folder` (Chromium; Firefox has it from its preferences). */
export async function allowDownloads(page: Page, name: BrowserName, folder: string): Promise<void> {
  if (name !== 'chromium') return;
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: folder });
}

/** The name of the first JSON file saved in `folder`, once it is whole (no .crdownload or .part left), or null. */
export async function savedJson(folder: string): Promise<string | null> {
  const saved = () => {
    const files = readdirSync(folder);
    return files.some((file) => file.endsWith('.json')) && !files.some((file) => /\.(crdownload|part)$/.test(file));
  };
  if (!(await poll(saved, true, 10_000))) return null;
  return readdirSync(folder).find((entry) => entry.endsWith('.json')) ?? null;
}
