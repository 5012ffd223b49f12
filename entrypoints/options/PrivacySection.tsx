import { useState } from 'preact/hooks';
import { useAsync } from '../../components/use-async';
import { useSettings } from '../../components/use-settings';
import { SaveStatus } from '../../components/SaveStatus';
import { Unlock } from '../../components/Unlock';
import { errorText } from '../../components/error-text';
import { PassphraseField } from '../../components/PassphraseField';
import { t } from '../../utils/browser/i18n';
import { sendMessage } from '../../utils/browser/send-message';
import { NumberField } from './NumberField';
import { TeamNote } from './team';

const MIN_LENGTH = 10;

/**
 * Encryption of what Gauze keeps (docs/security.md): off by default, required when the team says
 * so. On, the records are locked whenever the person is away; unlocking happens here, in Gauze's
 * own page.
 */
export function PrivacySection({ onChanged }: { onChanged(): void }) {
  const [version, setVersion] = useState(0);
  const status = useAsync(() => sendMessage('vault/status', {}), [version]);
  const changed = () => {
    setVersion((n) => n + 1);
    onChanged();
  };
  const value = status.status === 'ready' ? status.value : null;
  return (
    <section class="card stack" id="privacy" aria-labelledby="privacy-heading" data-testid="privacy">
      <h2 id="privacy-heading" tabIndex={-1}>
        {t('vaultHeading')}
      </h2>
      <p>{t('vaultExplain')}</p>
      {value?.required && <p class="team-note">{t('vaultRequired')}</p>}
      {value && !value.enabled && <TurnOn onDone={changed} />}
      {value?.enabled && !value.unlocked && <Unlock onUnlocked={changed} focus={location.hash === '#unlock'} />}
      {value?.enabled && value.unlocked && <Open required={value.required} onChanged={changed} />}
    </section>
  );
}

/** Two passphrase fields and the one thing a person must know before they set it. */
function TurnOn({ onDone }: { onDone(): void }) {
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const turnOn = async (event: Event) => {
    event.preventDefault();
    if (first.length < MIN_LENGTH) return setProblem(t('vaultTooShort', MIN_LENGTH));
    if (first !== second) return setProblem(t('vaultMismatch'));
    if (!understood) return setProblem(t('vaultAcceptNeeded'));
    setBusy(true);
    try {
      await sendMessage('vault/enable', { passphrase: first });
      onDone();
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="stack" onSubmit={(event) => void turnOn(event)} data-testid="vault-enable" aria-busy={busy}>
      <PassphraseField label={t('vaultNewPassphrase')} name="new-passphrase" known={false} minLength={MIN_LENGTH} describedBy="passphrase-hint" value={first} onInput={setFirst} />
      <p id="passphrase-hint" class="muted hint">
        {t('vaultPassphraseHint', MIN_LENGTH)}
      </p>
      <PassphraseField label={t('vaultRepeatPassphrase')} name="repeat-passphrase" known={false} value={second} onInput={setSecond} />
      <p class="warning">{t('vaultForgetWarning')}</p>
      <label class="row">
        <input type="checkbox" name="understood" checked={understood} onChange={() => setUnderstood(!understood)} />
        {t('vaultForgetAccept')}
      </label>
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('vaultWorking') : t('vaultEnable')}
        </button>
      </div>
      <p role="status" class={problem ? 'error' : undefined}>
        {problem ?? ''}
      </p>
    </form>
  );
}

/** The records are open: lock now, the idle minutes, a new passphrase, or turn it off. */
function Open({ required, onChanged }: { required: boolean; onChanged(): void }) {
  const { value: limits, save, status } = useSettings(
    async () => (await sendMessage('limits', {})).limits,
    async (value) => (await sendMessage('limits', { limits: value })).limits,
    'vaultLockSaved',
  );
  const [message, setMessage] = useState<string | null>(null);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [offPassphrase, setOffPassphrase] = useState('');
  const change = async (event: Event) => {
    event.preventDefault();
    if (next.length < MIN_LENGTH) return setMessage(t('vaultTooShort', MIN_LENGTH));
    if (next !== repeat) return setMessage(t('vaultMismatch'));
    try {
      const { changed } = await sendMessage('vault/change', { passphrase: current, next });
      setMessage(changed ? t('vaultChanged') : t('vaultWrongPassphrase'));
      if (changed) [setCurrent, setNext, setRepeat].forEach((set) => set(''));
    } catch (error) {
      setMessage(errorText(error));
    }
  };
  const turnOff = async (event: Event) => {
    event.preventDefault();
    try {
      const { disabled } = await sendMessage('vault/disable', { passphrase: offPassphrase });
      if (disabled) onChanged();
      else setMessage(t('vaultWrongPassphrase'));
    } catch (error) {
      setMessage(errorText(error));
    }
  };
  return (
    <div class="stack" data-testid="vault-open">
      <p>{limits ? t('vaultOpenExplain', limits.lockAfterIdleMinutes) : null}</p>
      <div class="row">
        <button
          type="button"
          class="primary"
          onClick={() => void sendMessage('vault/lock', {}).then(onChanged, (error: unknown) => setMessage(errorText(error)))}
        >
          {t('vaultLockNow')}
        </button>
      </div>
      <TeamNote group="limits" />
      {limits && (
        <NumberField
          group="limits"
          field="lockAfterIdleMinutes"
          label={t('vaultLockAfter')}
          base={{ min: 1, max: 240 }}
          unit="minutes"
          value={limits.lockAfterIdleMinutes}
          onCommit={(minutes) => void save({ ...limits, lockAfterIdleMinutes: minutes })}
        />
      )}
      <SaveStatus status={status} />
      <details class="stack">
        <summary>{t('vaultChangeSummary')}</summary>
        <form class="stack" onSubmit={(event) => void change(event)}>
          <PassphraseField label={t('vaultCurrentPassphrase')} name="current-passphrase" known value={current} onInput={setCurrent} />
          <PassphraseField label={t('vaultNewPassphrase')} name="next-passphrase" known={false} value={next} onInput={setNext} />
          <PassphraseField label={t('vaultRepeatPassphrase')} name="repeat-next-passphrase" known={false} value={repeat} onInput={setRepeat} />
          <div class="row">
            <button type="submit">{t('vaultChange')}</button>
          </div>
        </form>
      </details>
      {!required && (
        <details class="stack">
          <summary>{t('vaultOffSummary')}</summary>
          <form class="stack" onSubmit={(event) => void turnOff(event)}>
            <p>{t('vaultOffExplain')}</p>
            <PassphraseField label={t('vaultPassphrase')} name="off-passphrase" known value={offPassphrase} onInput={setOffPassphrase} />
            <div class="row">
              <button type="submit">{t('vaultDisable')}</button>
            </div>
          </form>
        </details>
      )}
      <p role="status">{message ?? ''}</p>
    </div>
  );
}
