import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

/** Every module the file loads at run time (type-only imports left out), following relative imports. */
function runtimeImports(file: string, seen = new Map<string, string[]>()): Map<string, string[]> {
  if (seen.has(file)) return seen;
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/^import (?!type )[^'"]*['"]([^'"]+)['"]/gm), ...text.matchAll(/^export [^'"]*from ['"]([^'"]+)['"]/gm)]
    .filter((match) => !/^export type /.test(match[0]))
    .map((match) => match[1]!);
  seen.set(file, specifiers);
  for (const specifier of specifiers) {
    if (!specifier.startsWith('.')) continue;
    const base = resolve(dirname(file), specifier);
    const next = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
    if (next) runtimeImports(next, seen);
  }
  return seen;
}

describe('the shield script (runs at document start on every flagged page)', () => {
  it('bundles no schema library: zod cost a 72 ms task per page when it did (docs/performance.md)', () => {
    const graph = runtimeImports(join(root, 'entrypoints/shield.content/index.ts'));
    const withZod = [...graph].filter(([, specifiers]) => specifiers.includes('zod')).map(([file]) => file.slice(root.length + 1));
    expect(withZod).toEqual([]);
  });

  it('uses the browser\'s own promise APIs, not webextension-polyfill (about 10 kB at document start)', () => {
    const graph = runtimeImports(join(root, 'entrypoints/shield.content/index.ts'));
    const polyfill = [...graph].filter(([, specifiers]) => specifiers.some((s) => s === 'webextension-polyfill' || /^\.[./]*\/(utils\/)?browser$/.test(s))).map(([file]) => file.slice(root.length + 1));
    expect(polyfill).toEqual([]);
  });
});
