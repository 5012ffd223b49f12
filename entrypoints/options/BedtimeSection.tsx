import { useEffect, useRef } from 'preact/hooks';
import { useSettings } from '../../components/use-settings';
import type { Bedtime } from '../../utils/core/bedtime/schedule';
import { t, type MessageKey, uiLocale } from '../../utils/browser/i18n';
import { sendMessage } from '../../utils/browser/send-message';
import { NumberField, type NumberUnit } from './NumberField';
import { SaveStatus } from '../../components/SaveStatus';
import { TeamLock, TeamNote, useFloor } from './team';

/** Monday first; names in the browser's language (2026-06-01 was a Monday). */
const weekdayName = (index: number, locale: string) =>
  new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 5, 1 + index)));

const numbers: Array<{ key: 'windDownMinutes' | 'warnMinutes' | 'overridesPerWeek' | 'overrideMinutes'; label: MessageKey; min: number; max: number; unit: NumberUnit }> = [
  { key: 'windDownMinutes', label: 'bedtimeWindDown', min: 0, max: 240, unit: 'minutes' },
  { key: 'warnMinutes', label: 'bedtimeWarnBefore', min: 0, max: 120, unit: 'minutes' },
  { key: 'overridesPerWeek', label: 'bedtimeOverridesPerWeek', min: 0, max: 14, unit: 'count' },
  { key: 'overrideMinutes', label: 'bedtimeOverrideLength', min: 5, max: 120, unit: 'minutes' },
];

/** The bedtime guard: a schedule per weekday, wind-down, strength, warning, overrides, greyscale. Saved as changed. */
export function BedtimeSection({ welcome }: { welcome: boolean }) {
  const { value: bedtime, save, status } = useSettings(
    async () => (await sendMessage('bedtime', {})).bedtime,
    async (value) => (await sendMessage('bedtime', { bedtime: value })).bedtime,
    'bedtimeSaved',
  );
  const locale = uiLocale();
  const enabledFloor = useFloor('bedtime', 'enabled');
  const strengthFloor = useFloor('bedtime', 'strength');
  const greyFloor = useFloor('bedtime', 'greyscale');
  // Opened from the wind-down notification (#bedtime): this section, once its form is there.
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = bedtime !== null;
  useEffect(() => {
    if (!loaded || location.hash !== '#bedtime') return;
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, [loaded]);
  const setNight = (index: number, change: Partial<Bedtime['nights'][number]>) =>
    bedtime && void save({ ...bedtime, nights: bedtime.nights.map((night, i) => (i === index ? { ...night, ...change } : night)) });

  return (
    <section class="card stack" aria-labelledby="bedtime-heading" data-testid="bedtime-settings" id="bedtime">
      <h2 id="bedtime-heading" ref={heading} tabIndex={-1}>
        {t('bedtimeSettingsHeading')}
      </h2>
      <p>{t(welcome ? 'bedtimeWelcome' : 'bedtimeExplain')}</p>
      <TeamNote group="bedtime" />
      {bedtime && (
        <div class="stack">
          <label class="row">
            <input type="checkbox" name="enabled" checked={bedtime.enabled} disabled={enabledFloor?.value === true} onChange={() => void save({ ...bedtime, enabled: !bedtime.enabled })} />
            {t('bedtimeEnabled')} <TeamLock group="bedtime" field="enabled" />
          </label>
          <TeamLock group="bedtime" field="nights" />
          <table class="nights">
            <thead>
              <tr>
                <th scope="col">{t('bedtimeEvening')}</th>
                <th scope="col">{t('bedtimeBedtime')}</th>
                <th scope="col">{t('bedtimeWake')}</th>
              </tr>
            </thead>
            <tbody>
              {bedtime.nights.map((night, i) => {
                const day = weekdayName(i, locale);
                return (
                  <tr key={i}>
                    <th scope="row">
                      <label class="row">
                        <input type="checkbox" checked={night.on} onChange={() => setNight(i, { on: !night.on })} />
                        {day}
                      </label>
                    </th>
                    <td>
                      <input type="time" aria-label={t('bedtimeBedtimeOn', day)} value={night.bedtime} required onChange={(event) => event.currentTarget.value && setNight(i, { bedtime: event.currentTarget.value })} />
                    </td>
                    <td>
                      <input type="time" aria-label={t('bedtimeWakeOn', day)} value={night.wake} required onChange={(event) => event.currentTarget.value && setNight(i, { wake: event.currentTarget.value })} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <fieldset class="stack strength">
            <legend>
              {t('bedtimeStrength')} <TeamLock group="bedtime" field="strength" />
            </legend>
            {(['gentle', 'firm'] as const).map((strength) => (
              <label key={strength} class="row">
                <input
                  type="radio"
                  name="strength"
                  value={strength}
                  checked={bedtime.strength === strength}
                  disabled={strength === 'gentle' && strengthFloor?.value === 'firm'}
                  onChange={() => void save({ ...bedtime, strength })}
                />
                {t(strength === 'gentle' ? 'bedtimeGentle' : 'bedtimeFirm')}
              </label>
            ))}
          </fieldset>
          {numbers.map(({ key, label, min, max, unit }) => (
            <NumberField key={key} group="bedtime" field={key} label={t(label)} base={{ min, max }} unit={unit} value={bedtime[key]} onCommit={(value) => void save({ ...bedtime, [key]: value })} />
          ))}
          <label class="row">
            <input type="checkbox" name="greyscale" checked={bedtime.greyscale} disabled={greyFloor?.value === true} onChange={() => void save({ ...bedtime, greyscale: !bedtime.greyscale })} />
            {t('bedtimeGreyscale')} <TeamLock group="bedtime" field="greyscale" />
          </label>
        </div>
      )}
      <SaveStatus status={status} />
    </section>
  );
}
