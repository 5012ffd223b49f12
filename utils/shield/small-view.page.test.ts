import { page, userEvent } from 'vitest/browser';
import { describe, expect, it } from 'vitest';
import { MARK } from '../core/shield/cover-style';
import { shieldDefaults } from '../core/shield/defaults';
import { click, MAGENTA, patternUrl, pixelsOf, settle, shieldTest, until } from './testing/harness';

const size = (element: Element) => element.getAttribute(MARK.size);
const view = (element: Element) => element.getAttribute(MARK.view);
const card = () => page.elementLocator(document.querySelector('cover-card')!);

describe('the small view', () => {
  it('a revealed picture is painted no larger than the small-view size, in place, until the person enlarges it (E, or the card)', async () => {
    const test = shieldTest(`<img id="a" src="${patternUrl(700, 500)}" width="700" height="500" alt="Exhibit 3"><p id="after">After the picture</p>`);
    test.answer();
    await settle();
    const img = test.root.querySelector<HTMLImageElement>('#a')!;
    const after = test.root.querySelector('#after')!.getBoundingClientRect().top;

    await click(img); // outline
    await click(img); // the picture itself, small
    expect(view(img)).toBe('full');
    // 320 / 700 is 0.457…: the 5 % step below it, so the longer side is 315 px.
    expect(size(img)).toBe('45');
    const small = img.getBoundingClientRect();
    expect(Math.max(small.width, small.height)).toBeLessThanOrEqual(shieldDefaults.smallViewPixels);
    const magenta = await pixelsOf(MAGENTA);
    expect(magenta).toBeGreaterThan(300 * 200);
    expect(magenta).toBeLessThanOrEqual(320 * 230);
    // Nothing else on the page moved.
    expect(test.root.querySelector('#after')!.getBoundingClientRect().top).toBe(after);

    img.focus();
    await userEvent.keyboard('{Tab}{Shift>}{Tab}{/Shift}'); // keyboard focus on the item
    await userEvent.keyboard('e');
    expect(size(img)).toBeNull();
    expect(await pixelsOf(MAGENTA)).toBeGreaterThan(690 * 490);

    // The card offers the way back, and says the key.
    await expect.element(card().getByText('E: enlarge or make smaller')).toBeInTheDocument();
    await card().getByRole('button', { name: 'Make smaller' }).click();
    expect(size(img)).toBe('45');
    await card().getByRole('button', { name: 'Enlarge' }).click();
    expect(size(img)).toBeNull();

    // Covered again, it opens small next time; the reveal is recorded as seen at full size.
    img.focus();
    await userEvent.keyboard('{Escape}');
    expect(view(img)).toBeNull();
    expect(size(img)).toBeNull();
    expect(test.recorded.revealed).toEqual([{ kind: 'image', seconds: expect.any(Number), view: 'full' }]);
    await click(img);
    expect(view(img)).toBe('outline');
    expect(size(img)).toBe('45');
  });

  it('the page cannot set the small view\'s mark, nor take it away', async () => {
    const test = shieldTest(`<img id="a" src="${patternUrl(700, 500)}" width="700" height="500"><img id="b" src="${patternUrl(700, 500)}" width="700" height="500">`);
    test.answer();
    await settle();
    const [a, b] = test.root.querySelectorAll('img');
    await click(a!);
    a!.removeAttribute(MARK.size);
    b!.setAttribute(MARK.size, '95');
    expect(await until(() => size(a!) === '45' && size(b!) === null)).toBe(true);
  });

  it('leaves a picture already small enough at its own size, with nothing to enlarge; 0 turns the small view off', async () => {
    const test = shieldTest(`<img id="a" src="${patternUrl(200, 150)}" width="200" height="150" alt="Exhibit 4"><img id="b" src="${patternUrl(700, 500)}" width="700" height="500">`);
    test.answer();
    await settle();
    const [small, large] = test.root.querySelectorAll('img');
    await click(small!);
    expect(view(small!)).toBe('outline');
    expect(size(small!)).toBeNull();
    await expect.element(card().getByRole('button', { name: 'Enlarge' })).not.toBeInTheDocument();

    test.shield.configure({ ...shieldDefaults, smallViewPixels: 0 });
    await click(large!);
    expect(view(large!)).toBe('outline');
    expect(size(large!)).toBeNull();
  });
});
