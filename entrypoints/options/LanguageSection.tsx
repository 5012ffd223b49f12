import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../utils/browser';
import { languageChoice, setLanguageChoice, t } from '../../utils/i18n';
import { languages, resolveLanguage, type LanguageChoice } from '../../utils/i18n/languages';

/**
 * Gauze's language: the browser's by default, or any language Gauze speaks. Many people run an
 * English browser but want the care texts (breaks, bedtime) in their own language. Saved as
 * chosen; every open Gauze page and protected tab switches at once.
 */
export function LanguageSection() {
  const [choice, setChoice] = useState<LanguageChoice | null>(null);
  useEffect(() => {
    void languageChoice().then(setChoice, () => setChoice('auto'));
  }, []);
  const browserLanguage = resolveLanguage('auto', browser.i18n.getUILanguage());
  return (
    <section class="card stack" aria-labelledby="language-heading" id="language">
      <h2 id="language-heading">{t('languageHeading')}</h2>
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
    </section>
  );
}
