import coverCss from '../../public/shield/cover.css?raw';
import { mountPage } from '../../components/mount';
import { browserShieldOptions } from '../../utils/shield/browser-options';
import { startPageShield } from '../../utils/shield/page-shield';
import { App } from './App';

// The demo case file is protected exactly as a flagged site is: the same stylesheet, in force
// before its pictures are added, and the same page shield on top.
const cover = document.createElement('style');
cover.textContent = coverCss;
document.head.append(cover);
const shield = startPageShield(document, browserShieldOptions({ notes: { lookup: async () => [], put: async () => {} }, onRevealEnded: () => {}, onPlayingChanged: () => {} }));
shield.notesWanted = false;
mountPage(App, 'demoTitle');
