import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const catalogue = JSON.parse(readFileSync(join(root, 'public/_locales/en/messages.json'), 'utf8')) as Record<
  string,
  { message: string; description?: string; placeholders?: Record<string, { content: string }> }
>;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

const code = ['entrypoints', 'components', 'utils'].flatMap((dir) => sources(join(root, dir)));
const used = new Set(code.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)].map((m) => m[1]!)));
const manifestKeys = [...readFileSync(join(root, 'wxt.config.ts'), 'utf8').matchAll(/__MSG_([A-Za-z0-9_]+)__/g)].map((m) => m[1]!);

describe('i18n catalogue', () => {
  it('has every key the code uses', () => {
    expect([...used].filter((key) => !catalogue[key])).toEqual([]);
  });

  it('has a description for translators on every message', () => {
    expect(Object.entries(catalogue).filter(([, entry]) => !entry.description?.trim()).map(([key]) => key)).toEqual([]);
  });

  it('declares every $PLACEHOLDER$ a message uses', () => {
    for (const [key, entry] of Object.entries(catalogue)) {
      for (const [, name] of entry.message.matchAll(/\$([A-Z_]+)\$/g)) {
        expect(entry.placeholders?.[name!.toLowerCase()], `${key} uses $${name}$`).toBeDefined();
      }
    }
  });

  it('has no message that nothing uses (keys may also be referenced as MessageKey values)', () => {
    const text = code.map((file) => readFileSync(file, 'utf8')).join('\n');
    const unused = Object.keys(catalogue).filter((key) => !manifestKeys.includes(key) && !text.includes(`'${key}'`));
    expect(unused, unused.map((key) => `${key} is not used in ${code.map((f) => relative(root, f)).length} files`).join('\n')).toEqual([]);
  });

  it('pages show no hard-coded English text in JSX', () => {
    // A crude guard: text between tags must come from t(); a page with >Words< is a missed string.
    const offenders = code
      .filter((file) => file.endsWith('.tsx'))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .filter((line) => /<[a-zA-Z][^<>]*>\s*[A-Za-z][A-Za-z ,.'!?-]{2,}\s*<\/|^\s*[A-Z][a-z]+(?: [a-z]+){2,}[.!?]?\s*$/.test(line))
          .map((line) => `${relative(root, file)}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });
});
