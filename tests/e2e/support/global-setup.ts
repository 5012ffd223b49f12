import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { extensionDirs } from '../../../scripts/lib/launch.ts';

/** The e2e suite tests the built extension: refuse to run against a missing build. */
export default function setup(): void {
  for (const [browser, dir] of Object.entries(extensionDirs)) {
    const manifest = join(dir, 'manifest.json');
    if (!existsSync(manifest) || !statSync(manifest).isFile()) {
      throw new Error(`No ${browser} build at ${dir}. Run \`npm run build:all\` first (\`npm test\` does it for you).`);
    }
  }
}
