import { browser } from 'wxt/browser';
import { useAsync } from '../../components/use-async';
import { t } from '../../utils/i18n';
import { sendMessage } from '../../utils/send-message';
import './popup.css';

export function App() {
  const status = useAsync(() => sendMessage('ping', { echo: 'popup' }));

  const openDemo = async () => {
    await browser.tabs.create({ url: browser.runtime.getURL('/demo.html') });
    window.close();
  };
  const openOptions = async () => {
    await browser.runtime.openOptionsPage();
    window.close();
  };

  return (
    <main class="popup stack">
      <h1>{t('popupTitle')}</h1>
      <p role="status" aria-live="polite" class={status.status === 'error' ? 'error' : undefined}>
        {status.status === 'loading' && t('popupStatusChecking')}
        {status.status === 'ready' && t('popupStatusReady')}
        {status.status === 'error' && t('popupStatusError')}
      </p>
      <div class="stack">
        <button type="button" class="primary" onClick={openDemo}>
          {t('openDemo')}
        </button>
        <button type="button" onClick={openOptions}>
          {t('openOptions')}
        </button>
      </div>
      {status.status === 'ready' && <p class="muted version">{t('versionLabel', status.value.version)}</p>}
    </main>
  );
}
