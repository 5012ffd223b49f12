/**
 * Messages in the browser's `messages.json` format, formatted without the browser's i18n API so
 * that a person can choose Gauze's language apart from the browser's (utils/i18n.ts loads the
 * catalogue). Plain functions over plain data: unit-tested in Node.
 *
 * A message is text with named placeholders (`$MINUTES$`, declared in `placeholders` as `$1`, `$2`,
 * …, as the browser's format has it) and, where a number decides the wording, one or more plural
 * blocks in the ICU style the translation tools know:
 *
 *     "Step away for {MINUTES, plural, one {# minute} other {# minutes}}."
 *
 * The block names a placeholder; `#` is that number formatted for the language; the branch is
 * chosen with `Intl.PluralRules` (zero, one, two, few, many, other, or an exact `=N`). Each language
 * writes the branches its grammar needs (Arabic six, Russian and Ukrainian four), so no sentence is
 * ever built by joining fragments and no one reads "minute(s)".
 */
export interface CatalogueEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Catalogue = Record<string, CatalogueEntry>;
/** A value for a placeholder: text as it is, or a number formatted for the language. */
export type MessageValue = string | number;

export const pluralCategories = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof pluralCategories)[number];

export interface PluralBlock {
  /** The placeholder the block counts, upper case as written. */
  name: string;
  /** `one`, `other`, `=0`, … in the order written. */
  branches: Map<string, string>;
  start: number;
  end: number;
}

const BLOCK_START = /\{\s*([A-Za-z0-9_]+)\s*,\s*plural\s*,/g;

/** The plural blocks of a message, or an error naming what is wrong with them. */
export function parsePluralBlocks(message: string): PluralBlock[] {
  const blocks: PluralBlock[] = [];
  BLOCK_START.lastIndex = 0;
  for (let match = BLOCK_START.exec(message); match; match = BLOCK_START.exec(message)) {
    const branches = new Map<string, string>();
    let at = match.index + match[0].length;
    for (;;) {
      while (/\s/.test(message[at] ?? '')) at++;
      if (message[at] === '}') break;
      const key = /^(zero|one|two|few|many|other|=\d+)\s*\{/.exec(message.slice(at));
      if (!key) throw new Error(`plural block for ${match[1]}: expected a branch such as "one {…}" at "${message.slice(at, at + 12)}"`);
      at += key[0].length;
      const close = message.indexOf('}', at);
      const open = message.indexOf('{', at);
      if (close < 0 || (open >= 0 && open < close)) throw new Error(`plural block for ${match[1]}: a branch must be plain text without braces`);
      if (branches.has(key[1]!)) throw new Error(`plural block for ${match[1]}: "${key[1]}" twice`);
      branches.set(key[1]!, message.slice(at, close));
      at = close + 1;
    }
    if (!branches.has('other')) throw new Error(`plural block for ${match[1]}: an "other" branch is required`);
    blocks.push({ name: match[1]!, branches, start: match.index, end: at + 1 });
    BLOCK_START.lastIndex = at + 1;
  }
  return blocks;
}

/** The placeholder names a message uses, outside and inside its plural blocks (upper case). */
export function placeholdersUsed(message: string): string[] {
  const names = new Set<string>();
  for (const [, name] of message.matchAll(/\$([A-Za-z0-9_]+)\$/g)) names.add(name!.toUpperCase());
  for (const block of parsePluralBlocks(message)) names.add(block.name.toUpperCase());
  return [...names].sort();
}

/** The formatting a language needs, made once per language. */
export interface LanguageFormat {
  locale: string;
  number(value: number): string;
  plural(value: number): PluralCategory;
}

export function languageFormat(locale: string): LanguageFormat {
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const rules = new Intl.PluralRules(locale);
  return { locale, number: (value) => numbers.format(value), plural: (value) => rules.select(value) as PluralCategory };
}

/**
 * The message with its placeholders filled in: `values[0]` for the placeholder declared as `$1`,
 * and so on. A number is written in the language's digits; a plural block picks its branch.
 */
export function formatEntry(entry: CatalogueEntry, values: readonly MessageValue[], format: LanguageFormat): string {
  const valueOf = (name: string): MessageValue | undefined => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    const index = /^\$(\d)$/.exec(content)?.[1];
    return index ? values[Number(index) - 1] : undefined;
  };
  const show = (value: MessageValue | undefined) => (value === undefined ? '' : typeof value === 'number' ? format.number(value) : value);
  const fill = (text: string) => text.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => show(valueOf(name)));

  let message = entry.message;
  const blocks = message.includes(', plural') || message.includes(',plural') ? parsePluralBlocks(message) : [];
  for (const block of blocks.reverse()) {
    const raw = valueOf(block.name);
    const count = typeof raw === 'number' ? raw : Number(raw);
    const exact = block.branches.get(`=${count}`);
    const branch = exact ?? block.branches.get(Number.isFinite(count) ? format.plural(count) : 'other') ?? block.branches.get('other')!;
    const chosen = branch.replace(/#/g, Number.isFinite(count) ? format.number(count) : '');
    message = message.slice(0, block.start) + chosen + message.slice(block.end);
  }
  return fill(message);
}

/** A message by key, its placeholders filled: what every Gauze context calls `t`. */
export type Translate<K extends string = string> = (key: K, values?: MessageValue | readonly MessageValue[]) => string;

/** A translator over a loaded catalogue, with English for a key it lacks and the key as a last resort. */
export function createTranslator<K extends string = string>(catalogue: Catalogue, fallback: Catalogue, locale: string): Translate<K> {
  const format = languageFormat(locale);
  return (key, values) => {
    const list = values === undefined ? [] : Array.isArray(values) ? values : [values as MessageValue];
    const entry = catalogue[key] ?? fallback[key];
    return entry ? formatEntry(entry, list, format) : key;
  };
}
