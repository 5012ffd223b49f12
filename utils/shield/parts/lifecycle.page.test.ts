import { describe, expect, it } from 'vitest';
import { MARK } from '../../core/shield/cover-style';
import type { ShieldPart } from '../part';
import { shieldParts } from '.';
import { patternUrl, settle, shieldTest, until } from '../testing/harness';

describe('a shield part\'s life', () => {
  it('work already scheduled for idle time does not run after the shield stops; observers are not re-armed', async () => {
    const test = shieldTest(`<img src="${patternUrl(16, 16)}" width="16" height="16">`);
    test.answer();
    // Stopped before the idle pass that would have found the icon.
    test.stop.abort();
    await settle();
    await settle();
    expect(test.root.querySelector('img')!.hasAttribute(MARK.ok)).toBe(false);
    expect(test.shield.items.get(test.root.querySelector('img')!)).toBeUndefined();
  });

  it('one part\'s failure is reported and the others go on (media stays covered)', async () => {
    const broken: ShieldPart = { id: 'broken', start: () => { throw new Error('on purpose'); } };
    const test = shieldTest(`<img src="${patternUrl(16, 16)}" width="16" height="16">`, { parts: [broken, ...shieldParts] });
    test.answer();
    await settle();
    expect(test.recorded.reports).toEqual(['part broken: Error: on purpose']);
    expect(test.root.querySelector('img')!.hasAttribute(MARK.ok)).toBe(true);
  });

  it('settings reach the open page: another icon size judges every picture again, a step no longer allowed covers', async () => {
    const test = shieldTest(`<img id="a" src="${patternUrl(48, 48)}" width="48" height="48"><img id="b" src="${patternUrl(200, 150)}" width="200" height="150">`);
    test.answer();
    await settle();
    const [a, b] = test.root.querySelectorAll('img');
    expect(a!.hasAttribute(MARK.ok)).toBe(false);
    test.shield.configure({ blurPixels: 28, allowedSteps: ['blur', 'outline', 'full'], recoverAfterSeconds: 10, soundAllowed: true, iconMaxPixels: 64, smallViewPixels: 0, maxVolumePercent: 50 });
    // Judged again after the next layout (never by forcing one).
    expect(await until(() => a!.hasAttribute(MARK.ok))).toBe(true);
    test.shield.revealAll();
    expect(b!.getAttribute(MARK.view)).toBe('full');
    test.shield.configure({ blurPixels: 28, allowedSteps: ['blur', 'outline'], recoverAfterSeconds: 10, soundAllowed: true, iconMaxPixels: 64, smallViewPixels: 0, maxVolumePercent: 50 });
    expect(b!.getAttribute(MARK.view)).toBeNull();
  });
});
