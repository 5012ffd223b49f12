import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, launchFirefox, root, type LaunchedGauze } from '../../scripts/lib/launch.ts';
import { bedtimeAt, defaultBedtime, type Bedtime } from '../../utils/core/bedtime/schedule.ts';
import type { Catalogue } from '../../utils/core/i18n/format.ts';
import { languages } from '../../utils/core/i18n/languages.ts';
import { axeViolations } from './support/axe.ts';
import { ask, newPage, pause, reloadedBy, screenshotPath } from './support/gauze.ts';
import { extensionPages } from './support/pages.ts';
import { fixtureServerForFile } from './support/server.ts';
import { flagSite } from './support/sites.ts';

/**
 * Every page of Gauze and the card on a covered item, in each language Gauze speaks: no English
 * left, nothing spilling out of its box, no accessibility violation, the language's direction.
 * Chromium, with the language chosen in Settings, and with the browser's own language.
 */
const catalogue = (folder: string) => JSON.parse(readFileSync(join(root, 'public/_locales', folder, 'messages.json'), 'utf8')) as Catalogue;
const english = catalogue('en');

/** English texts a page could show whole (no placeholder in them), longer than a word or two. */
function englishTexts(folder: string): Map<string, string> {
  const translated = catalogue(folder);
  const texts = new Map<string, string>();
  for (const [key, entry] of Object.entries(english)) {
    if (/\$|\{/.test(entry.message) || entry.message.length < 6 || translated[key]?.message === entry.message) continue;
    texts.set(entry.message, key);
  }
  return texts;
}

/** What a person reads on the page: every text, and the names and values of controls. */
async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      if (text) texts.add(text);
    }
    for (const element of document.querySelectorAll('[aria-label], [title], [placeholder], input[type=button], input[type=submit]')) {
      for (const name of ['aria-label', 'title', 'placeholder', 'value']) {
        const value = element.getAttribute(name)?.trim();
        if (value) texts.add(value);
      }
    }
    return [...texts];
  });
}

/** Buttons, labels and headings whose text is wider than their box. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('button, label, h1, h2, h3, summary, legend, th, .button')]
      .filter((element) => getComputedStyle(element).display !== 'inline' && element.clientWidth > 0 && element.scrollWidth > element.clientWidth + 1)
      .map((element) => `${element.localName}: ${element.textContent?.trim().slice(0, 60)} (${element.scrollWidth} > ${element.clientWidth})`),
  );
}

/** Chooses Gauze's language in Settings; every Gauze page reloads in it, this one too. */
async function setLanguage(gauze: LaunchedGauze, folder: string): Promise<void> {
  const page = await gauze.openPage('options.html');
  await reloadedBy(page, () =>
    page.evaluate((choice) => {
      void (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ language: choice });
    }, folder),
  );
  await page.close();
}

const server = fixtureServerForFile();

describe('every page in every language (chromium, chosen in Settings)', () => {
  let gauze: LaunchedGauze;
  beforeAll(async () => {
    gauze = await launchChromium();
    await flagSite(gauze, 'case.localhost');
  });
  afterAll(async () => {
    await gauze?.browser.close();
  });

  describe.each(languages.filter((language) => language.folder !== 'en'))('$name', (language) => {
    const leftovers = englishTexts(language.folder);
    beforeAll(() => setLanguage(gauze, language.folder));

    it.for(extensionPages)('$path: in the language, its direction, nothing in English, nothing spilling over, no axe violation', async ({ path, ready }) => {
      const page = await gauze.openPage(path);
      await page.setViewport({ width: 800, height: 900 });
      await page.waitForSelector(ready);
      await pause(200);
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([language.tag, language.dir]);
      const untranslated = (await visibleTexts(page)).filter((text) => leftovers.has(text)).map((text) => `${leftovers.get(text)}: ${text}`);
      expect(untranslated).toEqual([]);
      expect(await overflowing(page)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      if ((language.folder === 'es_419' || language.folder === 'ar') && (path === 'options.html' || path === 'demo.html' || path === 'popup.html')) {
        await page.screenshot({ path: screenshotPath(`${path.replace(/\W+/g, '-').replace(/-html$/, '')}-${language.folder.slice(0, 2)}`), fullPage: path !== 'options.html' });
      }
      await page.close();
    });

    it('the card on a covered item speaks the language', async () => {
      const page = await newPage(gauze);
      await page.goto(server.flagged('/images.html'), { waitUntil: 'load' });
      await pause(500);
      await page.hover('#plain');
      await pause(300);
      // The card's shadow root is closed: what a screen reader reads of it is what a person reads.
      const snapshot = await page.accessibility.snapshot({ interestingOnly: false });
      const words: string[] = [];
      const walk = (node: { name?: string; children?: unknown[] } | null) => {
        if (!node) return;
        if (node.name) words.push(node.name);
        for (const child of (node.children ?? []) as Array<{ name?: string; children?: unknown[] }>) walk(child);
      };
      walk(snapshot);
      const translated = catalogue(language.folder);
      expect(words).toContain(translated.shieldCardLabel!.message);
      expect(words).toContain(translated.shieldStepOutline!.message);
      expect(words.filter((word) => leftovers.has(word))).toEqual([]);
      await page.close();
    });
  });
});

describe.each([
  ['Spanish', 'es', 'es_419'],
  ['Arabic', 'ar', 'ar'],
] as const)('the browser\'s own language: %s (chromium)', (_name, browserLanguage, folder) => {
  let gauze: LaunchedGauze;
  let available = false;
  const language = languages.find((entry) => entry.folder === folder)!;
  beforeAll(async () => {
    gauze = await launchChromium({ extraArgs: [`--lang=${browserLanguage}`], env: { LANGUAGE: browserLanguage } });
    const page = await gauze.openPage('popup.html');
    available = (await page.evaluate(() => (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage())).startsWith(browserLanguage);
    await page.close();
    if (!available) console.warn(`Skipping: this Chromium has no ${browserLanguage} language pack (Debian: apt-get install chromium-l10n).`);
  });
  afterAll(async () => {
    await gauze?.browser.close();
  });

  it.for(extensionPages.slice(0, 4))('$path follows the browser\'s language with no choice made', async ({ path, ready }, context) => {
    if (!available) return context.skip();
    const leftovers = englishTexts(folder);
    const page = await gauze.openPage(path);
    await page.waitForSelector(ready);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([language.tag, language.dir]);
    expect((await visibleTexts(page)).filter((text) => leftovers.has(text))).toEqual([]);
    await page.close();
  });
});

describe('bedtime in a browser that reports UTC on purpose (firefox, resistFingerprinting)', () => {
  let gauze: LaunchedGauze;
  beforeAll(async () => {
    gauze = await launchFirefox({ prefs: { 'privacy.resistFingerprinting': true } });
  });
  afterAll(async () => {
    await gauze?.browser.close();
  });

  it('with the person\'s time zone chosen, the guard locks at their bedtime, not at UTC\'s', async () => {
    const zone = 'America/Guatemala';
    const now = Date.now();
    // A night that holds now in Guatemala and not by the UTC clock (found from the schedule's own rules).
    let schedule: Bedtime | null = null;
    for (let hour = 0; hour < 24 && !schedule; hour++) {
      const time = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
      const candidate: Bedtime = { ...defaultBedtime, enabled: true, windDownMinutes: 0, nights: Array.from({ length: 7 }, () => ({ on: true, bedtime: time(hour), wake: time(hour + 3) })) };
      if (bedtimeAt(now + 60_000, candidate, zone).phase === 'night' && bedtimeAt(now + 60_000, candidate, 'UTC').phase === 'off') schedule = candidate;
    }
    expect(schedule).not.toBeNull();
    const options = await gauze.openPage('options.html');
    expect(await options.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toMatch(/UTC|GMT/);
    expect((await ask(options, 'bedtime', { bedtime: schedule })).ok).toBe(true);
    const locked = async () => ((await ask(options, 'limits', {})).reply as { lock: { reason: string } | null }).lock?.reason ?? null;
    // The browser says UTC, so by its clock it is not bedtime yet.
    expect(await locked()).toBeNull();
    // Settings says so too, and offers the choice.
    await options.waitForSelector('[data-testid=time-zone-utc]');
    await options.select('select[name=timeZone]', zone);
    await pause(500);
    expect(await locked()).toBe('bedtime');
    await options.close();
  });
});
