import { describe, expect, it } from 'vitest';
import { formatEntry, languageFormat, parsePluralBlocks, placeholdersUsed, type CatalogueEntry } from './format';

const minutes: CatalogueEntry = {
  message: 'Step away for {MINUTES, plural, one {# minute} other {# minutes}}.',
  placeholders: { minutes: { content: '$1' } },
};

describe('messages with plural forms', () => {
  it('chooses the English form by the number', () => {
    const en = languageFormat('en');
    expect(formatEntry(minutes, [1], en)).toBe('Step away for 1 minute.');
    expect(formatEntry(minutes, [5], en)).toBe('Step away for 5 minutes.');
    expect(formatEntry(minutes, [0], en)).toBe('Step away for 0 minutes.');
  });

  it('uses each language\'s own rules: Russian one/few/many, Arabic six forms', () => {
    const ru: CatalogueEntry = {
      message: '{N, plural, one {# минута} few {# минуты} many {# минут} other {# минуты}}',
      placeholders: { n: { content: '$1' } },
    };
    const format = languageFormat('ru');
    expect([1, 2, 5, 11, 21, 22, 101].map((n) => formatEntry(ru, [n], format))).toEqual([
      '1 минута',
      '2 минуты',
      '5 минут',
      '11 минут',
      '21 минута',
      '22 минуты',
      '101 минута',
    ]);
    const ar: CatalogueEntry = {
      message: '{N, plural, zero {لا دقائق} one {دقيقة واحدة} two {دقيقتان} few {# دقائق} many {# دقيقة} other {# دقيقة}}',
      placeholders: { n: { content: '$1' } },
    };
    const arabic = languageFormat('ar');
    expect(formatEntry(ar, [0], arabic)).toBe('لا دقائق');
    expect(formatEntry(ar, [2], arabic)).toBe('دقيقتان');
    // Arabic-Indic digits where Arabic writes them.
    expect(formatEntry(ar, [3], arabic)).toBe(`${new Intl.NumberFormat('ar').format(3)} دقائق`);
    expect(formatEntry(ar, [11], arabic)).toBe(`${new Intl.NumberFormat('ar').format(11)} دقيقة`);
  });

  it('prefers an exact =N branch, and keeps other placeholders in order', () => {
    const entry: CatalogueEntry = {
      message: '$WHO$: {COUNT, plural, =0 {nothing} one {# note} other {# notes}} on $SITE$',
      placeholders: { who: { content: '$1' }, count: { content: '$2' }, site: { content: '$3' } },
    };
    const en = languageFormat('en');
    expect(formatEntry(entry, ['Ana', 0, 'example.org'], en)).toBe('Ana: nothing on example.org');
    expect(formatEntry(entry, ['Ana', 3, 'example.org'], en)).toBe('Ana: 3 notes on example.org');
  });

  it('writes plain numbers in the language\'s digits, and leaves text values as they are', () => {
    const entry: CatalogueEntry = { message: '$A$ × $B$', placeholders: { a: { content: '$1' }, b: { content: '$2' } } };
    expect(formatEntry(entry, [1200, '34'], languageFormat('en'))).toBe('1,200 × 34');
    expect(formatEntry(entry, [12, 34], languageFormat('fa'))).toBe('۱۲ × ۳۴');
  });

  it('refuses a malformed block, naming what is wrong', () => {
    expect(() => parsePluralBlocks('{N, plural, one {# x}}')).toThrow(/"other" branch is required/);
    expect(() => parsePluralBlocks('{N, plural, one {# x} lots {# y} other {# z}}')).toThrow(/expected a branch/);
    expect(() => parsePluralBlocks('{N, plural, one {# {x}} other {# z}}')).toThrow(/without braces/);
  });

  it('lists the placeholders a message uses, plural blocks included', () => {
    expect(placeholdersUsed('$B$ and {A, plural, one {# $C$} other {# $C$}}')).toEqual(['A', 'B', 'C']);
  });
});
