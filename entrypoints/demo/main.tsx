import { mountPage } from '../../components/mount';
import { currentLanguage, loadLanguage, t } from '../../utils/browser/i18n';
import { coverCss } from '../../utils/core/shield/cover-style';
import { demoEnvironment } from '../../utils/shield/demo-environment';
import { shieldTexts } from '../../utils/core/shield/shield-texts';
import { startShield } from '../../utils/shield/shield';
import { sendMessage } from '../../utils/browser/send-message';
import { App } from './App';

// The demo case file is protected exactly as a flagged site is: the same stylesheet, in force
// before its pictures are added, and the same page shield on top.
// (A constructed sheet: the pages' content security policy allows no inline <style>.)
const cover = new CSSStyleSheet();
cover.replaceSync(coverCss());
document.adoptedStyleSheets = [...document.adoptedStyleSheets, cover];
const shield = startShield({ doc: document, signal: new AbortController().signal, env: demoEnvironment() });
shield.setNotesWanted(true);
void Promise.all([loadLanguage().catch(() => undefined), sendMessage('shield/settings', {}).catch(() => null)]).then(([, answer]) => {
  shield.setTexts(shieldTexts(t, currentLanguage()));
  if (answer) shield.configure(answer.settings);
  shield.setLock(null);
});
mountPage(App, 'demoTitle');
