import type { Page } from 'puppeteer';
import { describe, expect, it } from 'vitest';
import type { LaunchedGauze } from '../../scripts/lib/launch.ts';
import { expectCovered, openCovered, patternPixelsNow, recordPaintedFrames } from './support/frames.ts';
import { ask, browsers, newPage, pause, poll, tabMuted } from './support/gauze.ts';
import { fixtureServerForFile } from './support/server.ts';
import { gauzeWithFlaggedHost } from './support/sites.ts';

/**
 * Pages that attack the shield, one per class of attack, in Chromium and Firefox. Each is judged
 * by what a person would see (painted frames in Chromium from navigation on; what is painted once
 * loaded in Firefox) or hear (the tab's mute), and each has a control: the same page on a host
 * that is not flagged, where the attack shows the picture, so the check can fail.
 */
const server = fixtureServerForFile();

describe.each(browsers)('hostile pages in %s', (name) => {
  let gauze: LaunchedGauze;
  let controller: Page;
  gauzeWithFlaggedHost(name, (launched, page) => ((gauze = launched), (controller = page)));

  /** The flagged page: never the pattern, from navigation on, and the placeholder is there. */
  const holds = (path: string, settleMs = 1500, placeholders = 3000): Promise<Page> => openCovered(gauze, name, server.flagged(path), settleMs, placeholders);
  /** The control: the same page where nothing is flagged shows the pattern. */
  async function attackWorks(path: string, least = 2000, settleMs = 1500): Promise<void> {
    const page = await newPage(gauze);
    await page.goto(server.other(path), { waitUntil: 'load' });
    await pause(settleMs);
    expect(await patternPixelsNow(page)).toBeGreaterThan(least);
    await page.close();
  }

  it('the page\'s own cascade (!important, @layer, revert, all: unset, inline and scripted !important) cannot undo the cover', async () => {
    await attackWorks('/hostile/cascade.html');
    const page = await holds('/hostile/cascade.html');
    await page.close();
  });

  it('the page\'s transitions and animations show nothing while an item steps or is covered again', async () => {
    await attackWorks('/hostile/transitions.html');
    const page = await holds('/hostile/transitions.html');
    const step = async (act: () => Promise<unknown>) => {
      if (name === 'chromium') expect((await recordPaintedFrames(page, act, 1200)).leaks).toEqual([]);
      else {
        await act();
        for (let i = 0; i < 6; i++) {
          await expectCovered(page);
          await pause(150);
        }
      }
    };
    await step(() => page.click('#plain'));
    expect(await page.$eval('#plain', (element) => element.getAttribute('data-cover-view'))).toBe('outline');
    await step(() => page.keyboard.press('Escape'));
    expect(await page.$eval('#plain', (element) => element.getAttribute('data-cover-view'))).toBeNull();
    await page.close();
  });

  it('pictures that are not img or background (content, masks, feImage, pseudo-elements, a dialog\'s backdrop) are never painted', async () => {
    await attackWorks('/hostile/pictures.html');
    const page = await holds('/hostile/pictures.html', 1500, 1000);
    await page.close();
  });

  it('an icon the page makes large after it was shown (transform, scale, zoom) is never painted large', async () => {
    await attackWorks('/hostile/icons.html', 16 * 16 * 20);
    const page = await newPage(gauze);
    await page.goto(server.flagged('/hostile/icons.html'), { waitUntil: 'load' });
    await pause(1800);
    // The three 16-pixel icons, painted as icons; nothing of them grown.
    expect(await patternPixelsNow(page)).toBe(3 * 16 * 16);
    await page.close();
  });

  it('marks the page writes itself, in markup or by script, before or after insertion, count for nothing', async () => {
    await attackWorks('/hostile/marks.html');
    const page = await holds('/hostile/marks.html');
    await page.close();
  });

  it('a way out through a blob: document of the page\'s own is covered too', async () => {
    await attackWorks('/hostile/blob-page.html', 20_000);
    const page = await holds('/hostile/blob-page.html', 2000, 20_000);
    expect(page.url()).toMatch(/^blob:/);
    await page.close();
  });

  it('a way out through a popup the page writes into: covered, and its sound off', async () => {
    const open = async (url: string) => {
      const page = await newPage(gauze);
      await page.goto(url, { waitUntil: 'load' });
      const opened = new Promise<Page>((resolve) => gauze.browser.once('targetcreated', async (target) => resolve((await target.page())!)));
      await page.click('#open');
      const popup = await opened;
      await pause(1500);
      return { page, popup };
    };
    const control = await open(server.other('/hostile/popup-opener.html'));
    expect(await patternPixelsNow(control.popup)).toBeGreaterThan(20_000);
    await control.popup.close();
    await control.page.close();
    const { page, popup } = await open(server.flagged('/hostile/popup-opener.html'));
    await popup.bringToFront();
    await expectCovered(popup);
    expect(await popup.evaluate(() => (document.getElementById('v') as HTMLVideoElement).muted)).toBe(true);
    await popup.close();
    await page.close();
  });

  it('an unflagged page holding a flagged frame cannot unmute its tab with an in-page address change', async () => {
    const page = await newPage(gauze);
    await page.goto(server.other('/hostile/push-state.html'), { waitUntil: 'load' });
    expect(await poll(() => tabMuted(controller, page.url()), true)).toBe(true);
    await page.evaluate(() => (window as unknown as { moveOn(): void }).moveOn());
    await pause(1000);
    expect(await tabMuted(controller, page.url())).toBe(true);
    await page.close();
  });

  it('nothing on a flagged page names Gauze or tells one install from another', async () => {
    const page = await holds('/images.html');
    await page.click('#plain');
    const found = await page.evaluate(() => {
      const names = new Set<string>();
      for (const element of document.querySelectorAll('*')) for (const attribute of element.getAttributeNames()) names.add(attribute);
      return {
        attributes: [...names].filter((attribute) => /gauze/i.test(attribute)),
        symbols: Object.getOwnPropertySymbols(window).map(String).filter((symbol) => /gauze|cover/i.test(symbol)),
        globals: Object.getOwnPropertyNames(window).filter((key) => /gauze/i.test(key)),
        attachShadow: Element.prototype.attachShadow.name,
        play: HTMLMediaElement.prototype.play.name,
      };
    });
    expect(found).toEqual({ attributes: [], symbols: [], globals: [], attachShadow: 'attachShadow', play: 'play' });
    await page.close();
  });

  it('with its database deleted by another context, Gauze keeps the sites flagged, the page covered and its tab muted', async () => {
    await controller.evaluate(() => new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase('gauze');
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
      request.onblocked = () => undefined; // Gauze's connection lets go by itself
    }));
    const answer = await ask(controller, 'sites/list', {});
    expect((answer.reply as { entries: Array<{ host: string }> }).entries.map((entry) => entry.host)).toContain('case.localhost');
    const page = await holds('/video.html', 1500, 1000);
    expect(await poll(() => tabMuted(controller, page.url()), true)).toBe(true);
    await page.click('#autoplay');
    expect(await page.$eval('#autoplay', (element) => element.getAttribute('data-cover-view'))).toBe('outline');
    await page.close();
  });

  it('Gauze\'s own pages load nothing from outside (an http picture is refused)', async () => {
    const options = await gauze.openPage('options.html');
    const loaded = await options.evaluate(
      (url) =>
        new Promise<boolean>((resolve) => {
          const img = new Image();
          img.onload = () => resolve(true);
          img.onerror = () => resolve(false);
          img.src = url;
        }),
      server.other('/pattern.png?w=10&h=10'),
    );
    expect(loaded).toBe(false);
    await options.close();
  });
});
