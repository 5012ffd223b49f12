import { describe, expect, it } from 'vitest';
import { blurCss, coverCss, MARK } from './cover-style';
import { smallScale } from './ladder';

describe('the cover stylesheet', () => {
  it('greyscale is full or none: half-desaturated pictures felt worse than the originals (docs/evidence.md)', () => {
    const sheets = [coverCss(), coverCss({ blurPixels: 40 }), blurCss(12)].join('\n');
    const amounts = [...sheets.matchAll(/(grayscale|saturate)\(([^)]*)\)/g)].map(([, fn, amount]) => `${fn}(${amount})`);
    expect(amounts.length).toBeGreaterThan(0);
    for (const amount of amounts) expect(amount).toBe('grayscale(1)');
  });

  it('has a scale rule for every small-view step the shield can write, none of them enlarging', () => {
    const css = coverCss();
    const rules = new Map([...css.matchAll(new RegExp(`\\[${MARK.size}='(\\d+)'\\] \\{ scale: ([\\d.]+) !important; \\}`, 'g'))].map(([, step, scale]) => [Number(step), Number(scale)]));
    for (const [width, height] of [[330, 200], [700, 500], [1920, 1080], [10_000, 40], [321, 321]]) {
      const step = smallScale(width!, height!, 320)!;
      expect(rules.get(step), `${width} × ${height}`).toBe(step / 100);
      // Painted no larger than the small-view size (a scale of 5 % is the least there is).
      if (step > 5) expect(Math.max(width!, height!) * rules.get(step)!).toBeLessThanOrEqual(320);
    }
    for (const scale of rules.values()) expect(scale).toBeLessThan(1);
  });

  it('leaves pictures already small enough, and everything when the small view is off', () => {
    expect(smallScale(320, 200, 320)).toBeNull();
    expect(smallScale(0, 0, 320)).toBeNull();
    expect(smallScale(1920, 1080, 0)).toBeNull();
    expect(smallScale(640, 480, 320)).toBe(50);
  });
});
