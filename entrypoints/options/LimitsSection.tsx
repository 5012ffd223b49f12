import { useSettings } from '../../components/use-settings';
import { DEFAULT_ROLLOVER_HOUR } from '../../utils/core/exposure/days';
import { formatHour } from '../../utils/core/exposure/format';
import { t, uiLocale } from '../../utils/browser/i18n';
import { sendMessage } from '../../utils/browser/send-message';
import { NumberField } from './NumberField';
import { SaveRow } from '../../components/SaveRow';
import { TeamLock, useFloor } from './team';

/** Daily soft and hard caps, and strict breaks (docs/evidence.md explains the defaults). */
export function LimitsSection() {
  const { value: limits, setValue: setLimits, status, submit } = useSettings(
    async () => (await sendMessage('limits', {})).limits,
    async (value) => (await sendMessage('limits', { limits: value })).limits,
    'limitsSaved',
  );
  const strictFloor = useFloor('limits', 'strictBreaks');

  return (
    <section class="card stack" aria-labelledby="limits-heading">
      <h2 id="limits-heading">{t('limitsHeading')}</h2>
      <p>{t('limitsExplain', formatHour(DEFAULT_ROLLOVER_HOUR, uiLocale()))}</p>
      {limits && (
        <form class="stack" onSubmit={(event) => void submit(event)}>
          <NumberField group="limits" field="softCapMinutes" label={t('limitsSoftCap')} base={{ min: 0, max: 1440 }} step={15} value={limits.softCapMinutes} onChange={(value) => setLimits({ ...limits, softCapMinutes: value })} />
          <NumberField group="limits" field="hardCapMinutes" label={t('limitsHardCap')} base={{ min: 0, max: 1440 }} step={15} value={limits.hardCapMinutes} onChange={(value) => setLimits({ ...limits, hardCapMinutes: value })} />
          <label class="row">
            <input
              type="checkbox"
              name="strictBreaks"
              checked={limits.strictBreaks}
              disabled={strictFloor?.value === true}
              onChange={() => setLimits({ ...limits, strictBreaks: !limits.strictBreaks })}
            />
            {t('limitsStrict')} <TeamLock group="limits" field="strictBreaks" />
          </label>
          <SaveRow status={status} />
        </form>
      )}
    </section>
  );
}
