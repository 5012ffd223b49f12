import type { Page } from 'puppeteer';
import type { LaunchedGauze } from '../../../scripts/lib/launch.ts';

type Answer = { ok: boolean; error?: string; reply?: unknown };

/** Sends a message to Gauze's background from one of its pages, as the options page would. */
export async function ask(page: Page, type: string, payload: unknown): Promise<Answer> {
  return page.evaluate(
    (t, p) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Answer> } } }).chrome.runtime.sendMessage({ type: t, payload: p }),
    type,
    payload,
  );
}

/** Flags a site through Gauze's own message channel and returns the page used to do it. */
export async function flagSite(gauze: LaunchedGauze, input: string, controller?: Page): Promise<Page> {
  const page = controller ?? (await gauze.openPage('options.html'));
  const answer = await ask(page, 'sites/flag', { input });
  if (!answer.ok) throw new Error(`could not flag ${input}: ${answer.error}`);
  return page;
}
