import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../utils/browser/api';
import { useAsync } from '../../components/use-async';
import { formatClock } from '../../utils/core/exposure/format';
import { t, uiLocale } from '../../utils/browser/i18n';
import { sendMessage } from '../../utils/browser/send-message';
import { errorText } from '../../components/error-text';
import './bedtime.css';

/** Seconds the person waits, with their reason written, before an override can be confirmed. */
const OVERRIDE_COUNTDOWN_SECONDS = 10;

/** Where the tab was going, if it was sent here from a flagged site (http and https only). */
function returnAddress(): string | null {
  const raw = /^#return=(.+)$/.exec(location.hash)?.[1];
  if (!raw) return null;
  try {
    const url = new URL(decodeURIComponent(raw));
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The calm page shown instead of a flagged site while the bedtime guard is on (firm), or where an
 * override is asked for (gentle): when the guard ends, something better to do, and — with friction —
 * more time.
 */
export function App() {
  const [version, setVersion] = useState(0);
  const state = useAsync(() => sendMessage('bedtime', {}), [version]);
  const locale = uiLocale();
  const returnTo = returnAddress();

  if (state.status === 'loading') return <main class="bedtime stack" aria-busy="true" />;
  if (state.status === 'error') return <main class="bedtime stack"><p role="alert" class="error">{t('errorNotRead')}</p></main>;
  const { current, overrideUntil, overridesLeft, bedtime } = state.value;
  const on = current !== null && overrideUntil === null;

  return (
    <main class="bedtime stack">
      <h1>{on ? t('bedtimeOnHeading') : t('bedtimeOffHeading')}</h1>
      {on && current && (
        <>
          <p class="lead" data-testid="guard-ends">
            {t('bedtimeUntil', formatClock(current.end, locale))}
          </p>
          <p>{t('bedtimeWhy')}</p>
          <NoteToSelf />
          <div class="row">
            <a class="button primary" href={browser.runtime.getURL('/break.html')}>
              {t('bedtimeExercises')}
            </a>
          </div>
          <Override
            left={overridesLeft}
            minutes={bedtime.overrideMinutes}
            allowed={bedtime.overridesPerWeek > 0}
            onGranted={() => {
              if (returnTo) location.replace(returnTo);
              else setVersion((n) => n + 1);
            }}
          />
        </>
      )}
      {!on && (
        <>
          {overrideUntil !== null && <p data-testid="override-until">{t('bedtimeOpenUntil', formatClock(overrideUntil, locale))}</p>}
          {overrideUntil === null && <p data-testid="guard-off">{t(bedtime.enabled ? 'bedtimeOffNotNow' : 'bedtimeOffExplain')}</p>}
          {returnTo && (
            <div class="row">
              <a class="button primary" href={returnTo}>
                {t('bedtimeContinue')}
              </a>
            </div>
          )}
          <div class="row">
            <a class="button" href={`${browser.runtime.getURL('/options.html')}#bedtime`}>
              {t('bedtimeOffSettings')}
            </a>
          </div>
        </>
      )}
    </main>
  );
}

/** A place to write down what is on the person's mind, kept privately (it shows in the dashboard). */
function NoteToSelf() {
  const [text, setText] = useState('');
  const [status, setStatus] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);
  const keep = async (event: Event) => {
    event.preventDefault();
    if (!text.trim()) return setStatus({ kind: 'error', text: t('memoEmpty') });
    try {
      await sendMessage('memos/add', { text });
      setText('');
      setStatus({ kind: 'saved', text: t('memoSaved') });
    } catch (failure) {
      setStatus({ kind: 'error', text: errorText(failure) });
    }
  };
  return (
    <form class="stack note-to-self" onSubmit={(event) => void keep(event)} data-testid="note-to-self">
      <label class="stack">
        <span>{t('bedtimeInstead')}</span>
        <span class="visually-hidden">{t('memoLabel')}</span>
        <textarea name="memo" rows={3} maxLength={2000} dir="auto" value={text} onInput={(event) => setText(event.currentTarget.value)} />
      </label>
      <div class="row">
        <button type="submit">{t('memoSave')}</button>
      </div>
      <p role="status" class={status?.kind === 'error' ? 'error' : 'muted'}>
        {status?.text ?? ''}
      </p>
    </form>
  );
}

function Override({ left, minutes, allowed, onGranted }: { left: number; minutes: number; allowed: boolean; onGranted(): void }) {
  const [reason, setReason] = useState('');
  const [countdown, setCountdown] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (countdown === null || countdown <= 0) return;
    const timer = setTimeout(() => setCountdown(countdown - 1), 1000);
    return () => clearTimeout(timer);
  }, [countdown]);

  if (!allowed) return <p class="muted">{t('bedtimeNoOverrides')}</p>;
  if (left <= 0) return <p class="muted">{t('bedtimeNoneLeft')}</p>;
  const ready = reason.trim().length >= 10;

  const confirm = async () => {
    try {
      const reply = await sendMessage('bedtime/override', { reason });
      if (reply.granted) onGranted();
      else setError(t(reply.reason === 'none-left' ? 'bedtimeNoneLeft' : 'bedtimeOffHeading'));
    } catch (failure) {
      setError(errorText(failure));
    }
  };

  return (
    <details class="card stack override">
      <summary>{t('bedtimeOverrideSummary', minutes)}</summary>
      <p class="muted">{t('bedtimeOverrideLeft', left)}</p>
      <label class="stack">
        <span>{t('bedtimeReasonLabel')}</span>
        <textarea name="reason" rows={2} maxLength={500} value={reason} disabled={countdown !== null} onInput={(event) => setReason((event.target as HTMLTextAreaElement).value)} />
      </label>
      {countdown === null ? (
        <button type="button" disabled={!ready} onClick={() => setCountdown(OVERRIDE_COUNTDOWN_SECONDS)}>
          {t('bedtimeOverrideStart')}
        </button>
      ) : countdown > 0 ? (
        <p role="status" aria-live="polite" data-testid="countdown">
          {t('bedtimeCountdown', countdown)}
        </p>
      ) : (
        <div class="row">
          <button type="button" class="primary" onClick={() => void confirm()}>
            {t('bedtimeOverrideConfirm', minutes)}
          </button>
          <button type="button" onClick={() => setCountdown(null)}>
            {t('cancel')}
          </button>
        </div>
      )}
      {error && <p role="alert" class="error">{error}</p>}
    </details>
  );
}
