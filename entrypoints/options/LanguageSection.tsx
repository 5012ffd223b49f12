import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../utils/browser/api';
import { browserSaysUtc, browserTimeZone } from '../../utils/core/exposure/days';
import { languageChoice, setLanguageChoice, setTimeZoneChoice, t, timeZoneChoice } from '../../utils/browser/i18n';
import { languages, resolveLanguage, type LanguageChoice } from '../../utils/core/i18n/languages';

/** Every time zone the browser knows, by name. */
const zones = (): string[] => (Intl as unknown as { supportedValuesOf?(key: string): string[] }).supportedValuesOf?.('timeZone') ?? [];

/**
 * Gauze's language: the browser's by default, or any language Gauze speaks (many people run an
 * English browser but want the care texts in their own language). And the time zone Gauze counts
 * days, bedtime and late nights in: the browser's by default, or one the person chooses, which
 * matters in browsers that report UTC on purpose. Both are saved as chosen; every open Gauze page
 * and protected tab follows at once.
 */
export function LanguageSection() {
  const [choice, setChoice] = useState<LanguageChoice | null>(null);
  const [zone, setZone] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    void languageChoice().then(setChoice, () => setChoice('auto'));
    void timeZoneChoice().then(setZone, () => setZone(null));
  }, []);
  const browserLanguage = resolveLanguage('auto', browser.i18n.getUILanguage());
  return (
    <section class="card stack" aria-labelledby="language-heading" id="language">
      <h2 id="language-heading" tabIndex={-1}>{t('languageHeading')}</h2>
      <label class="stack">
        <span>{t('languageLabel')}</span>
        <select
          name="language"
          value={choice ?? 'auto'}
          disabled={choice === null}
          onChange={(event) => {
            const next = (event.currentTarget as HTMLSelectElement).value;
            setChoice(next);
            void setLanguageChoice(next);
          }}
        >
          <option value="auto">{t('languageBrowser', browserLanguage.name)}</option>
          {languages.map((language) => (
            <option key={language.folder} value={language.folder} lang={language.tag} dir={language.dir}>
              {language.name}
            </option>
          ))}
        </select>
      </label>
      <p class="muted">{t('languageExplain')}</p>
      <label class="stack">
        <span>{t('timeZoneLabel')}</span>
        <select
          name="timeZone"
          value={zone ?? ''}
          disabled={zone === undefined}
          onChange={(event) => {
            const next = (event.currentTarget as HTMLSelectElement).value || null;
            setZone(next);
            void setTimeZoneChoice(next);
          }}
        >
          <option value="">{t('timeZoneBrowser', browserTimeZone())}</option>
          {zones().map((name) => (
            <option key={name} value={name}>
              {name.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
      </label>
      {/* Hardened browsers (Tor Browser, Firefox with resistFingerprinting) report UTC on purpose. */}
      {browserSaysUtc() && zone === null && (
        <p role="note" data-testid="time-zone-utc">
          {t('timeZoneUtc')}
        </p>
      )}
    </section>
  );
}
