import { useSettings } from '../../components/use-settings';
import { SaveStatus } from '../../components/SaveStatus';
import { DEFAULT_ROLLOVER_HOUR } from '../../utils/core/exposure/days';
import { formatHour } from '../../utils/core/exposure/format';
import { t, uiLocale } from '../../utils/browser/i18n';
import { sendMessage } from '../../utils/browser/send-message';
import { NumberField } from './NumberField';
import { TeamLock, TeamNote, useFloor } from './team';

/** Daily soft and hard caps, and strict breaks (docs/evidence.md explains the defaults). Saved as changed. */
export function LimitsSection() {
  const { value: limits, save, status } = useSettings(
    async () => (await sendMessage('limits', {})).limits,
    async (value) => (await sendMessage('limits', { limits: value })).limits,
    'limitsSaved',
  );
  const strictFloor = useFloor('limits', 'strictBreaks');

  return (
    <section class="card stack" aria-labelledby="limits-heading" id="limits">
      <h2 id="limits-heading" tabIndex={-1}>{t('limitsHeading')}</h2>
      <p>{t('limitsExplain', formatHour(DEFAULT_ROLLOVER_HOUR, uiLocale()))}</p>
      <TeamNote group="limits" />
      {limits && (
        <div class="stack">
          <NumberField group="limits" field="softCapMinutes" label={t('limitsSoftCap')} base={{ min: 0, max: 1440 }} unit="minutes" value={limits.softCapMinutes} onCommit={(value) => void save({ ...limits, softCapMinutes: value })} />
          <NumberField group="limits" field="hardCapMinutes" label={t('limitsHardCap')} base={{ min: 0, max: 1440 }} unit="minutes" value={limits.hardCapMinutes} onCommit={(value) => void save({ ...limits, hardCapMinutes: value })} />
          <label class="row">
            <input
              type="checkbox"
              name="strictBreaks"
              checked={limits.strictBreaks}
              disabled={strictFloor?.value === true}
              onChange={() => void save({ ...limits, strictBreaks: !limits.strictBreaks })}
            />
            {t('limitsStrict')} <TeamLock group="limits" field="strictBreaks" />
          </label>
        </div>
      )}
      <SaveStatus status={status} />
    </section>
  );
}
