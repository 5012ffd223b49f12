import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type LaunchedGauze } from '../../scripts/lib/launch.ts';
import { axeViolations } from './support/axe.ts';
import { screenshotPath } from './support/gauze.ts';
import { extensionPages as pages } from './support/pages.ts';


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
    expect(await axeViolations(page)).toEqual([]);
    // No content wider than the window (a layout that only works one way round spills over).
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath(`${dir}-${path.replace(/\W+/g, '-')}`), fullPage: true });
    await page.close();
  });
});
