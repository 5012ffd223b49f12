import type { Page } from 'puppeteer';
import { afterAll, beforeAll } from 'vitest';
import type { BrowserName } from '../../../scripts/lib/browsers.ts';
import type { LaunchedGauze } from '../../../scripts/lib/launch.ts';
import { ask, launchGauze } from './gauze.ts';

/** Flags a site through Gauze's own message channel and returns the page used to do it. */
export async function flagSite(gauze: LaunchedGauze, input: string, controller?: Page): Promise<Page> {
  const page = controller ?? (await gauze.openPage('options.html'));
  const answer = await ask(page, 'sites/flag', { input });
  if (!answer.ok) throw new Error(`could not flag ${input}: ${answer.error}`);
  return page;
}

/**
 * For a suite: Gauze in `name` with the fixture server's flagged host (case.localhost) flagged,
 * handed to `ready` before the suite's tests (with the page that flagged it), closed after them.
 */
export function gauzeWithFlaggedHost(name: BrowserName, ready: (gauze: LaunchedGauze, controller: Page) => void): void {
  let gauze: LaunchedGauze | undefined;
  beforeAll(async () => {
    gauze = await launchGauze(name);
    ready(gauze, await flagSite(gauze, 'case.localhost'));
  });
  afterAll(async () => {
    await gauze?.browser.close();
  });
}
