import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionDirs, launchChromium, type LaunchedGauze } from '../../scripts/lib/launch.ts';
import { readStore } from './support/database.ts';
import { expectCovered, openCovered, patternExtentNow, patternPixelsNow, recordPaintedFrames } from './support/frames.ts';
import { ask, browsers, english, launchGauze, newPage, pause, poll, serviceWorker, tabMuted } from './support/gauze.ts';
import { countColourPixels, decodePng } from './support/png.ts';
import { fixtureServerForFile } from './support/server.ts';
import { flagSite } from './support/sites.ts';

/** One fixture page per way a page can show media (tests/e2e/fixtures). */
const fixtures = [
  'images.html',
  'backgrounds.html',
  'svg-canvas.html',
  'video.html',
  'embeds.html',
  'frames.html',
  'shadow.html',
  'dynamic.html',
  'pattern.png?w=400&h=300',
  'pattern.svg',
  'pattern.webm',
];

const server = fixtureServerForFile();

/** A browser with Gauze and the fixture host flagged, for one describe block. */
function flaggedBrowser(launch: () => Promise<LaunchedGauze>) {
  const state = {} as { gauze: LaunchedGauze; controller: Page };
  beforeAll(async () => {
    state.gauze = await launch();
    state.controller = await flagSite(state.gauze, 'localhost');
  });
  afterAll(async () => {
    await state.gauze?.browser.close();
  });
  return state;
}

const viewOf = (page: Page, selector: string) => page.$eval(selector, (el) => el.getAttribute('data-cover-view'));

// Chromium only: every painted frame (CDP screencast), the card in its closed shadow root (the
// accessibility tree) and a busy service worker; what Firefox shows is checked further down.
describe('shield in chromium: nothing flagged is painted unprotected', () => {
  const state = flaggedBrowser(() => launchChromium());

  it.each(fixtures)('%s: zero frames show the test pattern, from navigation on', async (fixture) => {
    const page = await newPage(state.gauze);
    const recording = await recordPaintedFrames(page, () => page.goto(server.flagged(`/${fixture}`)), 2500);
    expect(recording.frames).toBeGreaterThan(0);
    expect(recording.leaks).toEqual([]);
    await expectCovered(page);
    await page.close();
  });

  // A slow network: the browser parses and paints what has come while the rest is on its way.
  it.each(['images.html', 'backgrounds.html', 'svg-canvas.html', 'video.html', 'frames.html', 'shadow.html', 'dynamic.html', 'closed-declarative.html', 'pseudo.html', 'sheet-backgrounds.html', 'svg-drawings.html', 'hostile/cascade.html', 'hostile/pictures.html', 'hostile/marks.html', 'hostile/transitions.html', 'embeds.html'])(
    '%s arriving 200 bytes at a time: zero frames show the test pattern',
    async (fixture) => {
      const page = await newPage(state.gauze);
      const recording = await recordPaintedFrames(page, () => page.goto(server.flagged(`/${fixture}?trickle=120`), { waitUntil: 'load', timeout: 20_000 }), 1500);
      expect(recording.frames).toBeGreaterThan(0);
      expect(recording.leaks).toEqual([]);
      await expectCovered(page);
      await page.close();
    },
  );

  it('the same pages on an unflagged host do show the pattern (the check can fail)', async () => {
    const page = await newPage(state.gauze);
    await page.goto(server.other('/images.html'), { waitUntil: 'load' });
    expect(await patternPixelsNow(page)).toBeGreaterThan(10_000);
    await page.close();
  });

  it('covered items are reachable by keyboard with a labelled card; Enter steps, Escape covers', async () => {
    const page = await newPage(state.gauze);
    await page.goto(server.flagged('/images.html'), { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#plain')!.tabIndex === 0);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('plain');
    // The card (in a closed shadow root, found as a screen reader finds it) is on screen, whole.
    const card = await page.waitForSelector(`::-p-aria([name="${english('shieldCardLabel')}"][role="group"])`);
    const box = await card!.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.width).toBeGreaterThan(0);
    expect(box!.height).toBeGreaterThan(0);
    expect(box!.x >= 0 && box!.y >= 0 && box!.x + box!.width <= 900 && box!.y + box!.height <= 700, JSON.stringify(box)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await viewOf(page, '#plain')).toBe('outline');
    await page.keyboard.press('Escape');
    expect(await viewOf(page, '#plain')).toBeNull();
    await expectCovered(page);
    await page.close();
  });

  it('a click made while the background is still busy is kept: covered until it answers, then one step', async () => {
    const worker = await serviceWorker(state.gauze);
    // The worker cannot answer for 2.5 s (as when it is waking up); the page loads meanwhile.
    const busy = worker.evaluate(() => {
      const end = Date.now() + 2500;
      while (Date.now() < end);
    });
    const page = await newPage(state.gauze);
    await page.goto(server.flagged('/images.html'), { waitUntil: 'load' });
    await page.click('#plain');
    expect(await viewOf(page, '#plain')).toBeNull(); // no answer yet: still covered (fail closed)
    await expectCovered(page);
    await busy;
    // Once it answers, the click is taken: one step, not lost and not more.
    await page.waitForFunction(() => document.querySelector('#plain')?.getAttribute('data-cover-view') === 'outline', { timeout: 5000 });
    await page.close();
  });
});

describe.each(browsers)('shield in %s: notes, panic, re-cover and sound', (name) => {
  const state = flaggedBrowser(() => launchGauze(name));

  it('a note and a reviewed mark are kept under a hash, never the address, and shown on the next visit', async () => {
    const page = await newPage(state.gauze);
    await page.goto(server.flagged('/images.html'), { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#plain')!.tabIndex === 0);
    await page.keyboard.press('Tab');
    await page.keyboard.press('KeyN');
    await page.keyboard.type('Same scene as exhibit 4; nothing new.');
    await page.keyboard.press('Tab'); // to Save
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'plain');
    await page.keyboard.press('KeyR');
    await page.waitForFunction(() => document.querySelector('#plain')!.hasAttribute('data-cover-reviewed'));

    const address = server.flagged('/pattern.png?w=200&h=150');
    await pause(300);
    const found = await ask(state.controller, 'notes/lookup', { addresses: [address] });
    expect(found.reply).toEqual({ notes: [{ address, note: 'Same scene as exhibit 4; nothing new.', reviewed: true }] });
    const stored = JSON.stringify(await readStore(state.controller, 'notes'));
    expect(stored).toMatch(/"hash":"[0-9a-f]{64}"/);
    expect(stored).not.toContain('pattern.png');
    expect(stored).not.toContain('localhost');

    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('#plain')!.hasAttribute('data-cover-reviewed'));
    expect(await page.$eval('#srcset', (el) => el.hasAttribute('data-cover-reviewed'))).toBe(false);
    await page.close();
  });

  it('cover everything: every revealed item in every tab is covered again and every sound turned off', async () => {
    const images = await newPage(state.gauze);
    await images.goto(server.flagged('/images.html'), { waitUntil: 'load' });
    await images.click('#plain');
    await images.click('#plain');
    await images.click('#plain');
    expect(await viewOf(images, '#plain')).toBe('full');
    const video = await newPage(state.gauze);
    await video.goto(server.flagged('/video.html'), { waitUntil: 'load' });
    // After the page's own try to unmute and play at 600 ms (undone by Gauze at once, but a read
    // made in between would see it).
    await video.waitForFunction(() => performance.now() > 1000);
    await video.click('#autoplay');
    await video.keyboard.press('KeyS');
    expect(await video.$eval('#autoplay', (v) => (v as HTMLVideoElement).muted)).toBe(false);

    const answer = await ask(state.controller, 'shield/panic', {});
    expect(answer.ok).toBe(true);
    expect((answer.reply as { tabs: number }).tabs).toBeGreaterThanOrEqual(2);
    expect(await viewOf(images, '#plain')).toBeNull();
    expect(await video.$eval('#autoplay', (v) => ({ view: v.getAttribute('data-cover-view'), muted: (v as HTMLVideoElement).muted }))).toEqual({ view: null, muted: true });
    await images.bringToFront();
    await expectCovered(images);
    await images.close();
    await video.close();
  });

  it('revealing a video shows its picture with the sound still off; sound is a separate choice; pausing covers it', async () => {
    const page = await newPage(state.gauze);
    await page.goto(server.flagged('/video.html'), { waitUntil: 'load' });
    // After the page's own try to unmute and play at 600 ms: Firefox pauses a video that a page
    // makes audible without a gesture, which would race with the play below.
    await page.waitForFunction(() => performance.now() > 1000);
    await page.click('#autoplay');
    const video = () => page.$eval('#autoplay', (v) => ({ view: v.getAttribute('data-cover-view'), muted: (v as HTMLVideoElement).muted, paused: (v as HTMLVideoElement).paused }));
    // Revealed, the page may play it.
    await page.$eval('#autoplay', (v) => (v as HTMLVideoElement).play());
    await page.waitForFunction(() => !document.querySelector<HTMLVideoElement>('#autoplay')!.paused);
    expect(await video()).toEqual({ view: 'outline', muted: true, paused: false });
    await page.keyboard.press('KeyS');
    expect((await video()).muted).toBe(false);
    await page.$eval('#autoplay', (v) => (v as HTMLVideoElement).pause());
    await page.waitForFunction(() => !document.querySelector('#autoplay')!.hasAttribute('data-cover-view'));
    expect(await video()).toMatchObject({ view: null, muted: true });
    await page.close();
  });

  it('a revealed item is covered again a few seconds after the person looks away', async () => {
    const page = await newPage(state.gauze);
    await page.goto(server.flagged('/images.html'), { waitUntil: 'load' });
    await page.click('#plain');
    await page.click('#plain');
    await page.click('#plain');
    expect(await viewOf(page, '#plain')).toBe('full');
    await page.mouse.move(880, 680);
    await pause(5000);
    expect(await viewOf(page, '#plain')).toBe('full'); // still looking within the grace time
    await page.waitForFunction(() => !document.querySelector('#plain')!.hasAttribute('data-cover-view'), { timeout: 15_000 });
    await expectCovered(page);
    await page.close();
  });
});

// The broken build is made for Chromium only (npm run build:fault).
describe('shield in chromium with its script broken on purpose', () => {
  it('the stylesheet alone keeps every item covered', async () => {
    const gauze = await launchChromium({ extensionDir: extensionDirs.chromiumFault });
    try {
      await flagSite(gauze, 'localhost');
      for (const fixture of ['images.html', 'backgrounds.html', 'dynamic.html', 'frames.html', 'shadow.html']) {
        const page = await newPage(gauze);
        const recording = await recordPaintedFrames(page, () => page.goto(server.flagged(`/${fixture}`)), 1500);
        expect(recording.frames, fixture).toBeGreaterThan(0);
        expect(recording.leaks, fixture).toEqual([]);
        // A background picture's placeholder is the script's mark: the stylesheet alone draws the
        // picture at zero size and leaves its box empty.
        if (fixture !== 'backgrounds.html') await expectCovered(page);
        await page.close();
      }
    } finally {
      await gauze.browser.close();
    }
  });
});

describe.each(browsers)('shield in %s: what a person sees and hears', (name) => {
  const state = flaggedBrowser(() => launchGauze(name));

  // Frames are recorded in Chromium above; here the state once loaded is checked in each browser
  // (Firefox has no frame recording over WebDriver BiDi).
  it.each(fixtures)('%s: covered once loaded', async (fixture) => {
    const page = await newPage(state.gauze);
    await page.goto(server.flagged(`/${fixture}`), { waitUntil: 'load' });
    await pause(800);
    await expectCovered(page);
    await page.close();
  });

  it('in a gallery\'s lightbox (a modal dialog) the card is shown beside the picture, and its buttons work', async () => {
    const page = await newPage(state.gauze);
    await page.goto(server.flagged('/lightbox.html'), { waitUntil: 'load' });
    await page.click('#open');
    await pause(500);
    await expectCovered(page);
    await page.hover('#exhibit');
    await pause(500);
    // Outside the dialog the card would be under its backdrop (dimmed) and inert. It is painted
    // in its own colours beside the picture, to its right, where the dialog has room.
    const item = (await (await page.$('#exhibit'))!.boundingBox())!;
    const shot = decodePng(Buffer.from(await page.screenshot({ type: 'png', clip: { x: item.x + item.width, y: item.y, width: 420, height: item.height } })));
    expect(countColourPixels(shot, [0xf6, 0xf5, 0xf2])).toBeGreaterThan(10_000);
    if (name === 'chromium') {
      // (The card is in a closed shadow root: found as a screen reader finds it.)
      const card = await page.waitForSelector(`::-p-aria([name="${english('shieldCardLabel')}"][role="group"])`);
      const outline = await card!.waitForSelector(`::-p-aria([name="${english('shieldStepOutline')}"][role="button"])`);
      const button = (await outline!.boundingBox())!;
      await page.mouse.click(button.x + button.width / 2, button.y + button.height / 2);
      expect(await viewOf(page, '#exhibit')).toBe('outline');
    }
    await page.close();
  });

  it('video and audio start muted and held, even when the page unmutes and plays them', async () => {
    const page = await newPage(state.gauze);
    await page.goto(server.flagged('/video.html'), { waitUntil: 'load' });
    await pause(1500); // the page tries to unmute and play at 600 ms
    const media = await page.$$eval('video, audio', (all) => all.map((m) => ({ id: m.id, muted: (m as HTMLMediaElement).muted, paused: (m as HTMLMediaElement).paused })));
    expect(media).toEqual([
      { id: 'autoplay', muted: true, paused: true },
      { id: 'poster', muted: true, paused: true },
      { id: 'audio', muted: true, paused: true },
    ]);
    await page.close();
  });

  it('the tab itself is muted on flagged material (Web Audio too); sound on for an item unmutes it; leaving unmutes', async () => {
    const page = await newPage(state.gauze);
    const muted = (url: string) => tabMuted(state.controller, url);
    const until = async (url: string, want: boolean) => expect(await poll(() => muted(url), want)).toBe(want);
    await page.goto(server.flagged('/video.html'), { waitUntil: 'load' });
    await until(page.url(), true);
    // A page's own Web Audio cannot get round it: the tab is muted, whatever makes the sound.
    await page.evaluate(() => {
      const context = new AudioContext();
      const tone = context.createOscillator();
      tone.connect(context.destination);
      tone.start();
    });
    expect(await muted(page.url())).toBe(true);
    // Revealed and given sound by the person: the tab's sound comes back; covered: muted again.
    await page.click('#autoplay');
    await page.waitForFunction(() => document.querySelector('#autoplay')?.getAttribute('data-cover-view') === 'outline');
    await page.focus('#autoplay');
    await page.keyboard.press('KeyS');
    await page.waitForFunction(() => !document.querySelector<HTMLVideoElement>('#autoplay')!.muted);
    // At most the volume ceiling (half its own volume by default), even when the page turns it up.
    await page.evaluate(() => (document.querySelector<HTMLVideoElement>('#autoplay')!.volume = 1));
    expect(await poll(() => page.$eval('#autoplay', (video) => (video as HTMLVideoElement).volume), 0.5)).toBe(0.5);
    await until(page.url(), false);
    await page.keyboard.press('Escape');
    await until(page.url(), true);
    // An unflagged site in the same tab has its sound.
    await page.goto(server.other('/images.html'), { waitUntil: 'load' });
    await until(page.url(), false);
    await page.close();
  });

  it('the arrow keys move a revealed video one frame at a time, and it stays still', async () => {
    const page = await newPage(state.gauze);
    // (A 60-second recording from another origin, with the index a browser needs to seek in it.)
    await page.goto(server.flagged('/storyboard.html'), { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector<HTMLVideoElement>('#long')!.readyState >= 1);
    const time = () => page.$eval('#long', (video) => (video as HTMLVideoElement).currentTime);
    await page.click('#long');
    expect(await page.$eval('#long', (video) => video.getAttribute('data-cover-view'))).not.toBeNull();
    /** One key, then the seek it asked for done. */
    const press = async (key: 'ArrowLeft' | 'ArrowRight') => {
      await page.keyboard.press(key);
      await page.waitForFunction(() => !document.querySelector<HTMLVideoElement>('#long')!.seeking);
    };
    const start = await time();
    await press('ArrowRight');
    await press('ArrowRight');
    expect(await time()).toBeCloseTo(start + 2 / 30, 2);
    await press('ArrowLeft');
    expect(await time()).toBeCloseTo(start + 1 / 30, 2);
    await pause(500);
    expect(await page.$eval('#long', (video) => (video as HTMLVideoElement).paused)).toBe(true);
    expect(await time()).toBeCloseTo(start + 1 / 30, 2);
    await page.close();
  });

  it('a click steps one item through the ladder, the page never sees it, and scrolling away re-covers', async () => {
    const page = await newPage(state.gauze);
    await page.goto(server.flagged('/images.html'), { waitUntil: 'load' });
    await page.evaluate(() => {
      (window as unknown as { pageClicks: number }).pageClicks = 0;
      document.addEventListener('click', () => (window as unknown as { pageClicks: number }).pageClicks++);
    });
    // The first look is the outline (blur is off unless the person turns it on: the test below).
    await page.click('#plain');
    expect(await viewOf(page, '#plain')).toBe('outline');
    await expectCovered(page); // a line drawing: no magenta; the others still covered
    await page.click('#plain');
    expect(await viewOf(page, '#plain')).toBe('full');
    expect(await patternPixelsNow(page)).toBeGreaterThan(20_000); // 200 x 150, shown as it is
    expect(await page.evaluate(() => (window as unknown as { pageClicks: number }).pageClicks)).toBe(0);
    // Only that item: its neighbours stay covered.
    expect(await viewOf(page, '#srcset')).toBeNull();

    await page.evaluate(() => window.scrollTo(0, 2000));
    await page.waitForFunction(() => !document.querySelector('#plain')!.hasAttribute('data-cover-view'));
    await page.evaluate(() => window.scrollTo(0, 0));
    await pause(200);
    await expectCovered(page);
    await page.close();
  });

  it('the first look is the outline: not one painted frame shows the pattern\'s colours; then the picture, small, until E enlarges it', async () => {
    const page = await openCovered(state.gauze, name, server.flagged('/large.html'));
    // Chromium: every frame painted from the click on; Firefox (no frame recording): as it settles.
    if (name === 'chromium') {
      const recording = await recordPaintedFrames(page, () => page.click('#large'), 1000);
      expect(recording.frames).toBeGreaterThan(0);
      expect(recording.leaks).toEqual([]);
    } else {
      await page.click('#large');
      await pause(300);
    }
    expect(await viewOf(page, '#large')).toBe('outline');
    await expectCovered(page);

    // The picture itself, 600 × 450, painted at most 320 px on its longer side, in place.
    await page.click('#large');
    expect(await viewOf(page, '#large')).toBe('full');
    await pause(200);
    const small = await patternExtentNow(page);
    expect(Math.max(small.width, small.height), JSON.stringify(small)).toBeLessThanOrEqual(320 + 2);
    expect(Math.min(small.width, small.height), JSON.stringify(small)).toBeGreaterThan(150);
    // E, a deliberate step of its own, enlarges it to its own size.
    await page.keyboard.press('KeyE');
    expect(await poll(async () => (await patternExtentNow(page)).width >= 598, true)).toBe(true);
    expect((await patternExtentNow(page)).height).toBeGreaterThanOrEqual(448);
    // Covered and opened again: small again.
    await page.keyboard.press('Escape');
    await expectCovered(page);
    await page.click('#large');
    await page.click('#large');
    await pause(200);
    expect(Math.max(...Object.values(await patternExtentNow(page)))).toBeLessThanOrEqual(320 + 2);
    await page.close();
  });

  it('the viewer paints nothing of the picture before a view is chosen; its full view is small first; keyboard only', async () => {
    const page = await openCovered(state.gauze, name, server.flagged('/large.html'));
    await page.hover('#large');
    await pause(200);
    // V opens it with the focus on its first view (the outline); nothing of the picture yet.
    if (name === 'chromium') {
      const recording = await recordPaintedFrames(page, () => page.keyboard.press('KeyV'), 800);
      expect(recording.leaks).toEqual([]);
    } else {
      await page.keyboard.press('KeyV');
      await pause(300);
    }
    expect(await page.$$eval('cover-viewer', (found) => found.length)).toBe(1);
    await expectCovered(page);
    // Outline (Enter on the focused first view): still no colour of the picture.
    const step = async (act: () => Promise<unknown>) => {
      if (name === 'chromium') expect((await recordPaintedFrames(page, act, 600)).leaks).toEqual([]);
      else {
        await act();
        await pause(300);
        expect(await patternPixelsNow(page)).toBe(0);
      }
    };
    const white = async () => countColourPixels(decodePng(Buffer.from(await page.screenshot({ type: 'png' }))), [255, 255, 255]);
    const before = await white();
    await step(() => page.keyboard.press('Enter'));
    // The outline of a flat picture is white paper: drawn, through the filter (not left out).
    expect(await white()).toBeGreaterThan(before + 50_000);
    await step(async () => {
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter'); // greyscale
    });
    // Full: the picture, 600 × 450, painted at most 320 px on its longer side.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await pause(300);
    const shown = await patternExtentNow(page);
    expect(Math.max(shown.width, shown.height), JSON.stringify(shown)).toBeLessThanOrEqual(320 + 2);
    expect(Math.min(shown.width, shown.height), JSON.stringify(shown)).toBeGreaterThan(150);
    // The page's own item is still covered; Escape closes the viewer and nothing is left.
    expect(await viewOf(page, '#large')).toBeNull();
    await page.keyboard.press('Escape');
    expect(await page.$$eval('cover-viewer', (found) => found.length)).toBe(0);
    await expectCovered(page);
    await page.close();
  });

  it('blur, turned on in Settings, comes before the outline', async () => {
    const steps = async () => ((await ask(state.controller, 'shield/settings', {})).reply as { settings: { allowedSteps: string[] } }).settings.allowedSteps;
    const options = await state.gauze.openPage('options.html#reveal');
    const blur = (await options.waitForSelector('input[name="step-blur"]'))!;
    expect(await blur.evaluate((box) => (box as HTMLInputElement).checked)).toBe(false);
    await blur.click();
    try {
      expect(await poll(steps, ['blur', 'outline', 'full'])).toEqual(['blur', 'outline', 'full']);
      const page = await newPage(state.gauze);
      await page.goto(server.flagged('/images.html'), { waitUntil: 'load' });
      await page.click('#plain');
      expect(await viewOf(page, '#plain')).toBe('blur');
      await expectCovered(page); // heavy blur in full greyscale: no magenta
      await page.click('#plain');
      expect(await viewOf(page, '#plain')).toBe('outline');
      await page.click('#plain');
      expect(await viewOf(page, '#plain')).toBe('full');
      await page.close();
    } finally {
      await options.bringToFront();
      await blur.click();
      expect(await poll(steps, ['outline', 'full'])).toEqual(['outline', 'full']);
      await options.close();
    }
  });

  it('flagging a site covers its open tabs at once, without a reload', async () => {
    const page = await newPage(state.gauze);
    await page.goto(server.other('/images.html'), { waitUntil: 'load' });
    expect(await patternPixelsNow(page)).toBeGreaterThan(10_000);
    await flagSite(state.gauze, '127.0.0.1', state.controller);
    await page.bringToFront();
    await pause(300);
    await expectCovered(page);
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    const answer = await ask(state.controller, 'sites/unflag', { hosts: ['127.0.0.1'] });
    expect(answer.ok).toBe(true);
    await page.close();
  });

  it('a page cannot uncover an item by setting Gauze\'s marks itself', async () => {
    const page = await newPage(state.gauze);
    await page.goto(server.flagged('/images.html'), { waitUntil: 'load' });
    await page.evaluate(() => {
      for (const img of document.images) img.setAttribute('data-cover-view', 'full');
      document.querySelector('#plain')!.setAttribute('data-cover-ok', '');
    });
    await pause(100);
    await expectCovered(page);
    await page.close();
  });

  it('icons are shown once their size is known; a picture swapped into an icon is covered', async () => {
    const page = await newPage(state.gauze);
    await page.goto(server.flagged('/images.html'), { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('#icon')!.hasAttribute('data-cover-ok'));
    expect(await page.$eval('#plain', (el) => el.hasAttribute('data-cover-ok'))).toBe(false);
    await page.evaluate(() => {
      const icon = document.querySelector<HTMLImageElement>('#icon')!;
      icon.removeAttribute('width');
      icon.removeAttribute('height');
      icon.src = '/pattern.png?w=240&h=180';
    });
    await page.waitForFunction(() => document.querySelector<HTMLImageElement>('#icon')!.naturalWidth === 240);
    await pause(100);
    expect(await page.$eval('#icon', (el) => el.hasAttribute('data-cover-ok'))).toBe(false);
    await expectCovered(page);
    await page.close();
  });

  it('records each reveal (kind, seconds and the furthest view, no address) when the item is covered again; the dashboard counts it by view', async () => {
    const reveals = async () => ((await ask(state.controller, 'data/export', {})).reply as { reveals: Array<Record<string, unknown>> }).reveals;
    const before = (await reveals()).length;
    const page = await newPage(state.gauze);
    await page.goto(server.flagged('/images.html'), { waitUntil: 'load' });
    await page.click('#plain');
    await page.keyboard.press('Escape');
    expect(await poll(async () => (await reveals()).length, before + 1)).toBe(before + 1);
    const recorded = (await reveals()).at(-1)!;
    expect(recorded).toMatchObject({ kind: 'image', seconds: expect.any(Number), view: 'outline' });
    expect(JSON.stringify(recorded)).not.toMatch(/images\.html|pattern\.png/);
    const { views } = (await ask(state.controller, 'dashboard/data', { days: 1 })).reply as { views: Array<{ view: string; count: number }> };
    expect(views.find((entry) => entry.view === 'outline')?.count).toBeGreaterThanOrEqual(1);
    await page.close();
  });
});
