import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../utils/browser/api';
import { useAsync } from '../../components/use-async';
import { formatClock, formatDuration } from '../../utils/core/exposure/format';
import { t, uiLocale } from '../../utils/browser/i18n';
import { sendMessage } from '../../utils/browser/send-message';
import { displayHost, type SiteEntry } from '../../utils/core/sites/site-entry';
import { errorText } from '../../components/error-text';
import './popup.css';
import { focusOnMount } from '../../components/focus-on-mount';

interface ActiveTab {
  id: number;
  hostname: string;
}

/** The tab the popup was opened over, if it shows a web site that can be flagged. */
async function activeWebTab(): Promise<ActiveTab | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab?.id || !tab.url) return null;
  const url = new URL(tab.url);
  return url.protocol === 'http:' || url.protocol === 'https:' ? { id: tab.id, hostname: url.hostname } : null;
}

export function App() {
  const status = useAsync(() => sendMessage('ping', { echo: 'popup' }));
  const exposure = useAsync(() => sendMessage('exposure/today', {}));
  const nextBreak = useAsync(() => sendMessage('breaks/next', {}));
  const limits = useAsync(() => sendMessage('limits', {}));
  const lock = limits.status === 'ready' ? limits.value.lock : null;
  const shortcut = useAsync(async () => (await browser.commands.getAll()).find((c) => c.name === 'cover-everything')?.shortcut ?? '');
  const [vaultVersion, setVaultVersion] = useState(0);
  const vault = useAsync(() => sendMessage('vault/status', {}), [vaultVersion]);
  const [tab, setTab] = useState<ActiveTab | null>(null);
  const [entry, setEntry] = useState<SiteEntry | null | undefined>(undefined);
  const [confirmReveal, setConfirmReveal] = useState(false);
  const [confirmUnflag, setConfirmUnflag] = useState(false);
  const [confirmErase, setConfirmErase] = useState(false);
  /** What the last action said, next to the button that caused it. */
  const [siteNotice, setSiteNotice] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void activeWebTab().then(async (active) => {
      setTab(active);
      setEntry(active ? (await sendMessage('sites/match', { hostname: active.hostname })).entry : null);
    }, () => setEntry(null));
  }, []);

  const run = (work: () => Promise<void>) => () => {
    setError(null);
    work().catch((failure: unknown) => setError(errorText(failure)));
  };

  const flag = run(async () => {
    if (!tab) return;
    await sendMessage('sites/flag', { input: tab.hostname });
    setEntry((await sendMessage('sites/match', { hostname: tab.hostname })).entry);
    setSiteNotice(t('popupFlagged'));
  });
  const unflag = run(async () => {
    if (!tab || !entry) return;
    await sendMessage('sites/unflag', { hosts: [entry.host] });
    // Covered media stays covered until the page is loaded again without Gauze.
    await browser.tabs.reload(tab.id);
    window.close();
  });
  const revealAll = run(async () => {
    if (!tab) return;
    await sendMessage('shield/reveal-all', { tabId: tab.id });
    window.close();
  });
  const panic = run(async () => {
    await sendMessage('shield/panic', {});
    setNotice(t('popupPanicDone'));
  });
  const takeBreak = run(async () => {
    await sendMessage('shield/panic', {});
    await browser.tabs.create({ url: browser.runtime.getURL('/break.html') });
    window.close();
  });
  const erase = run(async () => {
    await sendMessage('data/erase', { confirm: 'erase everything' });
    setConfirmErase(false);
    // Encryption went with everything else: the popup stops offering to lock.
    setVaultVersion((n) => n + 1);
    setEntry(tab ? (await sendMessage('sites/match', { hostname: tab.hostname })).entry : null);
    setNotice(t('dataErased'));
  });
  const openPage = (path: '/demo.html' | '/options.html' | '/dashboard.html', hash = '') => async () => {
    await browser.tabs.create({ url: `${browser.runtime.getURL(path)}${hash}` });
    window.close();
  };
  const lockNow = run(async () => {
    await sendMessage('vault/lock', {});
    setVaultVersion((n) => n + 1);
  });

  return (
    <main class="popup stack">
      <h1>{t('popupTitle')}</h1>
      <p role="status" aria-live="polite" class={status.status === 'error' || (status.status === 'ready' && !status.value.records) ? 'error' : 'muted'}>
        {status.status === 'loading' && t('popupStatusChecking')}
        {status.status === 'ready' && (status.value.records ? t('popupStatusReady') : t('popupStatusRecords'))}
        {status.status === 'error' && t('popupStatusError')}
      </p>

      {vault.status === 'ready' && vault.value.enabled && (
        <div class="row vault" data-testid="vault-state">
          <span>{vault.value.unlocked ? t('vaultPopupOpen') : t('vaultPopupLocked')}</span>
          {vault.value.unlocked ? (
            <button type="button" onClick={lockNow}>
              {t('vaultLockNow')}
            </button>
          ) : (
            <button type="button" onClick={openPage('/options.html', '#unlock')}>
              {t('vaultUnlockEllipsis')}
            </button>
          )}
        </div>
      )}
      {vault.status === 'ready' && vault.value.required && !vault.value.enabled && (
        <div class="stack" data-testid="vault-required">
          <p class="error">{t('vaultPopupRequired')}</p>
          <button type="button" onClick={openPage('/options.html', '#privacy')}>
            {t('vaultSetUp')}
          </button>
        </div>
      )}

      {exposure.status === 'ready' && (
        <p class="exposure" data-testid="exposure-today">
          {t('popupExposureToday', formatDuration(exposure.value.seconds, uiLocale()))}
        </p>
      )}
      {nextBreak.status === 'ready' && nextBreak.value && (
        <p class="muted" data-testid="next-break">
          {nextBreak.value.inSeconds === 0
            ? t('popupBreakDue')
            : t('popupNextBreak', formatDuration(Math.max(60, nextBreak.value.inSeconds), uiLocale()))}
        </p>
      )}

      {lock && (
        <p class="notice" data-testid="lock">
          {t('popupLocked', formatClock(lock.until, uiLocale()))}
        </p>
      )}

      <section class="card stack" aria-labelledby="site-heading">
        <h2 id="site-heading" class="site">
          {tab ? displayHost(tab.hostname) : t('popupNoSite')}
        </h2>
        {tab && entry === null && (
          <>
            <p>{t('popupSiteNotFlagged')}</p>
            <button type="button" class="primary" onClick={flag}>
              {t('popupFlagSite')}
            </button>
          </>
        )}
        {tab && entry && (
          <>
            <p data-testid="site-state">{entry.source === 'team' ? t('popupSiteFlaggedByTeam') : t('popupSiteFlagged')}</p>
            {lock ? null : !confirmReveal ? (
              <button type="button" onClick={() => setConfirmReveal(true)}>
                {t('popupRevealAll')}
              </button>
            ) : (
              <div class="stack confirm" role="group" aria-label={t('popupRevealAll')}>
                <p>{t('popupRevealAllConfirm')}</p>
                <div class="row">
                  <button type="button" onClick={revealAll}>
                    {t('popupRevealAllYes')}
                  </button>
                  <button type="button" ref={focusOnMount} onClick={() => setConfirmReveal(false)}>
                    {t('cancel')}
                  </button>
                </div>
              </div>
            )}
            {entry.source === 'user' && !confirmUnflag && (
              <button type="button" onClick={() => setConfirmUnflag(true)}>
                {t('popupUnflagSite', displayHost(entry.host))}
              </button>
            )}
            {entry.source === 'user' && confirmUnflag && (
              // Unflagging exposes the site: asked first, as in Settings.
              <div class="stack confirm" role="group" aria-label={t('popupUnflagSite', displayHost(entry.host))}>
                <p>{t('sitesUnflagConfirm', displayHost(entry.host))}</p>
                <div class="row">
                  <button type="button" onClick={unflag}>
                    {t('sitesRemoveLabel', displayHost(entry.host))}
                  </button>
                  <button type="button" class="primary" ref={focusOnMount} onClick={() => setConfirmUnflag(false)}>
                    {t('sitesKeepFlagged')}
                  </button>
                </div>
              </div>
            )}
          </>
        )}
        {siteNotice && (
          <p role="status" class="notice" data-testid="site-notice">
            {siteNotice}
          </p>
        )}
      </section>

      <button type="button" class="primary" onClick={panic}>
        {t('popupPanic')}
      </button>
      {shortcut.status === 'ready' && shortcut.value && <p class="muted hint">{t('popupPanicShortcut', shortcut.value)}</p>}
      <button type="button" onClick={takeBreak}>
        {t('popupBreakNow')}
      </button>
      {notice && (
        <p role="status" class="notice">
          {notice}
        </p>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}

      <div class="row">
        <button type="button" onClick={openPage('/demo.html')}>
          {t('openDemo')}
        </button>
        <button type="button" onClick={openPage('/dashboard.html')}>
          {t('openDashboard')}
        </button>
        <button type="button" onClick={openPage('/options.html')}>
          {t('openOptions')}
        </button>
      </div>
      {!confirmErase ? (
        <button type="button" class="quiet" onClick={() => setConfirmErase(true)}>
          {t('dataErase')}
        </button>
      ) : (
        // Deliberate: the question, with keeping everything the default answer.
        <div class="card stack confirm" role="alertdialog" aria-labelledby="popup-erase-question">
          <p id="popup-erase-question">{t('dataEraseConfirm')}</p>
          <div class="row">
            <button type="button" onClick={erase}>
              {t('dataEraseYes')}
            </button>
            <button type="button" class="primary" ref={focusOnMount} onClick={() => setConfirmErase(false)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      {status.status === 'ready' && <p class="muted version">{t('versionLabel', status.value.version)}</p>}
    </main>
  );
}
