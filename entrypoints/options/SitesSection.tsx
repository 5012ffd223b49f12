import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '../../components/error-text';
import { t, type MessageKey } from '../../utils/browser/i18n';
import { sendMessage } from '../../utils/browser/send-message';
import { displayHost, parseSiteInput, type SiteEntry } from '../../utils/core/sites/site-entry';
import { categoryLabels, siteSuggestions, type SuggestionCategory } from '../../utils/core/sites/suggestions';
import { siteRows, type SiteRow } from './site-rows';
import { focusOnMount } from '../../components/focus-on-mount';

const parseErrors: Record<'empty' | 'invalid' | 'unsupported-scheme', MessageKey> = {
  empty: 'sitesErrorEmpty',
  invalid: 'sitesErrorInvalid',
  'unsupported-scheme': 'sitesErrorScheme',
};

/** A search box is offered once the list is longer than this. */
const SEARCH_FROM = 6;

/** The row a person asked to unflag, with what Undo needs to flag it again exactly. */
interface Unflagging {
  row: SiteRow;
  /** Where the question is shown: beside the row, or at the top (asked from a page's menu). */
  at: 'row' | 'top';
}

/**
 * Flagged sites: add by address (any script), pick from suggestions, find in the list, unflag.
 * Nothing is flagged without consent, and unflagging, which exposes a site, is asked about first
 * and can be undone. A service's several hosts are one row under its name.
 */
export function SitesSection({ welcome, unflag, onChange }: { welcome: boolean; unflag: string | null; onChange(): void }) {
  const [entries, setEntries] = useState<SiteEntry[] | null>(null);
  const [input, setInput] = useState('');
  const [subdomains, setSubdomains] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [asking, setAsking] = useState<Unflagging | null>(null);
  const [undoable, setUndoable] = useState<SiteRow | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void sendMessage('sites/list', {}).then(
      ({ entries }) => {
        setEntries(entries);
        // From the page's context menu: "Unflag this site…" asks here, never in one click.
        const row = unflag ? siteRows(entries).find((candidate) => candidate.entries.some((entry) => entry.host === unflag)) : undefined;
        if (row?.removable) setAsking({ row, at: 'top' });
      },
      (failure: unknown) => setError(errorText(failure, 'errorNotRead')),
    );
  }, []);
  useEffect(() => {
    if (undoable) undoButton.current?.focus();
  }, [undoable]);


  const update = (work: Promise<{ entries: SiteEntry[] }>) =>
    work.then(
      ({ entries }) => {
        setEntries(entries);
        setError(null);
        onChange();
        return true;
      },
      (failure: unknown) => {
        setError(errorText(failure));
        return false;
      },
    );

  const add = (event: Event) => {
    event.preventDefault();
    const parsed = parseSiteInput(input);
    if (!parsed.ok) {
      setError(t(parseErrors[parsed.error]));
      return;
    }
    setUndoable(null);
    void update(sendMessage('sites/flag', { input, subdomains })).then((done) => done && setInput(''));
  };

  const unflagRow = async (row: SiteRow) => {
    if (await update(sendMessage('sites/unflag', { hosts: row.entries.map((entry) => entry.host) }))) {
      setAsking(null);
      setUndoable(row);
    }
  };
  const undo = async (row: SiteRow) => {
    const again = row.suggestion
      ? [sendMessage('sites/flag', { suggestion: row.suggestion.id })]
      : row.entries.map((entry) => sendMessage('sites/flag', { input: entry.host, subdomains: entry.subdomains }));
    const results = await Promise.all(again.map((work) => update(work)));
    if (results.every(Boolean)) setUndoable(null);
  };

  const rows = entries ? siteRows(entries) : [];
  const needle = query.trim().toLowerCase();
  const shown = needle ? rows.filter((row) => row.searchText.includes(needle)) : rows;
  const flagged = new Set(entries?.map((entry) => entry.host));
  const categories = Object.keys(categoryLabels) as SuggestionCategory[];

  const question = (row: SiteRow) => (
    <div class="card stack confirm" role="alertdialog" aria-labelledby="unflag-question">
      <p id="unflag-question">{t('sitesUnflagConfirm', row.name)}</p>
      <div class="row">
        <button type="button" onClick={() => void unflagRow(row)}>
          {t('sitesRemoveLabel', row.name)}
        </button>
        <button type="button" class="primary" ref={focusOnMount} onClick={() => setAsking(null)}>
          {t('sitesKeepFlagged')}
        </button>
      </div>
    </div>
  );

  return (
    <section class="card stack" id="sites" aria-labelledby="sites-heading">
      <h2 id="sites-heading" tabIndex={-1}>{t('sitesHeading')}</h2>
      {welcome && <p class="welcome">{t('sitesWelcome')}</p>}
      {asking?.at === 'top' && question(asking.row)}
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
      <div role="status" class="row undo-line">
        {undoable && (
          <>
            <span>{t('sitesUnflagged', undoable.name)}</span>
            <button type="button" ref={undoButton} onClick={() => void undo(undoable)}>
              {t('sitesUndo')}
            </button>
          </>
        )}
      </div>

      {entries && entries.length === 0 && <p class="muted">{t('sitesNone')}</p>}
      {rows.length > SEARCH_FROM && (
        <label class="row">
          <span>{t('sitesSearchLabel')}</span>
          <input type="search" name="site-search" value={query} onInput={(event) => setQuery(event.currentTarget.value)} />
        </label>
      )}
      {needle && shown.length === 0 && <p class="muted">{t('sitesSearchNone')}</p>}
      {shown.length > 0 && (
        <ul class="site-list" aria-label={t('sitesListLabel')}>
          {shown.map((row) => (
            <li key={row.key} class="stack site-row">
              <div class="row">
                <span class="host" id={`site-${row.key}`}>
                  <span class="site-name">{row.suggestion ? row.name : row.entries[0]!.subdomains ? t('sitesHostWithSubdomains', row.name) : row.name}</span>
                  {row.suggestion && <span class="muted site-hosts">{row.entries.map((entry) => displayHost(entry.host)).join(', ')}</span>}
                </span>
                {row.removable ? (
                  // Named by its own words (as a person sees it), described by the site beside it.
                  <button
                    type="button"
                    data-host={row.suggestion ? undefined : row.entries[0]!.host}
                    data-suggestion={row.suggestion?.id}
                    aria-describedby={`site-${row.key}`}
                    aria-expanded={asking?.row.key === row.key && asking.at === 'row'}
                    onClick={() => setAsking({ row, at: 'row' })}
                  >
                    {t('sitesRemove')}
                  </button>
                ) : (
                  <span class="muted">{t('sitesFromTeam')}</span>
                )}
              </div>
              {asking?.at === 'row' && asking.row.key === row.key && question(row)}
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
                    onClick={() => {
                      setUndoable(null);
                      void update(sendMessage('sites/flag', { suggestion: suggestion.id }));
                    }}
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
