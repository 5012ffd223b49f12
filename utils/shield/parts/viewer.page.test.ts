import { page, userEvent } from 'vitest/browser';
import { describe, expect, it } from 'vitest';
import { MARK } from '../../core/shield/cover-style';
import { COVER_GREY, MAGENTA, patternUrl, pixelsOf, settle, shieldTest, texts, until } from '../testing/harness';

/** A picture magenta on its left half and green on its right (to see mirroring and zoom). */
function halves(width = 400, height = 300): string {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#ff00ff';
  context.fillRect(0, 0, width / 2, height);
  context.fillStyle = '#00a000';
  context.fillRect(width / 2, 0, width / 2, height);
  return canvas.toDataURL('image/png');
}

const panel = () => document.querySelector('cover-viewer')?.shadowRoot ?? null;
const press = async (label: string) => page.elementLocator([...panel()!.querySelectorAll('button')].find((b) => b.textContent === label)!).click();
/** The colour drawn at a point of the viewer's canvas, as a fraction of its size. */
const drawnAt = (fx: number, fy: number) => {
  const canvas = panel()!.querySelector('canvas')!;
  return [...canvas.getContext('2d')!.getImageData(Math.floor(canvas.width * fx), Math.floor(canvas.height * fy), 1, 1).data.slice(0, 3)];
};

async function openViewer(markup: string) {
  const test = shieldTest(markup);
  test.answer();
  await settle();
  const item = test.root.querySelector('img, video')!;
  await page.elementLocator(item).hover();
  const card = await until(() => document.querySelector('cover-card')?.shadowRoot?.querySelector<HTMLButtonElement>('button[data-viewer]'));
  await page.elementLocator(card!).click();
  expect(await until(() => panel())).toBeTruthy();
  return { test, item };
}

describe('the viewer', () => {
  it('shows nothing of the picture until a view is chosen; outline and greyscale show no colour; full is small first, then large', async () => {
    const { test, item } = await openViewer(`<img src="${patternUrl(600, 450)}" width="300" height="225" alt="Exhibit 3">`);
    await settle();
    expect(await pixelsOf(MAGENTA)).toBe(0);
    expect(await pixelsOf(COVER_GREY)).toBeGreaterThan(10_000);
    await expect.element(page.elementLocator(panel()!.querySelector('.hint')!)).toHaveTextContent(texts.viewer.choose);
    await press(texts.steps.outline);
    await settle();
    expect(await pixelsOf(MAGENTA)).toBe(0);
    await press(texts.viewer.grey);
    await settle();
    expect(await pixelsOf(MAGENTA)).toBe(0);
    await press(texts.steps.full);
    await settle();
    const small = await pixelsOf(MAGENTA);
    // At most the small view's size (320 px on the longer side).
    expect(small).toBeGreaterThan(320 * 240 * 0.9);
    expect(small).toBeLessThanOrEqual(320 * 240 * 1.05);
    await press(texts.viewer.large);
    await settle();
    expect(await pixelsOf(MAGENTA)).toBeGreaterThan(small * 1.5);
    // The item on the page is as it was: covered.
    expect(item.hasAttribute(MARK.view)).toBe(false);
    await userEvent.keyboard('{Escape}');
    expect(panel()).toBeNull();
    expect(await pixelsOf(MAGENTA)).toBe(0);
    expect(test.recorded.revealed).toEqual([{ kind: 'image', seconds: expect.any(Number), view: 'full' }]);
  });

  it('mirrors, and zooms to the region the person clicks', async () => {
    await openViewer(`<img src="${halves()}" width="200" height="150" alt="Exhibit 4">`);
    // The outline view draws the picture as lines: the edge between the halves, in black on white.
    await press(texts.steps.outline);
    await settle();
    const canvas = panel()!.querySelector('canvas')!;
    expect(await pixelsOf([0, 0, 0], canvas)).toBeGreaterThan(canvas.height);
    expect(await pixelsOf(MAGENTA)).toBe(0);
    await press(texts.steps.full);
    expect(drawnAt(0.1, 0.5)).toEqual([255, 0, 255]);
    expect(drawnAt(0.9, 0.5)).toEqual([0, 160, 0]);
    await press(texts.viewer.mirror);
    expect(drawnAt(0.1, 0.5)).toEqual([0, 160, 0]);
    expect(drawnAt(0.9, 0.5)).toEqual([255, 0, 255]);
    await press(texts.viewer.mirror);
    // A click on the picture's left quarter zooms in there: magenta fills the view.
    const box = canvas.getBoundingClientRect();
    await page.elementLocator(canvas).click({ position: { x: box.width * 0.2, y: box.height * 0.5 } });
    expect(drawnAt(0.1, 0.5)).toEqual([255, 0, 255]);
    expect(drawnAt(0.9, 0.5)).toEqual([255, 0, 255]);
    await press(texts.viewer.zoomOut);
    expect(drawnAt(0.9, 0.5)).toEqual([0, 160, 0]);
    await press(texts.viewer.close);
    expect(panel()).toBeNull();
  });

  it('opens from V only on an item the person sees, never while reveals are locked, and closes when they lock', async () => {
    const test = shieldTest(`<img src="${patternUrl(300, 200)}" width="300" height="200" alt="Exhibit 5">`);
    test.answer();
    await settle();
    const item = test.root.querySelector('img')!;
    test.shield.setLock({ reason: 'break', until: Date.now() + 60_000, text: 'Covered during your break.' });
    await page.elementLocator(item).hover();
    await userEvent.keyboard('v');
    expect(panel()).toBeNull();
    test.shield.setLock(null);
    await page.elementLocator(item).hover({ position: { x: 10, y: 10 } });
    await userEvent.keyboard('v');
    expect(await until(() => panel())).toBeTruthy();
    await press(texts.steps.full);
    test.shield.coverAll();
    expect(panel()).toBeNull();
  });

  it('plays a video in the chosen view while it stays covered on the page, frame by frame with the arrows; closing stops it', async () => {
    const { item } = await openViewer(`<video src="${location.origin}/demo/recording.webm" width="320" height="180" preload="auto"></video>`);
    const video = item as HTMLVideoElement;
    expect(await until(() => video.readyState >= 2, 5000)).toBe(true);
    // No play before a view is chosen.
    expect(panel()!.querySelector<HTMLButtonElement>('[data-act="play"]')!.disabled).toBe(true);
    await press(texts.steps.outline);
    await press(texts.play);
    expect(await until(() => !video.paused)).toBe(true);
    expect(video.muted).toBe(true);
    expect(video.hasAttribute(MARK.view)).toBe(false);
    expect(panel()!.querySelector('canvas')!.style.filter).toContain('url(');
    await press(texts.pause);
    expect(video.paused).toBe(true);
    const at = video.currentTime;
    (panel()!.querySelector('[data-act="play"]') as HTMLElement).focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(video.currentTime).toBeCloseTo(at + 1 / 30, 3);
    await press(texts.play);
    expect(await until(() => !video.paused)).toBe(true);
    await userEvent.keyboard('{Escape}');
    expect(panel()).toBeNull();
    expect(video.paused).toBe(true);
  });
});
