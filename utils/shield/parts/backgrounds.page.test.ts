import { describe, expect, it } from 'vitest';
import { MARK } from '../../core/shield/cover-style';
import { MAGENTA, PLACEHOLDER, patternUrl, pixelsOf, settle, shieldTest, until } from '../testing/harness';
import { splitSelectorList } from './backgrounds';

function withStyle(css: string): () => void {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  return () => style.remove();
}

describe('pictures set by a stylesheet', () => {
  it('a stylesheet background is an item: a placeholder (white text on it stays readable), a label, the ladder', async () => {
    const done = withStyle(`.hero { width: 300px; height: 120px; color: white; background: url("${patternUrl(300, 120)}") no-repeat; }`);
    try {
      const test = shieldTest('<div id="hero" class="hero" title="Protest, 3 May">Headline on the picture</div>');
      test.answer();
      const hero = test.root.querySelector('#hero')!;
      expect(await until(() => hero.hasAttribute(MARK.placeholder))).toBe(true);
      expect(await pixelsOf(MAGENTA)).toBe(0);
      expect(await pixelsOf(PLACEHOLDER, hero)).toBeGreaterThan(280 * 100);
      expect(test.shield.items.get(hero)?.kind).toBe('background');
      test.shield.revealAll();
      expect(await pixelsOf(MAGENTA, hero)).toBeGreaterThan(20_000);
    } finally {
      done();
    }
  });

  it('gradients alone are decoration: hidden, with no placeholder and no item', async () => {
    const done = withStyle('.deco { width: 120px; height: 60px; background-image: linear-gradient(#ff00ff, #ff00ff); }');
    try {
      const test = shieldTest('<div id="deco" class="deco"></div>');
      test.answer();
      await settle();
      const deco = test.root.querySelector('#deco')!;
      expect(deco.hasAttribute(MARK.placeholder)).toBe(false);
      expect(test.shield.items.get(deco)).toBeUndefined();
      expect(await pixelsOf(MAGENTA)).toBe(0);
    } finally {
      done();
    }
  });

  it('a picture in ::before or ::after (content: url, image-set) is never painted; its host takes the ladder', async () => {
    const picture = patternUrl(120, 90);
    const done = withStyle(`.a::before { content: url("${picture}"); display: block; } .b::after { content: image-set(url("${picture}") 1x); }`);
    try {
      const test = shieldTest('<div id="a" class="a">caption a</div><div id="b" class="b">caption b</div>');
      test.answer();
      const a = test.root.querySelector('#a')!;
      await Promise.resolve();
      expect(a.hasAttribute(MARK.pseudo)).toBe(true);
      await settle();
      expect(await pixelsOf(MAGENTA)).toBe(0);
      test.shield.revealAll();
      expect(await pixelsOf(MAGENTA)).toBeGreaterThan(2 * 100 * 80);
    } finally {
      done();
    }
  });

  it('a host added after the stylesheet is marked as it is inserted, before it is painted', async () => {
    const done = withStyle(`.late::before { content: url("${patternUrl(120, 90)}"); }`);
    try {
      const test = shieldTest();
      test.answer();
      await settle();
      const late = document.createElement('span');
      late.className = 'late';
      test.root.append(late);
      await Promise.resolve();
      expect(late.hasAttribute(MARK.pseudo)).toBe(true);
      expect(await pixelsOf(MAGENTA)).toBe(0);
    } finally {
      done();
    }
  });

  it('splits selector lists at top-level commas only', () => {
    expect(splitSelectorList('a::before, b:is(.c, .d)::after, [data-x="1,2"]::before')).toEqual(['a::before', 'b:is(.c, .d)::after', '[data-x="1,2"]::before']);
  });
});
