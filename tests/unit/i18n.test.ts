import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatEntry, languageFormat, parsePluralBlocks, placeholdersUsed, type CatalogueEntry } from '../../utils/core/i18n/format';
import { languages } from '../../utils/core/i18n/languages';

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

  it('declares every $PLACEHOLDER$ and plural count a message uses, and uses every one it declares', () => {
    for (const [key, entry] of Object.entries(catalogue)) {
      const used = placeholdersUsed(entry.message);
      for (const name of used) expect(entry.placeholders?.[name.toLowerCase()], `${key} uses ${name}`).toBeDefined();
      expect(Object.keys(entry.placeholders ?? {}).map((name) => name.toUpperCase()).sort(), key).toEqual(used);
    }
  });

  it('has no message that nothing uses (keys may also be referenced as MessageKey values)', () => {
    const text = code.map((file) => readFileSync(file, 'utf8')).join('\n');
    const unused = Object.keys(catalogue).filter((key) => !manifestKeys.includes(key) && !text.includes(`'${key}'`) && !text.includes(`"${key}"`));
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

/** Every language Gauze ships, and the test every translation must pass (docs/translating.md). */
describe('translations', () => {
  const folders = readdirSync(join(root, 'public/_locales')).filter((folder) => folder !== 'en');
  const load = (folder: string) =>
    JSON.parse(readFileSync(join(root, 'public/_locales', folder, 'messages.json'), 'utf8')) as Record<string, CatalogueEntry>;
  /** Words that are the same in every language: the product's name, symbols, and numbers. */
  const sameEverywhere = new Set(['extName', 'popupTitle', 'shieldSize', 'dashboardBreaksValue', 'dashboardKindCount', 'shieldStoryboardFrame']);
  /** Words a language writes as English does (checked by its translator; a short list). */
  const sameIn: Record<string, string[]> = {
    es_419: ['shieldKindVideo'], // "Video", as Latin America writes it
    fr: ['versionLabel', 'shieldKindImage', 'shieldEditNote', 'questionnaireColDate', 'questionnaireColTitle', 'questionnaireColScore'],
  };
  const counts = [0, 1, 2, 3, 5, 11, 21, 101];

  it('ships every language the product promises', () => {
    expect(folders.sort()).toEqual(languages.filter((language) => language.folder !== 'en').map((language) => language.folder).sort());
  });

  it('every English message is a valid message, its plural blocks included', () => {
    for (const [key, entry] of Object.entries(catalogue)) expect(() => parsePluralBlocks(entry.message), key).not.toThrow();
  });

  describe.each(languages.filter((language) => language.folder !== 'en'))('$name ($folder)', (language) => {
    const translated = load(language.folder);
    const format = languageFormat(language.tag);

    it('has exactly the keys English has', () => {
      expect(Object.keys(translated).filter((key) => !catalogue[key]), 'keys English lacks').toEqual([]);
      expect(Object.keys(catalogue).filter((key) => !translated[key]?.message?.trim()), 'keys missing').toEqual([]);
    });

    it('uses the same placeholders, declared as in English', () => {
      for (const [key, entry] of Object.entries(translated)) {
        const english = catalogue[key];
        if (!english) continue;
        expect(placeholdersUsed(entry.message), key).toEqual(placeholdersUsed(english.message));
        const declared = (e: CatalogueEntry) => Object.fromEntries(Object.entries(e.placeholders ?? {}).map(([name, p]) => [name, p.content]));
        expect(declared(entry), key).toEqual(declared(english as CatalogueEntry));
      }
    });

    it('writes every plural form the language needs, and each count reads as a sentence', () => {
      const needed = new Intl.PluralRules(language.tag).resolvedOptions().pluralCategories;
      for (const [key, entry] of Object.entries(translated)) {
        const blocks = parsePluralBlocks(entry.message);
        for (const block of blocks) {
          const missing = needed.filter((category) => !block.branches.has(category));
          expect(missing, `${key}: ${block.name}`).toEqual([]);
        }
        if (!blocks.length) continue;
        const values = Object.values(entry.placeholders ?? {}).map(() => 0);
        for (const count of counts) {
          const text = formatEntry(entry, values.map(() => count), format);
          expect(text, `${key} for ${count}`).not.toMatch(/[{}#]|\$[A-Z_]+\$/);
          expect(text.trim().length, `${key} for ${count}`).toBeGreaterThan(0);
        }
      }
    });

    it('translates every message (only names and symbols may be the same as in English)', () => {
      const same = Object.keys(catalogue).filter((key) => !sameEverywhere.has(key) && !sameIn[language.folder]?.includes(key) && translated[key]?.message === catalogue[key]!.message);
      expect(same).toEqual([]);
    });
  });
});
