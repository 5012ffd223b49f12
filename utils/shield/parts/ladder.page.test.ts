import { page, userEvent } from 'vitest/browser';
import { describe, expect, it } from 'vitest';
import { MARK } from '../../core/shield/cover-style';
import { shieldDefaults } from '../../core/shield/defaults';
import { click, MAGENTA, patternUrl, pixelsOf, settle, shieldTest, until, tabTo } from '../testing/harness';

const view = (element: Element) => element.getAttribute(MARK.view);
const cardText = () => {
  const host = document.querySelector('cover-card');
  // The card's shadow root is closed: what a person sees is what its box paints; its words are
  // read through the accessibility tree here.
  return host ? page.elementLocator(host) : null;
};

describe('icons', () => {
  it('a picture no larger than the icon size is shown; one that grows is covered again before it is drawn; a transform cannot make it large', async () => {
    const test = shieldTest(`<img id="i" src="${patternUrl(16, 16)}" width="16" height="16">`);
    test.answer();
    const icon = test.root.querySelector<HTMLImageElement>('#i')!;
    expect(await until(() => icon.hasAttribute(MARK.ok))).toBe(true);
    icon.width = 200;
    icon.height = 150;
    expect(await until(() => !icon.hasAttribute(MARK.ok))).toBe(true);
    expect(await pixelsOf(MAGENTA)).toBe(0);
    icon.width = 16;
    icon.height = 16;
    expect(await until(() => icon.hasAttribute(MARK.ok))).toBe(true);
    icon.style.transform = 'scale(12)';
    icon.style.transformOrigin = '0 0';
    icon.style.scale = '12';
    await settle();
    // Released, it is still painted at icon size at most.
    expect(await pixelsOf(MAGENTA)).toBeLessThanOrEqual(16 * 16);
    expect(await pixelsOf(MAGENTA)).toBeGreaterThan(0);
  });
});

describe('re-covering', () => {
  it('a revealed item is covered again once the person looks away, and the reveal is recorded (kind, seconds, furthest view)', async () => {
    const test = shieldTest(`<img id="a" src="${patternUrl(160, 120)}" width="160" height="120">`);
    test.answer();
    test.shield.configure({ ...shieldDefaults, recoverAfterSeconds: 1 });
    await settle();
    const img = test.root.querySelector('#a')!;
    await click(img);
    expect(view(img)).toBe('outline');
    await page.elementLocator(document.body).hover({ position: { x: 900, y: 650 } });
    expect(await until(() => view(img) === null, 4000)).toBe(true);
    expect(test.recorded.revealed).toEqual([{ kind: 'image', seconds: expect.any(Number), view: 'outline' }]);
  });

  it('scrolling an item out of view covers it', async () => {
    const test = shieldTest(`<img id="a" src="${patternUrl(160, 120)}" width="160" height="120"><div style="height: 3000px"></div>`);
    test.answer();
    await settle();
    const img = test.root.querySelector('#a')!;
    test.shield.revealAll();
    expect(view(img)).toBe('full');
    scrollTo(0, 2500);
    expect(await until(() => view(img) === null)).toBe(true);
    scrollTo(0, 0);
  });

  it('covering everything (panic, a break) covers every revealed item and forgets a click kept for later', async () => {
    const test = shieldTest(`<img id="a" src="${patternUrl()}" width="120" height="90"><img id="b" src="${patternUrl()}" width="120" height="90">`);
    await settle();
    const [a, b] = test.root.querySelectorAll('img');
    await click(b!); // kept while the background has not answered
    test.shield.coverAll();
    test.answer();
    expect(view(b!)).toBeNull();
    test.shield.revealAll();
    expect(view(a!)).toBe('full');
    test.shield.coverAll();
    expect(view(a!)).toBeNull();
  });
});

describe('the card', () => {
  it('lists only the keys that do something for this item now', async () => {
    const test = shieldTest(`<img id="noted" src="${location.origin}/icon/128.png" width="140" height="100" alt="Exhibit 7"><img id="data" src="${patternUrl(140, 100)}" width="140" height="100" alt="Exhibit 8">`);
    test.answer();
    await settle();
    const [noted, data] = test.root.querySelectorAll('img');
    await page.elementLocator(noted!).hover();
    await until(() => cardText());
    const card = cardText()!;
    await expect.element(card.getByText('Enter: next step')).toBeInTheDocument();
    await expect.element(card.getByText('N: note')).toBeInTheDocument();
    await expect.element(card.getByText('S: sound')).not.toBeInTheDocument();
    await expect.element(card.getByText('Esc: cover again')).not.toBeInTheDocument();
    // A picture with no web address (data:) cannot have a note: no N, no R.
    await page.elementLocator(data!).hover();
    await expect.element(card.getByText('Exhibit 8')).toBeInTheDocument();
    await expect.element(card.getByText('N: note')).not.toBeInTheDocument();
    // While reveals are locked: no steps to offer, no step keys.
    test.shield.setLock({ reason: 'break', until: Date.now() + 60_000, text: 'Covered during your break.' });
    await page.elementLocator(noted!).hover();
    await expect.element(card.getByText('Covered during your break.')).toBeInTheDocument();
    await expect.element(card.getByText('Enter: next step')).not.toBeInTheDocument();
  });

  it('speaks the page shield\'s language and direction, on a page of the other direction', async () => {
    const test = shieldTest(`<img id="a" src="${patternUrl(140, 100)}" width="140" height="100" alt="Exhibit">`);
    test.shield.setTexts({ ...(await import('../testing/harness')).texts, lang: 'ar', dir: 'rtl', steps: { blur: 'ضبابي', outline: 'مخطط', full: 'عرض كامل' } });
    test.shield.configure({ ...shieldDefaults });
    test.shield.setLock(null);
    await settle();
    await page.elementLocator(test.root.querySelector('#a')!).hover();
    await until(() => cardText());
    await expect.element(cardText()!.getByRole('button', { name: 'عرض كامل' })).toBeInTheDocument();
  });

  it('a note is written in the card, kept for the picture\'s address, and marks are shown on the cover', async () => {
    const test = shieldTest(`<img id="a" src="${location.origin}/icon/128.png" width="140" height="100" alt="Exhibit 7">`);
    test.answer();
    await settle();
    const img = test.root.querySelector<HTMLImageElement>('#a')!;
    await tabTo(img);
    await userEvent.keyboard('{Tab}{Shift>}{Tab}{/Shift}'); // keyboard focus on the item
    await userEvent.keyboard('n');
    await userEvent.keyboard('Same scene as exhibit 4');
    await expect.element(cardText()!.getByRole('button', { name: 'Save' })).toBeInTheDocument();
    await cardText()!.getByRole('button', { name: 'Save' }).click();
    await userEvent.keyboard('r');
    expect(test.recorded.notes.get(img.src)).toEqual({ note: 'Same scene as exhibit 4', reviewed: true });
    expect(img.hasAttribute(MARK.reviewed)).toBe(true);
    expect(view(img)).toBeNull();
  });

  it('while the records are locked, the card says so and offers Gauze\'s unlock page; notes come back after an unlock', async () => {
    const test = shieldTest(`<img id="a" src="${location.origin}/icon/128.png" width="140" height="100" alt="Exhibit 7">`);
    test.recorded.locked = true;
    test.recorded.notes.set(`${location.origin}/icon/128.png`, { note: 'Same scene as exhibit 4', reviewed: true });
    test.answer();
    await settle();
    const img = test.root.querySelector<HTMLImageElement>('#a')!;
    await until(() => test.recorded.lookups.length > 0);
    await page.elementLocator(img).hover();
    await until(() => cardText());
    const card = cardText()!;
    await expect.element(card.getByText('Notes are locked.')).toBeInTheDocument();
    await expect.element(card.getByText('N: note')).not.toBeInTheDocument();
    await card.getByRole('button', { name: 'Unlock in Gauze' }).click();
    expect(test.recorded.unlockPages).toBe(1);
    // Unlocked in Gauze's page: the background refreshes the tab, and the note is read.
    test.recorded.locked = false;
    test.shield.setNotesWanted(true);
    expect(await until(() => img.hasAttribute(MARK.reviewed))).toBe(true);
    await page.elementLocator(img).hover();
    await expect.element(card.getByText('Same scene as exhibit 4')).toBeInTheDocument();
  });

  it('an item a colleague reviewed has a dashed mark and a card line with their note, apart from the person\'s own mark', async () => {
    const test = shieldTest(`<img id="a" src="${location.origin}/icon/128.png" width="140" height="100" alt="Exhibit 7">`);
    test.recorded.colleagues.set(`${location.origin}/icon/128.png`, ['Same scene as exhibit 4']);
    test.answer();
    await settle();
    const img = test.root.querySelector<HTMLImageElement>('#a')!;
    expect(await until(() => img.hasAttribute(MARK.colleague))).toBe(true);
    expect(img.hasAttribute(MARK.reviewed)).toBe(false);
    expect(getComputedStyle(img).outlineStyle).toBe('dashed');
    await tabTo(img);
    await userEvent.keyboard('{Tab}{Shift>}{Tab}{/Shift}'); // keyboard focus on the item
    await until(() => cardText());
    await expect.element(cardText()!.getByText('Reviewed by a colleague')).toBeInTheDocument();
    await expect.element(cardText()!.getByText('Same scene as exhibit 4')).toBeInTheDocument();
    // Marked by the person too: their own mark, solid; the colleague's stays known to the card.
    await userEvent.keyboard('r');
    expect(test.recorded.notes.get(img.src)).toEqual({ note: '', reviewed: true });
    expect(await until(() => getComputedStyle(img).outlineStyle === 'solid')).toBe(true);
    expect(img.hasAttribute(MARK.colleague)).toBe(true);
  });

  it('sits where it hides no caption: a picture as wide as the window gets its card above, not over the caption under it', async () => {
    const test = shieldTest(`<figure style="margin: 320px 0 0 20px"><img id="a" src="${patternUrl(940, 200)}" width="940" height="200" alt="Exhibit 9"><figcaption id="caption">Exhibit 9: the harbour, seen from the north quay</figcaption></figure>`);
    test.answer();
    await settle();
    await page.elementLocator(test.root.querySelector('#a')!).hover();
    await until(() => cardText());
    const box = document.querySelector('cover-card')!.shadowRoot!.querySelector('.card')!.getBoundingClientRect();
    const caption = test.root.querySelector('#caption')!.getBoundingClientRect();
    const overlaps = box.left < caption.right && caption.left < box.right && box.top < caption.bottom && caption.top < box.bottom;
    expect(box.height).toBeGreaterThan(0);
    expect(overlaps).toBe(false);
  });
});
