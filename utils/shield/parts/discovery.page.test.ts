import { describe, expect, it } from 'vitest';
import { MARK } from '../../core/shield/cover-style';
import { click, COVER_GREY, MAGENTA, patternUrl, pixelsOf, settle, shieldTest, until } from '../testing/harness';

const view = (element: Element) => element.getAttribute(MARK.view);

describe('discovery: what counts as an item, and its picture', () => {
  it('finds pictures, drawings, videos and canvases, each with its kind', async () => {
    const test = shieldTest(`
      <img id="img" src="${patternUrl()}" width="120" height="90">
      <svg id="svg" width="200" height="150"><rect width="200" height="150" fill="#ff00ff"/></svg>
      <video id="video" width="160" height="90"></video>
      <canvas id="canvas" width="100" height="80"></canvas>
      <p id="text">Text</p>`);
    await settle();
    const kind = (id: string) => test.shield.items.get(test.root.querySelector(`#${id}`)!)?.kind;
    expect([kind('img'), kind('svg'), kind('video'), kind('canvas'), kind('text')]).toEqual(['image', 'image', 'video', 'canvas', undefined]);
  });

  it('covers inline SVG drawings like pictures (shapes, patterns, use, foreignObject), and releases icons', async () => {
    const test = shieldTest(`
      <svg id="drawing" width="240" height="160"><defs><pattern id="p" width="10" height="10" patternUnits="userSpaceOnUse"><rect width="10" height="10" fill="#ff00ff"/></pattern>
        <rect id="r" width="80" height="80" fill="#ff00ff"/></defs>
        <rect width="120" height="160" fill="url(#p)"/><use href="#r" x="130"/><foreignObject x="0" y="100" width="240" height="60"><div style="background:#ff00ff;height:60px"></div></foreignObject></svg>
      <svg id="icon" width="16" height="16"><circle cx="8" cy="8" r="8" fill="#008000"/></svg>`);
    test.answer();
    await settle();
    const drawing = test.root.querySelector('#drawing')!;
    expect(await pixelsOf(MAGENTA)).toBe(0);
    expect(await pixelsOf(COVER_GREY, drawing)).toBeGreaterThan(200 * 140);
    expect(await until(() => test.root.querySelector('#icon')!.hasAttribute(MARK.ok))).toBe(true);
    expect(await pixelsOf([0, 128, 0], test.root.querySelector('#icon')!)).toBeGreaterThan(100);
    // The ladder works on a drawing as on a picture.
    await click(drawing);
    await click(drawing);
    await click(drawing);
    expect(view(drawing)).toBe('full');
    expect(await pixelsOf(MAGENTA, drawing)).toBeGreaterThan(5000);
  });

  it('takes off marks the page wrote, before or after inserting the element, before they are painted', async () => {
    const test = shieldTest();
    test.answer();
    const img = document.createElement('img');
    img.src = patternUrl(160, 120);
    img.setAttribute(MARK.ok, '');
    img.setAttribute(MARK.view, 'full');
    test.root.append(img);
    const later = document.createElement('div');
    later.innerHTML = `<img src="${patternUrl(160, 120)}" ${MARK.view}="full" width="160" height="120">`;
    test.root.append(later);
    // Checked in the same task: the marks are gone before any frame could be painted.
    await Promise.resolve();
    expect(img.hasAttribute(MARK.ok) || img.hasAttribute(MARK.view)).toBe(false);
    expect(later.querySelector('img')!.hasAttribute(MARK.view)).toBe(false);
    await settle();
    img.setAttribute(MARK.view, 'full');
    await Promise.resolve();
    expect(img.hasAttribute(MARK.view)).toBe(false);
    expect(await pixelsOf(MAGENTA)).toBe(0);
  });
});

describe('an item is an element and its current picture: a new picture starts covered', () => {
  const swaps: Array<[string, string, (element: Element) => void]> = [
    ['src', `<img id="x" src="${patternUrl(120, 90, '#00a000')}" width="120" height="90">`, (img) => ((img as HTMLImageElement).src = patternUrl(120, 90, '#ff00ff'))],
    ['srcset', `<img id="x" srcset="${patternUrl(120, 90, '#00a000')} 1x" width="120" height="90">`, (img) => img.setAttribute('srcset', `${patternUrl(120, 90, '#ff00ff')} 1x`)],
    [
      'a picture\'s <source>',
      `<picture><source srcset="${patternUrl(120, 90, '#00a000')}"><img id="x" src="${patternUrl(120, 90, '#00a000')}" width="120" height="90"></picture>`,
      (img) => img.parentElement!.querySelector('source')!.setAttribute('srcset', patternUrl(120, 90, '#ff00ff')),
    ],
    ['a video\'s poster', `<video id="x" width="160" height="90" poster="${patternUrl(160, 90, '#00a000')}"></video>`, (video) => ((video as HTMLVideoElement).poster = patternUrl(160, 90, '#ff00ff'))],
  ];
  it.each(swaps)('%s swapped on a revealed item covers it again', async (_name, markup, swap) => {
    const test = shieldTest(markup);
    test.answer();
    await settle();
    const element = test.root.querySelector('#x')!;
    test.shield.revealAll();
    expect(view(element)).toBe('full');
    swap(element);
    await Promise.resolve();
    expect(view(element)).toBeNull();
    await settle();
    expect(await pixelsOf(MAGENTA)).toBe(0);
  });

  it('a background picture swapped on a revealed element (a class change) covers it again', async () => {
    const green = patternUrl(120, 90, '#00a000');
    const magenta = patternUrl(120, 90, '#ff00ff');
    const style = document.createElement('style');
    style.textContent = `.bg-a { background-image: url("${green}"); } .bg-b { background-image: url("${magenta}"); } .box { width: 120px; height: 90px; }`;
    document.head.append(style);
    try {
      const test = shieldTest('<div id="x" class="box bg-a"></div>');
      test.answer();
      const element = test.root.querySelector('#x')!;
      await until(() => test.shield.items.get(element));
      test.shield.revealAll();
      expect(view(element)).toBe('full');
      element.className = 'box bg-b';
      await until(() => view(element) === null);
      expect(view(element)).toBeNull();
      expect(await pixelsOf(MAGENTA)).toBe(0);
    } finally {
      style.remove();
    }
  });
});
