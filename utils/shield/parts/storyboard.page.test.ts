import { page, userEvent } from 'vitest/browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MARK } from '../../core/shield/cover-style';
import { COVER_GREY, MAGENTA, pixelsOf, shieldTest, tabTo, texts, until } from '../testing/harness';
import { STORYBOARD_FRAMES } from './storyboard';

/** 60 seconds of flat magenta, with a tone (tests/e2e/fixtures: the e2e suites use it too). */
const SIXTY_SECONDS = `${location.origin}/tests/e2e/fixtures/pattern-60s.webm`;

const panel = () => document.querySelector('cover-storyboard')?.shadowRoot ?? null;
const frameButtons = () => [...(panel()?.querySelectorAll<HTMLButtonElement>('button[data-frame]') ?? [])];
const canvases = () => frameButtons().map((button) => button.querySelector('canvas')!);

/** Every video element Gauze makes from now on (the storyboard makes none: it uses the page's own). */
function madeVideos(): HTMLVideoElement[] {
  const made: HTMLVideoElement[] = [];
  const create = document.createElement.bind(document);
  vi.spyOn(document, 'createElement').mockImplementation(((name: string, options?: ElementCreationOptions) => {
    const element = create(name, options);
    if (element instanceof HTMLVideoElement) made.push(element);
    return element;
  }) as typeof document.createElement);
  return made;
}

afterEach(() => {
  vi.restoreAllMocks();
  document.querySelector('cover-storyboard')?.remove();
});

describe('the storyboard', () => {
  it('takes frames lazily from the page\'s own video, never played, each covered until the person steps it; the video is put back when it closes', async () => {
    const played: HTMLMediaElement[] = [];
    const play = HTMLMediaElement.prototype.play;
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(function (this: HTMLMediaElement) {
      played.push(this);
      return play.call(this);
    });
    const test = shieldTest(`<p id="case">Exhibit 7</p><video id="v" src="${SIXTY_SECONDS}" width="320" height="180" preload="metadata"></video>`);
    test.answer();
    const video = test.root.querySelector('video')!;
    expect(await until(() => video.readyState >= 1, 5000)).toBe(true);
    // A click in the page first: a Tab that brings the focus into the test's frame from outside is
    // not seen by the page, so it would not count as the person's.
    await page.elementLocator(test.root.querySelector('#case')!).click();
    await tabTo(video);
    const made = madeVideos();
    const seeks: number[] = [];
    video.addEventListener('seeked', () => seeks.push(video.currentTime));
    await userEvent.keyboard('b');
    expect(panel()?.querySelector('[role="dialog"]')?.getAttribute('aria-label')).toBe('Storyboard: frames of this video, each covered');
    expect(await until(() => frameButtons().length === STORYBOARD_FRAMES, 5000)).toBe(true);
    // No second video: nothing is loaded again.
    expect(made).toHaveLength(0);

    // Only the frames in view are taken: a panel in a 700 px window shows some rows, not all.
    // (Each taken frame is one seek; the way back to where the video was comes at closing.)
    await until(() => seeks.length > 0, 5000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const taken = seeks.length;
    expect(taken).toBeGreaterThan(1);
    expect(taken).toBeLessThan(STORYBOARD_FRAMES);
    // Taken, and still nothing of them is painted: every frame shows the cover.
    expect(await pixelsOf(MAGENTA)).toBe(0);
    expect(await pixelsOf(COVER_GREY, canvases()[0]!)).toBeGreaterThan(150 * 80);
    // Scrolled through, every frame is taken (one at a time, as each comes into view).
    for (const canvas of canvases()) {
      canvas.scrollIntoView();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // (One seeked event per frame taken.)
    expect(await until(() => seeks.length >= STORYBOARD_FRAMES, 5000)).toBe(true);
    expect(await pixelsOf(MAGENTA)).toBe(0);
    // 12 frames of a 60 s video: the middle of each 5 s interval, 2.5 s to 57.5 s.
    expect(frameButtons()[0]!.textContent).toBe('0:02: covered');
    expect(frameButtons()[11]!.textContent).toBe('0:57: covered');

    // One frame stepped: its outline (a flat picture is white in outline: no magenta), then in full.
    const first = frameButtons()[0]!;
    first.scrollIntoView();
    await page.elementLocator(first).click();
    expect(first.textContent).toBe('0:02: Outline');
    expect(await pixelsOf(MAGENTA)).toBe(0);
    await page.elementLocator(first).click();
    expect(first.textContent).toBe('0:02: Full view');
    const shown = await pixelsOf(MAGENTA);
    expect(shown).toBeGreaterThan(150 * 80);
    // Only in that frame.
    expect(await pixelsOf(MAGENTA, canvases()[0]!)).toBe(shown);

    // The video never played, stayed muted and never showed.
    expect(played).toEqual([]);
    expect(video.muted && video.paused).toBe(true);
    expect(video.getAttribute(MARK.view)).toBeNull();

    // Escape covers the frame again, and the reveal is recorded as a storyboard view.
    await userEvent.keyboard('{Escape}');
    expect(first.textContent).toBe('0:02: covered');
    expect(await pixelsOf(MAGENTA)).toBe(0);
    expect(test.recorded.revealed).toEqual([{ kind: 'video', seconds: expect.any(Number), view: 'storyboard' }]);

    // "Go to" moves the page's video to that moment, held still and covered.
    await page.elementLocator(panel()!.querySelector('[data-go="3"]')!).click();
    expect(video.currentTime).toBeCloseTo(17.5, 1);
    expect(video.paused).toBe(true);
    expect(video.getAttribute(MARK.view)).toBeNull();

    // Escape again closes it; the video stays where "Go to" put it.
    panel()!.querySelector<HTMLButtonElement>('[data-close]')!.focus();
    await userEvent.keyboard('{Escape}');
    expect(document.querySelector('cover-storyboard')).toBeNull();
    expect(video.currentTime).toBeCloseTo(17.5, 1);
    expect(test.recorded.reports).toEqual([]);
  });

  it('is offered on the card of a covered video; no frame is revealed while reveals are locked', async () => {
    const test = shieldTest(`<video id="v" src="${SIXTY_SECONDS}" width="320" height="180" preload="metadata"></video>`);
    test.answer();
    const video = test.root.querySelector('video')!;
    await tabTo(video);
    const card = page.elementLocator(document.querySelector('cover-card')!);
    await expect.element(card.getByText('B: storyboard')).toBeInTheDocument();
    await card.getByRole('button', { name: 'Storyboard' }).click();
    expect(await until(() => frameButtons().length === STORYBOARD_FRAMES, 5000)).toBe(true);
    const first = frameButtons()[0]!;
    await page.elementLocator(first).click();
    expect(first.textContent).toBe('0:02: Outline');

    // A break starts: the frame is covered, and a click steps nothing.
    test.shield.setLock({ reason: 'break', until: Date.now() + 60_000, text: 'Break' });
    expect(first.textContent).toBe('0:02: covered');
    await page.elementLocator(first).click();
    expect(first.textContent).toBe('0:02: covered');
    expect(await pixelsOf(MAGENTA)).toBe(0);

    // The page puts another video in the element: these frames are of the old one, so it closes.
    video.src = `${SIXTY_SECONDS}?another`;
    expect(await until(() => document.querySelector('cover-storyboard') === null)).toBe(true);
  });

  it('says in words when a video has no frames to show yet (a stream with nothing in it)', async () => {
    const test = shieldTest('<video id="v" width="320" height="180"></video>');
    test.answer();
    const video = test.root.querySelector('video')!;
    video.src = URL.createObjectURL(new MediaSource());
    await tabTo(video);
    await userEvent.keyboard('b');
    await expect.element(page.elementLocator(panel()!.querySelector('[role="status"]')!)).toHaveTextContent('This video cannot be previewed as frames.');
    expect(frameButtons()).toEqual([]);
    // Escape closes it; in a right-to-left language it opens at the window's left edge.
    await userEvent.keyboard('{Escape}');
    expect(document.querySelector('cover-storyboard')).toBeNull();
    test.shield.setTexts({ ...texts, lang: 'ar', dir: 'rtl' });
    await tabTo(video);
    await userEvent.keyboard('b');
    const board = panel()!.querySelector('[role="dialog"]')!;
    expect(board.getAttribute('dir')).toBe('rtl');
    expect(board.getBoundingClientRect().left).toBeLessThan(20);
  });
});
