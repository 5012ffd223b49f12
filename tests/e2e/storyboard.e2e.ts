import type { Page } from 'puppeteer';
import { describe, expect, it } from 'vitest';
import type { LaunchedGauze } from '../../scripts/lib/launch.ts';
import { patternExtentNow, patternPixelsNow, recordPaintedFrames } from './support/frames.ts';
import { browsers, newPage, pause, poll, tabMuted } from './support/gauze.ts';
import { fixtureServerForFile } from './support/server.ts';
import { gauzeWithFlaggedHost } from './support/sites.ts';

const server = fixtureServerForFile();

/** Whether the browser says the tab showing `url` makes sound (muted or not). */
function tabAudible(controller: Page, url: string): Promise<boolean | null> {
  return controller.evaluate(async (address) => {
    type Tab = { url?: string; audible?: boolean };
    const api = globalThis as unknown as { browser?: { tabs: { query(q: object): Promise<Tab[]> } }; chrome: { tabs: { query(q: object): Promise<Tab[]> } } };
    const tabs = await (api.browser ?? api.chrome).tabs.query({});
    return tabs.find((tab) => tab.url === address)?.audible ?? null;
  }, url);
}

/** The page's video and what the page saw of playback. */
const pageVideo = (page: Page) =>
  page.evaluate(() => {
    const video = document.querySelector<HTMLVideoElement>('#long')!;
    return { paused: video.paused, time: video.currentTime, view: video.getAttribute('data-cover-view'), videos: document.querySelectorAll('video').length, plays: (window as unknown as { playEvents: string[] }).playEvents };
  });

describe.each(browsers)('storyboard in %s', (name) => {
  const state = {} as { gauze: LaunchedGauze; controller: Page };
  gauzeWithFlaggedHost(name, (gauze, controller) => Object.assign(state, { gauze, controller }));

  it('a 60-second cross-origin video: frames appear covered, with no playback seen or heard; one stepped frame shows only itself', async () => {
    const page = await newPage(state.gauze);
    const url = server.flagged('/storyboard.html');
    const open = async () => {
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction(() => document.querySelector<HTMLVideoElement>('#long')!.readyState >= 1 && document.querySelector<HTMLElement>('#long')!.tabIndex === 0, { timeout: 10_000 });
      await page.click('#case');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('long');
      await page.keyboard.press('KeyB');
    };
    if (name === 'chromium') {
      // Every frame Chromium paints, from navigation until well after the storyboard has opened.
      const recording = await recordPaintedFrames(page, open, 4000);
      expect(recording.frames).toBeGreaterThan(0);
      expect(recording.leaks).toEqual([]);
    } else {
      // Firefox has no screencast: the screen, looked at again and again while the frames are taken.
      await open();
      for (let look = 0; look < 8; look++) {
        expect(await patternPixelsNow(page), `look ${look}`).toBe(0);
        await pause(400);
      }
    }
    // The frames come from the page's own video, sought while it stays paused, muted and covered.
    expect(await pageVideo(page)).toEqual({ paused: true, time: expect.any(Number), view: null, videos: 1, plays: [] });
    expect(await poll(() => tabMuted(state.controller, url), true)).toBe(true);
    expect(await tabAudible(state.controller, url)).not.toBe(true);

    // The person steps the first frame (the focus is on the panel's Close button): its outline
    // (a flat picture has no edges: white), then in full. Only that frame shows the pattern.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await pause(300);
    expect(await patternPixelsNow(page)).toBe(0);
    await page.keyboard.press('Enter');
    expect(await poll(async () => (await patternPixelsNow(page)) > 5000, true)).toBe(true);
    const extent = await patternExtentNow(page);
    // One frame of the grid: 160 CSS pixels wide, 90 high (the video is 16:9), give or take its edge.
    expect(extent.width).toBeLessThanOrEqual(162);
    expect(extent.height).toBeLessThanOrEqual(92);
    expect(await pageVideo(page)).toEqual({ paused: true, time: expect.any(Number), view: null, videos: 1, plays: [] });
    expect(await tabAudible(state.controller, url)).not.toBe(true);

    // Escape covers the frame again; Escape once more closes the storyboard.
    await page.keyboard.press('Escape');
    expect(await poll(() => patternPixelsNow(page), 0)).toBe(0);
    await page.keyboard.press('Escape');
    // Closed: the page's video is back where it was.
    expect(await poll(async () => (await pageVideo(page)).time, 0)).toBe(0);
    expect(await pageVideo(page)).toEqual({ paused: true, time: 0, view: null, videos: 1, plays: [] });
    await page.close();
  });
});
