// `npm start`: builds Gauze and opens a browser with it loaded and the demo case file showing.
// Chromium (or Chrome/Edge) by default; `npm start -- --firefox` for Firefox. Where there is no
// display it says where the build is and how to load it by hand.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { extensionDirs, launchChromium, launchFirefox, root } from './lib/launch.ts';

const firefox = process.argv.includes('--firefox');
const target = firefox ? 'firefox' : 'chromium';

execFileSync(process.execPath, [join(root, 'node_modules/wxt/bin/wxt.mjs'), 'build', ...(firefox ? ['-b', 'firefox', '--mv3'] : [])], {
  cwd: root,
  stdio: 'inherit',
});

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (!hasDisplay) {
  console.log(`
Gauze is built, but this machine has no display to open a browser on.
The extension is in ${extensionDirs[target]}. To use it:
  Chrome or Edge: open chrome://extensions (edge://extensions), turn on Developer mode,
                  choose "Load unpacked" and select ${extensionDirs.chromium}
  Firefox:        run \`npm run build:firefox\`, open about:debugging#/runtime/this-firefox,
                  choose "Load Temporary Add-on" and select ${join(extensionDirs.firefox, 'manifest.json')}
Then open the demo case file from Gauze's toolbar button.`);
  process.exit(0);
}

try {
  const gauze = firefox
    ? await launchFirefox({ headless: false })
    : // A profile of its own inside the project keeps what the person sets between runs.
      await launchChromium({ headless: false, userDataDir: join(root, '.gauze-profile', 'chromium') });
  await gauze.openPage('demo.html');
  console.log(`Gauze is running in ${target}. Close the browser window to stop.`);
  gauze.browser.on('disconnected', () => process.exit(0));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
