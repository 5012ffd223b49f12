import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';
import { CHROMIUM_PUBLIC_KEY, GECKO_ID } from '../../utils/core/extension-ids';

const root = join(import.meta.dirname, '..', '..');
const permissionsDoc = readFileSync(join(root, 'docs/permissions.md'), 'utf8');

type Manifest = {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  key?: string;
  content_security_policy?: { extension_pages?: string };
  browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: { required?: string[] } } };
};

function manifestFor(browser: 'chrome' | 'firefox'): Manifest {
  const manifest = config.manifest;
  if (typeof manifest !== 'function') throw new Error('wxt.config.ts manifest is expected to be a function of the target');
  return manifest({ browser, manifestVersion: 3, mode: 'production', command: 'build' }) as Manifest;
}

describe.each(['chrome', 'firefox'] as const)('the %s manifest', (browser) => {
  const manifest = manifestFor(browser);

  it('justifies every permission it asks for in docs/permissions.md', () => {
    const asked = [
      ...(manifest.permissions ?? []),
      ...(manifest.optional_permissions ?? []),
      ...(manifest.host_permissions ?? []),
      ...(manifest.optional_host_permissions ?? []),
    ];
    const undocumented = asked.filter((permission) => !permissionsDoc.includes(`### \`${permission}\``));
    expect(undocumented).toEqual([]);
  });

  it('allows no remote code and no network connections from its pages', () => {
    const csp = manifest.content_security_policy?.extension_pages ?? '';
    expect(csp).toMatch(/script-src 'self';/);
    expect(csp).toMatch(/connect-src 'self'/);
    // Every other kind of resource: only Gauze's own files (an http picture is refused).
    expect(csp).toMatch(/(^|; )default-src 'self'(;|$)/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).not.toMatch(/https?:|unsafe-eval|\*/);
  });

  it('has a fixed id', () => {
    if (browser === 'chrome') expect(manifest.key).toBe(CHROMIUM_PUBLIC_KEY);
    else {
      expect(manifest.browser_specific_settings?.gecko?.id).toBe(GECKO_ID);
      expect(manifest.browser_specific_settings?.gecko?.data_collection_permissions?.required).toEqual(['none']);
    }
  });
});
