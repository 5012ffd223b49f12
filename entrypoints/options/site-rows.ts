import { displayHost, type SiteEntry } from '../../utils/core/sites/site-entry';
import { siteSuggestions, type SiteSuggestion } from '../../utils/core/sites/suggestions';

/** One row of the flagged-site list: a service with its hosts, or one site. */
export interface SiteRow {
  key: string;
  /** What the person reads: the service's name, or the site in its own script. */
  name: string;
  suggestion: SiteSuggestion | null;
  entries: SiteEntry[];
  /** Only the person's own sites can be unflagged here; a team's stay. */
  removable: boolean;
  /** Lower-case text a search matches: the name and every host, in both forms. */
  searchText: string;
}

/**
 * The list as a person thinks of it: the hosts flagged from one suggestion are one row under the
 * service's name (YouTube, not five host names), in the order first flagged; other sites one each.
 */
export function siteRows(entries: readonly SiteEntry[]): SiteRow[] {
  const rows: SiteRow[] = [];
  const bySuggestion = new Map<string, SiteRow>();
  for (const entry of entries) {
    const suggestion = entry.suggestion && entry.source === 'user' ? siteSuggestions.find((candidate) => candidate.id === entry.suggestion) ?? null : null;
    const existing = suggestion ? bySuggestion.get(suggestion.id) : undefined;
    if (existing) {
      existing.entries.push(entry);
      continue;
    }
    const row: SiteRow = { key: suggestion ? `service-${suggestion.id}` : `host-${entry.host}`, name: suggestion?.name ?? displayHost(entry.host), suggestion, entries: [entry], removable: entry.source === 'user', searchText: '' };
    if (suggestion) bySuggestion.set(suggestion.id, row);
    rows.push(row);
  }
  for (const row of rows) row.searchText = [row.name, ...row.entries.flatMap((entry) => [entry.host, displayHost(entry.host)])].join(' ').toLowerCase();
  return rows;
}
