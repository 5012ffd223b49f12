import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { CHROMIUM_PUBLIC_KEY, GECKO_ID } from './utils/core/extension-ids';
import { coverCss } from './utils/core/shield/cover-style';

// Fixed extension ids: administrators target them in enterprise policies and the e2e suite opens
// extension pages by them. See docs/admin.md and utils/core/extension-ids.ts.
export default defineConfig({
  // Explicit imports everywhere, so grep, mocks and new readers find things.
  imports: false,
  // `npm run bench:profile` builds unminified, so a CPU profile names Gauze's functions.
  vite: () => ({ plugins: [preact()], build: { minify: process.env.GAUZE_UNMINIFIED !== '1' } }),
  hooks: {
    // One Spanish catalogue, written for Latin America (es_419) and understood everywhere: the
    // browser looks for es-ES, es-MX, … under "es", so the same file is shipped there too.
    'build:publicAssets': (_wxt, files) => {
      const spanish = files.find((file) => file.relativeDest.replace(/\\/g, '/') === '_locales/es_419/messages.json');
      if (spanish) files.push({ ...spanish, relativeDest: '_locales/es/messages.json' });
      // The cover stylesheet registered for flagged sites, made from the one set of values the
      // shield script and its shadow-root copy use too (utils/core/shield/cover-style.ts).
      files.push({ relativeDest: 'shield/cover.css', contents: coverCss() });
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: 'Gauze',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Each permission is justified in docs/permissions.md; the convention test in
    // tests/unit/manifest.test.ts fails when one is added without a justification.
    permissions: ['scripting', 'contextMenus', 'idle', 'alarms', 'notifications', 'storage'],
    host_permissions: ['<all_urls>'],
    commands: {
      'cover-everything': {
        suggested_key: { default: 'Alt+Shift+G' },
        description: '__MSG_commandCoverEverything__',
      },
      // No key of its own (a person sets one in the browser's shortcut settings): it opens the
      // question, which is answered once, so no key press alone erases anything.
      'erase-everything': {
        description: '__MSG_commandEraseEverything__',
      },
    },
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              // Gauze collects nothing: declared so Firefox shows it at install.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {
          key: CHROMIUM_PUBLIC_KEY,
          // Chrome and Edge validate enterprise policy for Gauze against this (generated: npm run policy:schema).
          storage: { managed_schema: 'managed_schema.json' },
        }),
    content_security_policy: {
      // No remote code, no eval, no connections: extension pages may load only their own files
      // (docs/permissions.md). default-src covers every kind of resource not named here.
      extension_pages: "default-src 'self'; script-src 'self'; object-src 'none'; connect-src 'self'; img-src 'self' blob:; media-src 'self' blob:; base-uri 'none'; form-action 'none'",
    },
  }),
});
