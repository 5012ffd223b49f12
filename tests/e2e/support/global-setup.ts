import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { extensionDirs } from '../../../scripts/lib/launch.ts';

/** The e2e suite tests the built extension: refuse to run against a missing build. */
export default function setup(): () => void {
  // A managed policy left by an interrupted run of tests/e2e/policy.e2e.ts would change every
  // other test's browser: remove it before and after the suite.
  const stalePolicy = () => {
    try {
      rmSync('/etc/chromium/policies/managed/gauze-e2e.json', { force: true });
    } catch {
      // not writable here: the policy tests skip themselves, so there is nothing to remove
    }
  };
  stalePolicy();
  for (const [browser, dir] of Object.entries(extensionDirs)) {
    const manifest = join(dir, 'manifest.json');
    if (!existsSync(manifest) || !statSync(manifest).isFile()) {
      throw new Error(`No ${browser} build at ${dir}. Run \`npm run build:all\` first (\`npm test\` does it for you).`);
    }
  }
  return stalePolicy;
}
