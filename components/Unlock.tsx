import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../utils/browser/i18n';
import { sendMessage } from '../utils/browser/send-message';
import { errorText } from './error-text';
import { PassphraseField } from './PassphraseField';

/**
 * Unlocking the records, in Gauze's own pages only: a passphrase field in a web page could be
 * read by that page. The derivation takes a moment on purpose (600,000 rounds), so the button
 * says it is working.
 */
export function Unlock({ onUnlocked, focus = false }: { onUnlocked(): void; focus?: boolean }) {
  const [passphrase, setPassphrase] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focus) field.current?.focus();
  }, []);
  const unlock = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const { unlocked } = await sendMessage('vault/unlock', { passphrase });
      if (unlocked) {
        setPassphrase('');
        onUnlocked();
      } else {
        setMessage(t('vaultWrongPassphrase'));
        field.current?.select();
      }
    } catch (error) {
      setMessage(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="stack unlock" data-testid="unlock" onSubmit={(event) => void unlock(event)} aria-busy={busy}>
      <p>{t('vaultLockedExplain')}</p>
      <PassphraseField label={t('vaultPassphrase')} name="passphrase" known required inputRef={field} value={passphrase} onInput={setPassphrase} />
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('vaultUnlocking') : t('vaultUnlock')}
        </button>
      </div>
      <p role="status" class={message ? 'error' : undefined}>
        {message ?? ''}
      </p>
    </form>
  );
}
