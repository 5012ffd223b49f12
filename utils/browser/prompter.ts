import { browser } from './api';
import { languageReady, t } from './i18n';
import { notify } from './notify';
import type { BreakPrompter } from './ports';
import { broadcast } from './registration';

export const BREAK_NOTIFICATION = 'gauze-break';

/** Break warnings and prompts through browser notifications, the shield and the break page. */
export const browserPrompter: BreakPrompter = {
  async warn(kind, inSeconds) {
    await languageReady();
    await notify(BREAK_NOTIFICATION, t(kind === 'pause' ? 'breakWarnPauseTitle' : 'breakWarnBreakTitle'), t('breakWarnMessage', Math.max(1, Math.round(inSeconds / 60))));
  },
  async prompt(kind, minutes) {
    await languageReady();
    await broadcast({ type: 'shield/recover-all' });
    await browser.tabs.create({ url: `${browser.runtime.getURL('/break.html')}#${kind}` });
    await notify(BREAK_NOTIFICATION, t(kind === 'pause' ? 'breakDuePauseTitle' : 'breakDueBreakTitle'), t('breakDueMessage', Math.round(minutes)));
  },
};
