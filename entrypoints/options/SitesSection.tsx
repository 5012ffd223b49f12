import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../utils/browser/i18n';
import { sendMessage } from '../../utils/browser/send-message';
import { parseSiteInput, type SiteEntry } from '../../utils/core/sites/site-entry';
import { categoryLabels, siteSuggestions, type SuggestionCategory } from '../../utils/core/sites/suggestions';

const parseErrors: Record<'empty' | 'invalid' | 'unsupported-scheme', MessageKey> = {
  empty: 'sitesErrorEmpty',
  invalid: 'sitesErrorInvalid',
  'unsupported-scheme': 'sitesErrorScheme',
};

/** Flagged sites: add by address, pick from suggestions, remove. Nothing is flagged without consent. */
export function SitesSection({ welcome, unflag, onChange }: { welcome: boolean; unflag: string | null; onChange(): void }) {
  const [confirming, setConfirming] = useState(unflag);
  const [entries, setEntries] = useState<SiteEntry[] | null>(null);
  const [input, setInput] = useState('');
  const [subdomains, setSubdomains] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void sendMessage('sites/list', {}).then(({ entries }) => setEntries(entries), (failure: unknown) => setError(String(failure)));
  }, []);

  const update = (work: Promise<{ entries: SiteEntry[] }>) =>
    work.then(
      ({ entries }) => {
        setEntries(entries);
        setError(null);
        onChange();
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );

  const add = (event: Event) => {
    event.preventDefault();
    const parsed = parseSiteInput(input);
    if (!parsed.ok) {
      setError(t(parseErrors[parsed.error]));
      return;
    }
    void update(sendMessage('sites/flag', { input, subdomains })).then(() => setInput(''));
  };

  const flagged = new Set(entries?.map((entry) => entry.host));
  const categories = Object.keys(categoryLabels) as SuggestionCategory[];

  return (
    <section class="card stack" aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('sitesHeading')}</h2>
      {welcome && <p class="welcome">{t('sitesWelcome')}</p>}
      {confirming && entries?.some((entry) => entry.host === confirming && entry.source === 'user') && (
        <div class="card stack confirm" role="alertdialog" aria-labelledby="unflag-question">
          <p id="unflag-question">{t('sitesUnflagConfirm', confirming)}</p>
          <div class="row">
            <button type="button" onClick={() => void update(sendMessage('sites/unflag', { hosts: [confirming] })).then(() => setConfirming(null))}>
              {t('sitesRemoveLabel', confirming)}
            </button>
            <button type="button" class="primary" autoFocus onClick={() => setConfirming(null)}>
              {t('sitesKeepFlagged')}
            </button>
          </div>
        </div>
      )}
      <p>{t('sitesExplain')}</p>
      <p class="muted">{t('sitesPrivacy')}</p>

      <form class="row" onSubmit={add}>
        <label for="site-input">{t('sitesAddLabel')}</label>
        <input
          id="site-input"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder={t('sitesAddPlaceholder')}
          value={input}
          onInput={(event) => setInput((event.target as HTMLInputElement).value)}
          aria-describedby={error ? 'site-error' : undefined}
          aria-invalid={error ? true : undefined}
        />
        <label class="row checkbox">
          <input type="checkbox" checked={subdomains} onChange={(event) => setSubdomains((event.target as HTMLInputElement).checked)} />
          {t('sitesIncludeSubdomains')}
        </label>
        <button type="submit" class="primary">
          {t('sitesAdd')}
        </button>
      </form>
      {error && (
        <p id="site-error" role="alert" class="error">
          {error}
        </p>
      )}

      {entries && entries.length === 0 && <p class="muted">{t('sitesNone')}</p>}
      {entries && entries.length > 0 && (
        <ul class="site-list" aria-label={t('sitesListLabel')}>
          {entries.map((entry) => (
            <li key={entry.host} class="row">
              <span class="host" id={`site-${entry.host}`}>{entry.subdomains ? t('sitesHostWithSubdomains', entry.host) : entry.host}</span>
              {entry.source === 'team' ? (
                <span class="muted">{t('sitesFromTeam')}</span>
              ) : (
                // Named by its own words (as a person sees it), described by the site beside it.
                <button type="button" data-host={entry.host} onClick={() => void update(sendMessage('sites/unflag', { hosts: [entry.host] }))} aria-describedby={`site-${entry.host}`}>
                  {t('sitesRemove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}

      <h3>{t('sitesSuggestionsHeading')}</h3>
      <p class="muted">{t('sitesSuggestionsExplain')}</p>
      {categories.map((category) => (
        <div key={category} class="stack suggestions" role="group" aria-label={t(categoryLabels[category])}>
          <h4>{t(categoryLabels[category])}</h4>
          <div class="row">
            {siteSuggestions
              .filter((suggestion) => suggestion.category === category)
              .map((suggestion) => {
                const done = suggestion.hosts.every((host) => flagged.has(host));
                return (
                  <button
                    key={suggestion.id}
                    type="button"
                    aria-pressed={done}
                    disabled={done || entries === null}
                    title={suggestion.hosts.join(', ')}
                    onClick={() => void update(sendMessage('sites/flag', { suggestion: suggestion.id }))}
                  >
                    {done ? t('sitesSuggestionFlagged', suggestion.name) : t('sitesSuggestionFlag', suggestion.name)}
                  </button>
                );
              })}
          </div>
        </div>
      ))}
    </section>
  );
}
