/**
 * The languages Gauze speaks: those of the people who do this work (the field guide's defenders in
 * Latin America, the Middle East and North Africa, Turkey, Afghanistan, Belarus and Ukraine) and of
 * the organisations that train them. Each has a catalogue in public/_locales/<folder>/.
 */
export interface Language {
  /** The folder under public/_locales (the browser's naming). */
  folder: string;
  /** The BCP 47 tag for `lang` and for Intl (dates, numbers, plurals). */
  tag: string;
  /** The language's own name, as a person looks for it in a list. */
  name: string;
  dir: 'ltr' | 'rtl';
}

export const languages: readonly Language[] = [
  { folder: 'en', tag: 'en', name: 'English', dir: 'ltr' },
  { folder: 'es_419', tag: 'es-419', name: 'Español', dir: 'ltr' },
  { folder: 'fr', tag: 'fr', name: 'Français', dir: 'ltr' },
  { folder: 'ar', tag: 'ar', name: 'العربية', dir: 'rtl' },
  { folder: 'ru', tag: 'ru', name: 'Русский', dir: 'ltr' },
  { folder: 'uk', tag: 'uk', name: 'Українська', dir: 'ltr' },
  { folder: 'fa', tag: 'fa', name: 'فارسی', dir: 'rtl' },
  { folder: 'tr', tag: 'tr', name: 'Türkçe', dir: 'ltr' },
];

export const english = languages[0]!;

/** "auto" follows the browser's language; otherwise one of `languages`' folders. */
export type LanguageChoice = 'auto' | string;

/**
 * The language to use: the person's choice if Gauze has it, else the browser's language or its
 * nearest Gauze language (every Spanish to the Latin American catalogue, written for both; "fr-CA"
 * to French), else English.
 */
export function resolveLanguage(choice: LanguageChoice | undefined, browserLanguage: string): Language {
  const chosen = choice && choice !== 'auto' ? languages.find((language) => language.folder === choice) : undefined;
  if (chosen) return chosen;
  const wanted = browserLanguage.replace('_', '-').toLowerCase();
  const exact = languages.find((language) => language.tag.toLowerCase() === wanted);
  if (exact) return exact;
  const base = wanted.split('-')[0];
  return languages.find((language) => language.tag.split('-')[0] === base) ?? english;
}
