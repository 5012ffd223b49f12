import { describe, expect, it } from 'vitest';
import { coverCss, MARK, OUTLINE_FILTER } from '../../core/shield/cover-style';
import { MAGENTA, patternUrl, pixelsOf, settle, shieldTest } from '../testing/harness';

describe('the outline view', () => {
  it('works inside a shadow root: the filter is installed there, and the picture is never shown as it is', async () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'closed' });
    // As the page-world script does as the root is attached: the cover is adopted into it.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(coverCss());
    root.adoptedStyleSheets = [sheet];
    root.innerHTML = `<img id="in-root" src="${patternUrl(200, 150)}" width="200" height="150">`;
    host.setAttribute(MARK.host, '');
    const test = shieldTest('', { shadowRoots: new Map([[host, root]]) });
    test.answer();
    test.root.append(host);
    await settle();
    const img = root.querySelector('img')!;
    expect(test.shield.items.get(img)?.kind).toBe('image');
    // The check can fail: shown in full, the picture is there to see.
    test.shield.revealAll();
    expect(img.getAttribute(MARK.view)).toBe('full');
    expect(await pixelsOf(MAGENTA)).toBeGreaterThan(20_000);
    // With only the outline allowed, the ladder's one step is the outline.
    test.shield.configure({ blurPixels: 28, allowedSteps: ['outline'], recoverAfterSeconds: 10, soundAllowed: true, iconMaxPixels: 32, smallViewPixels: 0, maxVolumePercent: 50 });
    expect(img.getAttribute(MARK.view)).toBeNull();
    test.shield.revealAll();
    expect(img.getAttribute(MARK.view)).toBe('outline');
    expect(root.getElementById(OUTLINE_FILTER)).not.toBeNull();
    await settle();
    // A flat picture in outline is white inside: no magenta is painted.
    expect(await pixelsOf(MAGENTA)).toBe(0);
    expect(await pixelsOf([255, 255, 255], host)).toBeGreaterThan(150 * 100);
  });
});
