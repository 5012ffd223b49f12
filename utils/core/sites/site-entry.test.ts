import { describe, expect, it } from 'vitest';
import { displayHost, findEntryFor, matchPatternsFor, parseSiteInput, siteEntrySchema, type SiteEntry } from './site-entry';
import { siteSuggestions } from './suggestions';

describe('displayHost', () => {
  it('shows a stored ASCII name in its own script, and leaves others as they are', () => {
    expect(displayHost('xn--80asg7a0b.xn--p1ai')).toBe('файлы.рф');
    expect(displayHost('xn--r8jz45g.jp')).toBe('例え.jp');
    expect(displayHost('x.com')).toBe('x.com');
  });
});

describe('parseSiteInput', () => {
  it.each([
    ['x.com', 'x.com', true],
    ['  https://www.X.com/home?lang=en ', 'x.com', true],
    ['*.example.org', 'example.org', true],
    ['web.telegram.org', 'web.telegram.org', true],
    ['http://cases.firm.local:8080/case/12', 'cases.firm.local', true],
    ['10.0.0.5:8080', '10.0.0.5', false],
    ['[::1]:3000', '[::1]', false],
    ['localhost', 'localhost', true],
    ['user@evidence.example.', 'evidence.example', true],
    ['файлы.рф', 'xn--80asg7a0b.xn--p1ai', true],
    ['https://例え.jp/ページ', 'xn--r8jz45g.jp', true],
    ['ÄRZTE.de', 'xn--rzte-koa.de', true],
  ])('reads %j as %s', (input, host, subdomains) => {
    expect(parseSiteInput(input)).toEqual({ ok: true, host, subdomains });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['ftp://files.example.org', 'unsupported-scheme'],
    ['file:///home/me/case.html', 'unsupported-scheme'],
    ['not a site', 'invalid'],
    ['exa_mple.org', 'invalid'],
    ['-bad.example', 'invalid'],
    ['файлы рф', 'invalid'],
  ])('refuses %j (%s)', (input, error) => {
    expect(parseSiteInput(input)).toEqual({ ok: false, error });
  });
});

describe('matchPatternsFor', () => {
  it('covers the host and, when asked, its subdomains', () => {
    expect(matchPatternsFor({ host: 'x.com', subdomains: true })).toEqual(['*://x.com/*', '*://*.x.com/*']);
    expect(matchPatternsFor({ host: 'web.telegram.org', subdomains: false })).toEqual(['*://web.telegram.org/*']);
    expect(matchPatternsFor({ host: '10.0.0.5', subdomains: true })).toEqual(['*://10.0.0.5/*']);
  });
});

describe('findEntryFor', () => {
  const entry = (host: string, subdomains = true): SiteEntry => ({ host, subdomains, source: 'user', addedAt: 0 });
  const entries = [entry('example.org'), entry('media.example.org', false), entry('other.net', false)];

  it('finds the most specific entry covering a host', () => {
    expect(findEntryFor(entries, 'media.example.org')?.host).toBe('media.example.org');
    expect(findEntryFor(entries, 'cdn.media.example.org')?.host).toBe('example.org');
    expect(findEntryFor(entries, 'EXAMPLE.org.')?.host).toBe('example.org');
  });

  it('does not match look-alike hosts or subdomains that were not asked for', () => {
    expect(findEntryFor(entries, 'badexample.org')).toBeUndefined();
    expect(findEntryFor(entries, 'www.other.net')).toBeUndefined();
  });
});

describe('site suggestions', () => {
  it('are valid hosts with unique ids and hosts', () => {
    const hosts = siteSuggestions.flatMap((s) => s.hosts);
    expect(new Set(hosts).size).toBe(hosts.length);
    expect(new Set(siteSuggestions.map((s) => s.id)).size).toBe(siteSuggestions.length);
    for (const host of hosts) {
      expect(siteEntrySchema.safeParse({ host, subdomains: true, source: 'user', addedAt: 0 }).success, host).toBe(true);
    }
  });

  it('cover each category', () => {
    expect(new Set(siteSuggestions.map((s) => s.category))).toEqual(new Set(['social', 'video', 'messaging', 'evidence']));
  });
});
