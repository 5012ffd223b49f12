import { browser } from './api';
import { chooseTimeZone } from '../core/exposure/days';
import type { MessageKey } from '../core/i18n/keys';
import { createTranslator, type Catalogue, type MessageValue, type Translate } from '../core/i18n/format';
import { english, resolveLanguage, type Language, type LanguageChoice } from '../core/i18n/languages';

export type { MessageKey, MessageValue };

/** Where the person's choice of language is kept (extension storage: every page reads it at start). */
const LANGUAGE_KEY = 'language';
/** And of time zone (utils/core/exposure/days.ts), read with it. */
const TIME_ZONE_KEY = 'timeZone';

interface Loaded {
  language: Language;
  /** Over the language's catalogue, with English for a key it lacks (the tests keep every catalogue complete). */
  translate: Translate<MessageKey>;
}
let loaded: Loaded | null = null;
let loading: Promise<Language> | null = null;

async function readCatalogue(folder: string): Promise<Catalogue> {
  // Gauze's own packaged file, read from the extension itself: nothing leaves the machine.
  const response = await fetch(browser.runtime.getURL(`/_locales/${folder}/messages.json` as '/')); // allowed-url: the extension's own file
  return (await response.json()) as Catalogue;
}

/**
 * Loads the catalogue of the language in use: the person's choice in Settings, or the browser's
 * language (or its nearest Gauze language), else English. Pages await it before they render; the
 * background before it writes a notification or answers a protected page.
 */
export function loadLanguage(): Promise<Language> {
  loading ??= (async () => {
    const stored = (await browser.storage.local.get([LANGUAGE_KEY, TIME_ZONE_KEY]).catch(() => ({}))) as { [LANGUAGE_KEY]?: LanguageChoice; [TIME_ZONE_KEY]?: string };
    chooseTimeZone(stored[TIME_ZONE_KEY] ?? null);
    const language = resolveLanguage(stored[LANGUAGE_KEY], browser.i18n.getUILanguage());
    const [catalogue, fallback] = await Promise.all([readCatalogue(language.folder), language === english ? null : readCatalogue(english.folder).catch(() => ({}))]);
    loaded = { language, translate: createTranslator<MessageKey>(catalogue, fallback ?? catalogue, language.tag) };
    return language;
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

/** loadLanguage for code that must go on whatever happens (English if the catalogue cannot be read). */
export function languageReady(): Promise<Language> {
  return loadLanguage().catch(() => english);
}

/** The person's choice: "auto" (the browser's language) or a catalogue folder. */
export async function languageChoice(): Promise<LanguageChoice> {
  const stored = (await browser.storage.local.get(LANGUAGE_KEY)) as { [LANGUAGE_KEY]?: LanguageChoice };
  return stored[LANGUAGE_KEY] ?? 'auto';
}

export async function setLanguageChoice(choice: LanguageChoice): Promise<void> {
  if (choice === 'auto') await browser.storage.local.remove(LANGUAGE_KEY);
  else await browser.storage.local.set({ [LANGUAGE_KEY]: choice });
}

/** Calls `listener` when the person chooses another language or time zone (in any of Gauze's pages). */
export function onLanguageChoiceChanged(listener: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(LANGUAGE_KEY in changes || TIME_ZONE_KEY in changes)) return;
    loading = null;
    if (TIME_ZONE_KEY in changes) chooseTimeZone((changes[TIME_ZONE_KEY]?.newValue as string | undefined) ?? null);
    listener();
  });
}

/** The person's time zone choice: null follows the browser. */
export async function timeZoneChoice(): Promise<string | null> {
  const stored = (await browser.storage.local.get(TIME_ZONE_KEY)) as { [TIME_ZONE_KEY]?: string };
  return stored[TIME_ZONE_KEY] ?? null;
}

export async function setTimeZoneChoice(zone: string | null): Promise<void> {
  if (zone === null) await browser.storage.local.remove(TIME_ZONE_KEY);
  else await browser.storage.local.set({ [TIME_ZONE_KEY]: zone });
}

/** The language in use (English until loadLanguage has finished). */
export function currentLanguage(): Language {
  return loaded?.language ?? english;
}

/** The BCP 47 tag of the language in use, for Intl's dates, times and numbers. */
export function uiLocale(): string {
  return currentLanguage().tag;
}

/**
 * A message in the language in use, its placeholders filled with `values` (numbers in the
 * language's digits, plural forms by its rules). Before the catalogue is loaded, the browser's own
 * i18n answers (plain messages only). Falls back to the key so a missing string shows in review.
 */
export function t(key: MessageKey, values?: MessageValue | readonly MessageValue[]): string {
  if (loaded) return loaded.translate(key, values);
  const list = values === undefined ? [] : Array.isArray(values) ? values : [values as MessageValue];
  return browser.i18n.getMessage(key as Parameters<typeof browser.i18n.getMessage>[0], list.map(String)) || key;
}

/** Sets the page's language and writing direction from the language in use. */
export function applyDocumentLocale(doc: Document = document): void {
  const language = currentLanguage();
  doc.documentElement.lang = language.tag;
  doc.documentElement.dir = language.dir;
}
