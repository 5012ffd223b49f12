import { page, userEvent } from 'vitest/browser';
import { describe, expect, it } from 'vitest';
import { MARK } from '../core/shield/cover-style';
import { MAGENTA, patternUrl, pixelsOf, settle, shieldTest, tabTo, until } from './testing/harness';

/**
 * Hijacked gestures: a page that makes the person's own click, key or focus land on a covered item
 * they cannot see. Each trick is tried twice: with the page's box painted (the gesture must do
 * nothing) and with the same box painting nothing (the same gesture steps the item, so the trick
 * really does put the gesture on the item).
 */
const view = (element: Element) => element.getAttribute(MARK.view);
const IMAGE = () => `<img id="item" src="${patternUrl(200, 150)}" width="200" height="150" style="display:block">`;
/** A box the page lays over the item (its own button, its own picture), clicks let through or not. */
const over = (style: string, content = '') => `<div id="box" style="position:absolute; left:0; top:0; width:200px; height:150px; ${style}">${content}</div>`;

async function start(markup: string) {
  const test = shieldTest(`<div style="position:relative">${markup}</div>`);
  test.answer();
  await settle();
  return { test, item: test.root.querySelector('#item')!, box: test.root.querySelector<HTMLElement>('#box') };
}

describe('a click counts only on an item the person sees', () => {
  it.each([
    ['an opaque button', 'background:#2a6; pointer-events:none', '', 'background:transparent; pointer-events:none'],
    ['words drawn over it', 'pointer-events:none; font:40px/150px sans-serif; text-align:center', 'Continue', 'pointer-events:none; font:40px/150px sans-serif; text-align:center; color:transparent'],
    ['a thick border', 'box-sizing:border-box; border:80px solid #345; pointer-events:none', '', 'box-sizing:border-box; border:80px solid transparent; pointer-events:none'],
    ['a picture of its own', `background:url(${patternUrl(10, 10, '#123456')}); pointer-events:none`, '', `background:url(${patternUrl(10, 10, '#123456')}); pointer-events:none; opacity:0`],
  ])('%s over the item, letting clicks through: the click does nothing', async (_name, painted, content, clear) => {
    const { item, box } = await start(IMAGE() + over(painted, content));
    await page.elementLocator(item).click({ force: true });
    expect(view(item)).toBeNull();
    // Control: the same box painting nothing; the same click steps the item.
    box!.setAttribute('style', box!.getAttribute('style')!.replace(painted, clear));
    await settle();
    await page.elementLocator(item).click({ force: true });
    expect(view(item)).not.toBeNull();
  });

  it.each([['closed', 'contents'], ['open', 'block']] as const)('a box inside the page\'s own custom element (%s root, display: %s), letting clicks through: the click does nothing', async (mode, display) => {
    const roots = new Map<Element, ShadowRoot>();
    const host = document.createElement('x-lure');
    host.setAttribute('style', `display:${display}; position:absolute; left:0; top:0; width:200px; height:150px; pointer-events:none`);
    const root = host.attachShadow({ mode });
    root.innerHTML = '<style>div { pointer-events: none !important; }</style><div id="lure" style="position:absolute; left:0; top:0; width:200px; height:150px; background:#2a6; font:28px/150px sans-serif">Continue</div>';
    roots.set(host, root);
    // (On a real page the page-world script marks every host as its root is attached.)
    host.setAttribute(MARK.host, '');
    const test = shieldTest(`<div style="position:relative">${IMAGE()}</div>`, { shadowRoots: roots });
    test.root.firstElementChild!.append(host);
    test.answer();
    await settle();
    const item = test.root.querySelector('#item')!;
    await page.elementLocator(item).click({ force: true });
    expect(view(item)).toBeNull();
    // Control: the same box painting nothing; the same click steps the item.
    root.querySelector<HTMLElement>('#lure')!.style.background = 'transparent';
    root.querySelector<HTMLElement>('#lure')!.style.color = 'transparent';
    await settle();
    await page.elementLocator(item).click({ force: true });
    expect(view(item)).not.toBeNull();
  });

  it('the transparent layers sites lay over their pictures, and a light shade, hide nothing', async () => {
    const { item } = await start(IMAGE() + over('background:linear-gradient(transparent, rgba(0,0,0,.35))') + '<a href="#x" style="position:absolute; inset:0"></a>');
    await page.elementLocator(item).click({ force: true });
    expect(view(item)).not.toBeNull();
  });

  it('the item faded out by the page does not step', async () => {
    const { item } = await start(IMAGE().replace('display:block', 'display:block; opacity:0.05'));
    await page.elementLocator(item).click({ force: true });
    expect(view(item)).toBeNull();
  });
});

describe('keys count only on an item the person sees', () => {
  it('Enter on an item the page moved the focus to does nothing; after Tab it steps', async () => {
    const { item } = await start(`<button id="before">Before</button>${IMAGE()}`);
    (item as HTMLElement).focus();
    await userEvent.keyboard('{Enter}');
    expect(view(item)).toBeNull();
    await tabTo(item);
    await userEvent.keyboard('{Enter}');
    expect(view(item)).not.toBeNull();
  });

  it('Enter on a focused item under an opaque box does nothing', async () => {
    const { item, box } = await start(IMAGE() + over('background:#2a6; pointer-events:none'));
    await tabTo(item);
    await userEvent.keyboard('{Enter}');
    expect(view(item)).toBeNull();
    box!.style.background = 'transparent';
    await userEvent.keyboard('{Enter}');
    expect(view(item)).not.toBeNull();
  });

  it('P held with the pointer over an opaque box laid on the item peeks at nothing', async () => {
    const { item, box } = await start(IMAGE() + over('background:#2a6'));
    await page.elementLocator(item).hover({ force: true });
    await settle();
    await userEvent.keyboard('{p>}');
    expect(view(item)).toBeNull();
    expect(await pixelsOf(MAGENTA)).toBe(0);
    await userEvent.keyboard('{/p}');
    // Control: the box painting nothing, the same key peeks.
    box!.style.background = 'transparent';
    await page.elementLocator(item).hover({ force: true, position: { x: 20, y: 20 } });
    await settle();
    await userEvent.keyboard('{p>}');
    expect(view(item)).not.toBeNull();
    await userEvent.keyboard('{/p}');
    expect(await until(() => view(item) === null)).toBe(true);
  });
});

describe('the card takes clicks only where the person sees it', () => {
  it('a box laid over the card, letting clicks through, cannot press its buttons', async () => {
    const { test, item } = await start(IMAGE());
    await page.elementLocator(item).hover();
    const host = await until(() => document.querySelector('cover-card'));
    const card = host!.shadowRoot!.querySelector<HTMLElement>('.card')!;
    await until(() => !card.hidden);
    const full = card.querySelector<HTMLButtonElement>('button[data-step="full"]')!;
    const rect = full.getBoundingClientRect();
    const decoy = document.createElement('div');
    decoy.setAttribute('style', `position:fixed; z-index:2147483647; left:${rect.left - 4}px; top:${rect.top - 4}px; width:${rect.width + 8}px; height:${rect.height + 8}px; background:#2a6; pointer-events:none`);
    test.root.append(decoy);
    await page.elementLocator(full).click({ force: true });
    expect(view(item)).toBeNull();
    decoy.remove();
    await page.elementLocator(full).click();
    expect(view(item)).toBe('full');
  });
});
