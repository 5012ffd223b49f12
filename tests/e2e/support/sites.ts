import type { Page } from 'puppeteer';
import type { LaunchedGauze } from '../../../scripts/lib/launch.ts';
import { ask } from './gauze.ts';

/** Flags a site through Gauze's own message channel and returns the page used to do it. */
export async function flagSite(gauze: LaunchedGauze, input: string, controller?: Page): Promise<Page> {
  const page = controller ?? (await gauze.openPage('options.html'));
  const answer = await ask(page, 'sites/flag', { input });
  if (!answer.ok) throw new Error(`could not flag ${input}: ${answer.error}`);
  return page;
}
