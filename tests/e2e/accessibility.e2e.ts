import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type LaunchedGauze } from '../../scripts/lib/launch.ts';
import { screenshotPath } from './support/gauze.ts';

/** axe-core's engine, evaluated in the page (DevTools evaluation is not bound by the page's CSP). */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** WCAG 2.x A and AA rules (and axe's best practices) over the whole page, as axe sees it now. */
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const found = (await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } })).violations;
  })) as Violation[];
  return found.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Every extension page a person sees; each is checked once what it shows has loaded. */
const pages: Array<{ path: string; ready: string }> = [
  { path: 'popup.html', ready: 'main button' },
  { path: 'options.html', ready: '[data-testid=data-summary]' },
  { path: 'options.html#welcome', ready: '[data-testid=bedtime-settings] form' },
  { path: 'dashboard.html', ready: '[data-testid=check-in]' },
  { path: 'break.html', ready: 'main h1' },
  { path: 'break.html#pause', ready: 'main h1' },
  { path: 'bedtime.html', ready: 'main h1' },
  { path: 'team.html', ready: 'input[name=summaries]' },
  { path: 'demo.html', ready: 'main img' },
];

describe.each([
  ['left-to-right', 'en-US', 'ltr'],
  ['right-to-left', 'ar', 'rtl'],
])('accessibility of every page (chromium, %s)', (_label, lang, dir) => {
  let gauze: LaunchedGauze;
  let language = '';
  beforeAll(async () => {
    gauze = await launchChromium({ extraArgs: [`--lang=${lang}`], env: { LANGUAGE: lang } });
    const page = await gauze.openPage('popup.html');
    language = await page.evaluate(() => (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage());
    await page.close();
    if (language !== lang) console.warn(`Skipping the ${dir} checks: this Chromium has no ${lang} language pack (Debian: apt-get install chromium-l10n).`);
  });
  afterAll(async () => {
    await gauze?.browser.close();
  });

  it.for(pages)('$path: no axe violations, the page direction is the language\'s, nothing overflows sideways', async ({ path, ready }, context) => {
    if (language !== lang) return context.skip();
    const page = await gauze.openPage(path);
    await page.setViewport({ width: 800, height: 900 });
    await page.waitForSelector(ready);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(dir);
    expect(await violations(page)).toEqual([]);
    // No content wider than the window (a layout that only works one way round spills over).
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath(`${dir}-${path.replace(/\W+/g, '-')}`), fullPage: true });
    await page.close();
  });
});
