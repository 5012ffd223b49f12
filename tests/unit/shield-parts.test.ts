import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shieldParts } from '../../utils/shield/parts';

const folder = join(import.meta.dirname, '../../utils/shield/parts');
/** Files in the parts folder that are helpers of parts, not parts. */
const helpers = new Set(['index.ts', 'idle.ts']);

describe('the page shield\'s parts (refined-github style: one file each, one list)', () => {
  const files = readdirSync(folder).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !helpers.has(name));

  it('every part file is registered, under its own name', () => {
    expect(shieldParts.map((part) => `${part.id}.ts`).sort()).toEqual(files.sort());
  });

  it('every part has a unit test in a real page', () => {
    const tested = readdirSync(folder).filter((name) => name.endsWith('.page.test.ts'));
    const text = tested.map((name) => readFileSync(join(folder, name), 'utf8')).join('\n') + readFileSync(join(folder, '../shield.page.test.ts'), 'utf8');
    // Each part's behaviour is named in some page test (by the events or gestures it owns).
    const untested = shieldParts.filter((part) => !tested.includes(`${part.id}.page.test.ts`) && !new RegExp(`\\b${part.id}`, 'i').test(text));
    expect(untested.map((part) => part.id)).toEqual([]);
  });

  it('every part ends its work with the signal (no listener, observer or timer without it)', () => {
    for (const file of files) {
      const text = readFileSync(join(folder, file), 'utf8');
      const observers = (text.match(/new (Mutation|Resize|Intersection)Observer/g) ?? []).length;
      const disconnects = (text.match(/\.disconnect\(\)/g) ?? []).length;
      expect(disconnects, `${file}: observers disconnected on abort`).toBeGreaterThanOrEqual(observers);
      for (const match of text.matchAll(/(\w+)\.addEventListener\(/g)) {
        // A listener on Gauze's own card dies with the card; the signal's own does not need it.
        if (match[1] === 'box' || match[1] === 'signal') continue;
        const call = callAt(text, match.index + match[0].length);
        expect(call, file).toMatch(/signal|once: true/);
      }
    }
  });
});

/** The arguments of the call whose opening parenthesis ends just before `from` (balanced). */
function callAt(text: string, from: number): string {
  let depth = 1;
  let at = from;
  while (at < text.length && depth > 0) {
    if (text[at] === '(') depth++;
    else if (text[at] === ')') depth--;
    at++;
  }
  return text.slice(from, at);
}
