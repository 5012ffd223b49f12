import type { Page } from 'puppeteer';
import { expect } from 'vitest';
import { COVER } from '../../../utils/core/shield/cover-style.ts';
import type { BrowserName } from '../../../scripts/lib/browsers.ts';
import type { LaunchedGauze } from '../../../scripts/lib/launch.ts';
import { newPage, pause } from './gauze.ts';
import { countColourPixels, countPatternPixels, decodePng, patternExtent, type Bitmap } from './png.ts';

export interface Recording {
  frames: number;
  /** Frames in which the magenta test pattern was visible, with how many pixels of it. */
  leaks: Array<{ frame: number; pixels: number }>;
}

/**
 * Records every frame Chromium paints (CDP Page.startScreencast) while `navigate` runs and for
 * `settleMs` after, then counts test-pattern pixels in each. Starts before navigation, so the
 * very first paint of the page is in the recording.
 */
export async function recordPaintedFrames(page: Page, navigate: () => Promise<unknown>, settleMs = 2500): Promise<Recording> {
  const cdp = await page.createCDPSession();
  const frames: Buffer[] = [];
  cdp.on('Page.screencastFrame', (event: { data: string; sessionId: number }) => {
    frames.push(Buffer.from(event.data, 'base64'));
    void cdp.send('Page.screencastFrameAck', { sessionId: event.sessionId }).catch(() => undefined);
  });
  await cdp.send('Page.startScreencast', { format: 'png', everyNthFrame: 1 });
  await navigate();
  await pause(settleMs);
  await cdp.send('Page.stopScreencast');
  await cdp.detach();
  const leaks = frames
    .map((data, frame) => ({ frame, pixels: countPatternPixels(decodePng(data)) }))
    .filter(({ pixels }) => pixels > 0);
  return { frames: frames.length, leaks };
}

const screenshot = async (page: Page): Promise<Bitmap> => decodePng(Buffer.from(await page.screenshot({ type: 'png', captureBeyondViewport: false })));

/** Magenta pixels in a screenshot of the page as it is now. */
export async function patternPixelsNow(page: Page): Promise<number> {
  return countPatternPixels(await screenshot(page));
}

/** How large the test pattern is painted now: the box around every magenta pixel on screen. */
export async function patternExtentNow(page: Page): Promise<{ width: number; height: number }> {
  return patternExtent(await screenshot(page));
}

const rgb = (hex: string) => [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
const placeholderPixels = (shot: Bitmap) => countColourPixels(shot, rgb(COVER.colour)) + countColourPixels(shot, rgb(COVER.placeholderColour));

/** Pixels of the cover's two placeholder colours in a screenshot of the page as it is now. */
export async function placeholderPixelsNow(page: Page): Promise<number> {
  return placeholderPixels(await screenshot(page));
}

/**
 * Covered, as a person sees the page now: not one pixel of the test pattern, and more than
 * `least` pixels of the cover's placeholder, so a blank or unpainted page does not pass.
 */
export async function expectCovered(page: Page, least = 1000): Promise<void> {
  const shot = await screenshot(page);
  expect(countPatternPixels(shot), `test-pattern pixels on screen at ${page.url()}`).toBe(0);
  expect(placeholderPixels(shot), `placeholder pixels on screen at ${page.url()}`).toBeGreaterThan(least);
}

/**
 * Opens `url` in a new tab and checks it is covered as a person sees it: in Chromium not one
 * painted frame from navigation on shows the pattern; in Firefox (no screencast) the page once
 * settled; then more than `least` placeholder pixels are there. Returns the tab.
 */
export async function openCovered(gauze: LaunchedGauze, browser: BrowserName, url: string, settleMs = 1500, least = 1000): Promise<Page> {
  const page = await newPage(gauze);
  if (browser === 'chromium') {
    const recording = await recordPaintedFrames(page, () => page.goto(url, { waitUntil: 'load' }), settleMs);
    expect(recording.frames).toBeGreaterThan(0);
    expect(recording.leaks, url).toEqual([]);
  } else {
    await page.goto(url, { waitUntil: 'load' });
    await pause(settleMs);
  }
  await expectCovered(page, least);
  return page;
}
