import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchedGauze } from '../../scripts/lib/launch.ts';
import { browsers, clickButton, english, launchGauze, screenshotPath } from './support/gauze.ts';

describe.each(browsers)('break page in %s', (name) => {
  let gauze: LaunchedGauze;
  beforeAll(async () => {
    gauze = await launchGauze(name);
  });
  afterAll(async () => {
    await gauze?.browser.close();
  });

  it('paces breathing with text cues, offers grounding and a stretch, and a safety line', async () => {
    const page = await gauze.openPage('break.html');
    await page.waitForSelector('[data-testid=breath]');
    expect(await page.$eval('.safety', (el) => el.textContent)).toBe(english('breakSafety'));
    expect(await page.$eval('.cue', (el) => el.textContent)).toBe(english('breathReady'));
    await clickButton(page, english('breathStart'));
    await page.waitForFunction((text) => document.querySelector('.cue')?.textContent === text, {}, english('breathIn'));
    expect(await page.$eval('.cue', (el) => el.getAttribute('aria-live'))).toBe('polite');
    // Slow breathing: in for 5 s, then out.
    await page.waitForFunction((text) => document.querySelector('.cue')?.textContent === text, { timeout: 8000 }, english('breathOut'));
    // Box breathing has a hold.
    const labels = await page.$$('fieldset.patterns label');
    await labels[1]!.click();
    await page.waitForFunction((text) => document.querySelector('.cue')?.textContent === text, { timeout: 8000 }, english('breathHold'));
    if (name === 'chromium') await page.screenshot({ path: screenshotPath('break') });
    expect(await page.$$eval('.checklist input', (boxes) => boxes.length)).toBe(5);
    expect(await page.$$eval('ol li', (items) => items.length)).toBe(4);
    await page.close();
  });

  it('with reduced motion, shows words and no moving circle', async () => {
    const page = await gauze.openPage('break.html');
    if (name === 'chromium') {
      await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
      await page.reload({ waitUntil: 'load' });
      await page.waitForSelector('[data-testid=breath]');
      expect(await page.$('.circle')).toBeNull();
      await clickButton(page, english('breathStart'));
      await page.waitForFunction((text) => document.querySelector('.cue')?.textContent === text, {}, english('breathIn'));
    } else {
      expect(await page.$('.circle')).not.toBeNull();
    }
    await page.close();
  });
});
