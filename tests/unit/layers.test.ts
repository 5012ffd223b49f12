import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of the code, as the folders show them (docs/architecture.md). An import may only
 * point down (or within its own layer): the pure core imports nothing above it, storage only the
 * core, browser adapters only those two, the background's services and the page shield only what
 * is below them (and not each other), pages and entry points anything.
 */
const root = join(import.meta.dirname, '..', '..');
const layers: Array<{ prefix: string; name: string; level: number }> = [
  { prefix: 'utils/core/', name: 'core', level: 1 },
  { prefix: 'utils/storage/', name: 'storage', level: 2 },
  { prefix: 'utils/browser/', name: 'browser', level: 3 },
  { prefix: 'utils/services/', name: 'services', level: 4 },
  { prefix: 'utils/shield/', name: 'page shield', level: 4 },
  { prefix: 'components/', name: 'components', level: 5 },
  { prefix: 'entrypoints/', name: 'entrypoints', level: 6 },
];
const layerOf = (file: string) => layers.find((layer) => file.startsWith(layer.prefix));

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}
const files = ['utils', 'components', 'entrypoints'].flatMap(sources);

/** Every module a file imports (type-only imports too: a layer's types belong to that layer). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:import|export)(?:\s+type)?[^'";]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? m[2] ?? m[3]!);
}
function resolveImport(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(join(root, file)), specifier.split('?')[0]!);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) if (existsSync(candidate) && statSync(candidate).isFile()) return relative(root, candidate);
  return null;
}

/** Code without its comments (a comment may name anything). */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

describe('layers', () => {
  it('every import points down a layer or stays within its own', () => {
    const upward: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      if (!from) continue;
      for (const specifier of importsOf(file)) {
        const target = resolveImport(file, specifier);
        const to = target ? layerOf(target) : undefined;
        if (!to) continue;
        if (to.level > from.level || (to.level === from.level && to !== from)) upward.push(`${file} (${from.name}) imports ${target} (${to.name})`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('the pure core touches no browser, no DOM and no database', () => {
    const impure: string[] = [];
    const forbiddenModules = /^(wxt\/browser|webextension-polyfill|idb|preact)/;
    const domGlobals = /\b(document|window|navigator|chrome|browser|indexedDB|localStorage|sessionStorage|getComputedStyle|requestAnimationFrame|requestIdleCallback|MutationObserver|ResizeObserver|IntersectionObserver|HTMLElement|customElements)\b\s*[.(]/;
    for (const file of files.filter((f) => f.startsWith('utils/core/'))) {
      for (const specifier of importsOf(file)) if (forbiddenModules.test(specifier)) impure.push(`${file} imports ${specifier}`);
      const found = domGlobals.exec(code(readFileSync(join(root, file), 'utf8')));
      if (found) impure.push(`${file} uses ${found[1]}`);
    }
    expect(impure).toEqual([]);
  });

  it('every source file belongs to a layer', () => {
    expect(files.filter((file) => !layerOf(file))).toEqual([]);
  });
});
