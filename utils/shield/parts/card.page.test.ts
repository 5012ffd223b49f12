import { page } from 'vitest/browser';
import { describe, expect, it } from 'vitest';
import { MARK } from '../../core/shield/cover-style';
import { patternUrl, settle, shieldTest, texts, until } from '../testing/harness';

/**
 * The card where the page puts its pictures in the top layer: a modal dialog (everything outside
 * it inert, the rest of the page under its backdrop), a popover. The card goes with the item, so
 * the person can see it and press its buttons.
 */
const IMAGE = `<img id="item" src="${patternUrl(200, 150)}" width="200" height="150" style="display:block">`;

const modal = (layer: Element) => (layer as HTMLDialogElement).showModal();
const popover = (layer: Element) => (layer as HTMLElement).showPopover();

/** A shield on `markup`, whose #layer is opened by `open`; the card shown for the #item in it. */
async function cardInLayer(markup: string, open: (layer: Element) => void) {
  const test = shieldTest(markup);
  test.answer();
  const layer = test.root.querySelector('#layer')!;
  open(layer);
  await settle();
  const item = layer.querySelector('#item')!;
  return { layer, item, ...(await cardFor(item)) };
}

async function cardFor(item: Element) {
  await page.elementLocator(item).hover();
  const host = await until(() => document.querySelector('cover-card'));
  const card = host!.shadowRoot!.querySelector<HTMLElement>('.card')!;
  await until(() => !card.hidden);
  return { host: host!, card };
}

describe('the card of an item in the top layer', () => {
  it.each([
    ['a modal dialog', `<dialog id="layer" style="padding:16px">${IMAGE}</dialog>`, modal],
    ['a modal dialog centred by a transform', `<dialog id="layer" style="margin:0; top:50%; left:50%; transform:translate(-50%, -50%); width:640px; padding:16px">${IMAGE}</dialog>`, modal],
    ['a popover', `<div id="layer" popover="manual" style="padding:16px">${IMAGE}</div>`, popover],
  ])('in %s: shown beside the item, and its buttons take the person\'s clicks', async (_name, markup, open) => {
    const { layer, item, host, card } = await cardInLayer(markup, open);
    const [cardBox, itemBox] = [card.getBoundingClientRect(), item.getBoundingClientRect()];
    // Beside the item, not over it, and on screen.
    const apart = cardBox.left >= itemBox.right || cardBox.right <= itemBox.left || cardBox.top >= itemBox.bottom || cardBox.bottom <= itemBox.top;
    expect(apart).toBe(true);
    expect(cardBox.left).toBeGreaterThanOrEqual(0);
    expect(cardBox.top).toBeGreaterThanOrEqual(0);
    expect(cardBox.right).toBeLessThanOrEqual(innerWidth);
    expect(cardBox.bottom).toBeLessThanOrEqual(innerHeight);
    const outline = card.querySelector<HTMLButtonElement>('button[data-step="outline"]')!;
    // Where the person sees the button is where the click lands.
    expect(document.elementFromPoint(outline.getBoundingClientRect().left + 4, outline.getBoundingClientRect().top + 4)).toBe(host);
    await page.elementLocator(outline).click({ force: true });
    expect(item.getAttribute(MARK.view)).toBe('outline');
    // In the layer with the item: outside a modal dialog it would be inert and under its backdrop.
    expect(layer.contains(host)).toBe(true);
  });

  it.each([
    ['a dialog scaled down', `<dialog id="layer" style="margin:0; top:50%; left:50%; transform:translate(-50%, -50%) scale(0.6); width:640px; padding:16px">${IMAGE}</dialog>`, modal],
    ['a popover masked so only the item shows', `<div id="layer" popover="manual" style="padding:16px; mask-image:linear-gradient(to right, #000 240px, transparent 240px)">${IMAGE}</div>`, popover],
  ])('in %s (the card could be drawn over the item, or invisible): not put there; its buttons work only where it is seen', async (_name, markup, open) => {
    const { layer, item, host, card } = await cardInLayer(markup, open);
    expect(layer.contains(host)).toBe(false);
    const full = card.querySelector<HTMLButtonElement>('button[data-step="full"]')!;
    const at = full.getBoundingClientRect();
    // What the person sees at the button: Gauze's card (unmasked, outside the layer) or the page.
    const seen = document.elementFromPoint(at.left + at.width / 2, at.top + at.height / 2) === host;
    await page.elementLocator(full).click({ force: true });
    expect(item.getAttribute(MARK.view) === 'full').toBe(seen);
  });

  it('goes back to the page once it is for an item outside the layer', async () => {
    const test = shieldTest(`<div popover="manual" id="layer">${IMAGE}</div><img id="outside" src="${patternUrl(200, 150, '#ff00fe')}" width="200" height="150" style="display:block">`);
    test.answer();
    const layer = test.root.querySelector<HTMLElement>('#layer')!;
    layer.showPopover();
    await settle();
    const { host } = await cardFor(layer.querySelector('#item')!);
    expect(layer.contains(host)).toBe(true);
    layer.hidePopover();
    await cardFor(test.root.querySelector('#outside')!);
    expect(host.parentNode).toBe(document.documentElement);
  });
});

describe('the viewer of an item in a modal dialog', () => {
  it('opens inside the dialog, where its buttons take the person\'s clicks, and closes with it', async () => {
    const test = shieldTest(`<dialog id="layer" style="padding:16px">${IMAGE}</dialog>`);
    test.answer();
    const layer = test.root.querySelector<HTMLDialogElement>('#layer')!;
    layer.showModal();
    await settle();
    const item = layer.querySelector('#item')!;
    const { card } = await cardFor(item);
    await page.elementLocator(card.querySelector('button[data-viewer]')!).click({ force: true });
    const viewer = await until(() => document.querySelector('cover-viewer'));
    expect(layer.contains(viewer)).toBe(true);
    const outline = () => [...viewer!.shadowRoot!.querySelectorAll('button')].find((button) => button.textContent === texts.steps.outline)!;
    const at = outline().getBoundingClientRect();
    expect(document.elementFromPoint(at.left + at.width / 2, at.top + at.height / 2)).toBe(viewer);
    await page.elementLocator(outline()).click({ force: true });
    expect(outline().getAttribute('aria-pressed')).toBe('true');
    // The page closes its dialog: the viewer in it, no longer seen, closes too.
    layer.close();
    expect(await until(() => !document.querySelector('cover-viewer'))).toBe(true);
  });
});
