import { toUnicode } from 'punycode/punycode.es6.js';
import { z } from 'zod';

/**
 * A flagged site: a host name (or IP address), optionally with its subdomains. Only the host is
 * stored — never a page address — so the list says which sites are sensitive, not what was seen.
 */
const hostPattern = /^(?:(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?|\[[0-9a-f:.]+\])$/;

export const hostSchema = z
  .string()
  .max(253)
  .regex(hostPattern, { message: 'expected a host name such as "example.org" (letters, digits, dots and hyphens)' });

export const siteEntrySchema = z
  .object({
    host: hostSchema,
    subdomains: z.boolean(),
    /** Who flagged it: the person, or their team's policy (which the person cannot remove). */
    source: z.enum(['user', 'team']),
    /** A team site the person had also flagged themselves: theirs again when the team drops it. */
    userFlagged: z.literal(true).optional(),
    /** The suggestion it was added from, if any (utils/core/sites/suggestions.ts). */
    suggestion: z.string().max(40).optional(),
    addedAt: z.number().int().nonnegative(),
  })
  .strict();

export type SiteEntry = z.infer<typeof siteEntrySchema>;

export type ParsedSite = { ok: true; host: string; subdomains: boolean } | { ok: false; error: 'empty' | 'invalid' | 'unsupported-scheme' };

/**
 * Reads what a person typed or pasted (a full page address with its scheme, "*.example.org", "10.0.0.5:8080",
 * "web.telegram.org") into a host. A leading "*." or "www." means the whole site, subdomains too.
 */
export function parseSiteInput(input: string): ParsedSite {
  let text = input.trim().toLowerCase();
  if (!text) return { ok: false, error: 'empty' };
  let subdomains = true;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//.exec(text);
  if (scheme) {
    if (scheme[1] !== 'http' && scheme[1] !== 'https') return { ok: false, error: 'unsupported-scheme' };
    text = text.slice(scheme[0].length);
  }
  text = text.replace(/[/?#].*$/, '').replace(/^[^@]*@/, '');
  if (text.startsWith('*.')) text = text.slice(2);
  else if (text.startsWith('www.')) text = text.slice(4);
  // Drop a port (match patterns cover every port of a host), but keep IPv6 brackets.
  text = text.startsWith('[') ? text.replace(/^(\[[^\]]*\]).*$/, '$1') : text.replace(/:\d*$/, '');
  text = text.replace(/\.$/, '');
  // A name in another script (файлы.рф, 例え.jp) is kept in its ASCII form, as the browser uses it.
  if (/[^\x00-\x7f]/.test(text)) {
    const ascii = asciiHost(text);
    if (ascii === null) return { ok: false, error: 'invalid' };
    text = ascii;
  }
  if (!hostSchema.safeParse(text).success) return { ok: false, error: 'invalid' };
  if (isIpAddress(text)) subdomains = false;
  return { ok: true, host: text, subdomains };
}

/** The ASCII (punycode) form of a host name written in any script, as a browser's address bar makes it. */
function asciiHost(text: string): string | null {
  try {
    return new URL(`http://${text}/`).hostname;
  } catch {
    return null;
  }
}

/** A stored host as a person reads it: xn-- labels in their own script. */
export function displayHost(host: string): string {
  if (!host.includes('xn--')) return host;
  try {
    return toUnicode(host);
  } catch {
    return host;
  }
}

function isIpAddress(host: string): boolean {
  return host.startsWith('[') || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host);
}

/** The browser match patterns that cover a flagged site, in every frame and on every port. */
export function matchPatternsFor(entry: Pick<SiteEntry, 'host' | 'subdomains'>): string[] {
  const patterns = [`*://${entry.host}/*`];
  if (entry.subdomains && !isIpAddress(entry.host)) patterns.push(`*://*.${entry.host}/*`);
  return patterns;
}

/**
 * The sites a set of match patterns protects (the inverse of matchPatternsFor): how the flagged
 * list is recovered from the browser's registration if the database is lost.
 */
export function entriesFromPatterns(patterns: readonly string[], at: number): SiteEntry[] {
  const hosts = new Map<string, boolean>();
  for (const pattern of patterns) {
    const match = /^\*:\/\/(\*\.)?([^/*]+)\/\*$/.exec(pattern);
    if (!match) continue;
    const host = match[2]!.toLowerCase();
    hosts.set(host, (hosts.get(host) ?? false) || !!match[1]);
  }
  return [...hosts].map(([host, subdomains]) => ({ host, subdomains, source: 'user' as const, addedAt: at }));
}

/** The entry that covers `hostname`, preferring the most specific host. */
export function findEntryFor(entries: readonly SiteEntry[], hostname: string): SiteEntry | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return entries
    .filter((entry) => entry.host === host || (entry.subdomains && host.endsWith(`.${entry.host}`)))
    .sort((a, b) => b.host.length - a.host.length)[0];
}

/** The host of an http(s) address; null for anything else (extension pages, about:, file:). */
export function webHostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : null;
  } catch {
    return null;
  }
}
