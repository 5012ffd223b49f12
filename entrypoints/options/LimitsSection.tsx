import { useSettings } from '../../components/use-settings';
import { t } from '../../utils/i18n';
import { sendMessage } from '../../utils/send-message';
import { SaveRow } from './SaveRow';

/** Daily soft and hard caps, and strict breaks (docs/evidence.md explains the defaults). */
export function LimitsSection() {
  const { value: limits, setValue: setLimits, status, submit } = useSettings(
    async () => (await sendMessage('limits', {})).limits,
    async (value) => (await sendMessage('limits', { limits: value })).limits,
    'limitsSaved',
  );
  const minutes = (key: 'softCapMinutes' | 'hardCapMinutes') => (event: Event) =>
    limits && setLimits({ ...limits, [key]: Number((event.target as HTMLInputElement).value) });

  return (
    <section class="card stack" aria-labelledby="limits-heading">
      <h2 id="limits-heading">{t('limitsHeading')}</h2>
      <p>{t('limitsExplain')}</p>
      {limits && (
        <form class="stack" onSubmit={(event) => void submit(event)}>
          <label class="row number">
            <span>{t('limitsSoftCap')}</span>
            <input type="number" name="softCapMinutes" min={0} max={1440} step={15} value={limits.softCapMinutes} onInput={minutes('softCapMinutes')} />
          </label>
          <label class="row number">
            <span>{t('limitsHardCap')}</span>
            <input type="number" name="hardCapMinutes" min={0} max={1440} step={15} value={limits.hardCapMinutes} onInput={minutes('hardCapMinutes')} />
          </label>
          <label class="row">
            <input type="checkbox" name="strictBreaks" checked={limits.strictBreaks} onChange={() => setLimits({ ...limits, strictBreaks: !limits.strictBreaks })} />
            {t('limitsStrict')}
          </label>
          <SaveRow status={status} />
        </form>
      )}
    </section>
  );
}
