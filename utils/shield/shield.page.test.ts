import { userEvent } from 'vitest/browser';
import { describe, expect, it } from 'vitest';
import { MARK } from '../core/shield/cover-style';
import { click, COVER_GREY, MAGENTA, patternUrl, pixelsOf, settle, shieldTest, until, tabTo } from './testing/harness';

const view = (element: Element) => element.getAttribute(MARK.view);

describe('the cover and the reveal ladder, in a real page', () => {
  it('a picture is painted as the flat placeholder, never as itself', async () => {
    const { root } = shieldTest(`<img id="a" src="${patternUrl()}" width="120" height="90" alt="Exhibit 1">`);
    await settle();
    const img = root.querySelector('#a')!;
    expect(await pixelsOf(MAGENTA)).toBe(0);
    expect(await pixelsOf(COVER_GREY, img)).toBeGreaterThan(100 * 80);
  });

  it('a click steps one item through outline and full; the page never sees those clicks', async () => {
    const test = shieldTest(`<img id="a" src="${patternUrl()}" width="120" height="90" alt="Exhibit 1"><img id="b" src="${patternUrl()}" width="120" height="90">`);
    test.answer();
    await settle();
    const img = test.root.querySelector('#a')!;
    let pageClicks = 0;
    document.addEventListener('click', () => pageClicks++);
    await click(img);
    expect(view(img)).toBe('outline');
    expect(await pixelsOf(MAGENTA)).toBe(0);
    await click(img);
    expect(view(img)).toBe('full');
    expect(await pixelsOf(MAGENTA, img)).toBeGreaterThan(100 * 80);
    expect(pageClicks).toBe(0);
    expect(view(test.root.querySelector('#b')!)).toBeNull();
  });

  it('nothing opens before the background has answered (fail closed), and a click then is kept', async () => {
    const test = shieldTest(`<img id="a" src="${patternUrl()}" width="120" height="90">`);
    await settle();
    const img = test.root.querySelector('#a')!;
    await click(img);
    expect(view(img)).toBeNull();
    test.answer();
    expect(view(img)).toBe('outline');
  });
});

describe('keys and the card', () => {
  it('Enter steps, Escape covers; typing a note never steps or reveals', async () => {
    const test = shieldTest(`<img id="a" src="${location.origin}/icon/128.png" width="140" height="100" alt="Exhibit 7">`);
    test.answer();
    await settle();
    const img = test.root.querySelector<HTMLImageElement>('#a')!;
    await tabTo(img);
    await userEvent.keyboard('{Enter}');
    expect(view(img)).toBe('outline');
    await userEvent.keyboard('{Escape}');
    expect(view(img)).toBeNull();
    await userEvent.keyboard('n');
    await userEvent.keyboard('press p to peek, enter, s and r');
    expect(view(img)).toBeNull();
    await userEvent.keyboard('{Enter}');
    expect(view(img)).toBeNull();
  });
});

describe('stopping', () => {
  it('after the signal ends nothing more happens: no idle pass, no observer, no card', async () => {
    const test = shieldTest();
    test.stop.abort();
    const img = document.createElement('img');
    img.src = patternUrl(16, 16);
    img.width = 16;
    img.height = 16;
    test.root.append(img);
    await settle();
    await settle();
    expect(img.hasAttribute(MARK.ok)).toBe(false);
    expect(document.querySelector('cover-card')).toBeNull();
    expect(await until(() => true)).toBe(true);
  });
});
