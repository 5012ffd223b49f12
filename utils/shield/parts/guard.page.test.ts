import { describe, expect, it } from 'vitest';
import { MARK } from '../../core/shield/cover-style';
import { MAGENTA, patternUrl, pixelsOf, settle, shieldTest } from '../testing/harness';

describe('guard: Gauze\'s marks mean only what Gauze decided', () => {
  it.each(Object.entries(MARK).filter(([name]) => name !== 'host' && name !== 'probe'))('the page setting %s on a covered item changes nothing it paints', async (_name, attribute) => {
    const test = shieldTest(`<img id="a" src="${patternUrl(160, 120)}" width="160" height="120">`);
    test.answer();
    await settle();
    const img = test.root.querySelector('#a')!;
    img.setAttribute(attribute, attribute === MARK.view ? 'full' : attribute === MARK.frame ? 'inner' : '');
    await Promise.resolve();
    expect(img.hasAttribute(attribute)).toBe(false);
    expect(await pixelsOf(MAGENTA)).toBe(0);
  });

  it('the page removing a mark Gauze set (a revealed step) gets it back', async () => {
    const test = shieldTest(`<img id="a" src="${patternUrl(160, 120)}" width="160" height="120">`);
    test.answer();
    await settle();
    const img = test.root.querySelector('#a')!;
    test.shield.revealAll();
    img.removeAttribute(MARK.view);
    await Promise.resolve();
    expect(img.getAttribute(MARK.view)).toBe('full');
  });
});
