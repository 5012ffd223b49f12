import { useSettings } from '../../components/use-settings';
import { t, type MessageKey } from '../../utils/browser/i18n';
import { sendMessage } from '../../utils/browser/send-message';
import { NumberField } from './NumberField';
import { SaveStatus } from '../../components/SaveStatus';
import { TeamLock, TeamNote, useFloor } from './team';

const steps: Array<{ step: 'blur' | 'outline' | 'full'; label: MessageKey }> = [
  { step: 'blur', label: 'shieldStepBlur' },
  { step: 'outline', label: 'shieldStepOutline' },
  { step: 'full', label: 'shieldStepFull' },
];

/**
 * How covered media is revealed: which steps (the outline first; blur only if turned on), blur
 * strength, the small view's size, re-cover time, whether sound may be turned on. Saved as changed.
 */
export function ShieldSection() {
  const { value: settings, save, status } = useSettings(
    async () => (await sendMessage('shield/settings', {})).settings,
    async (value) => (await sendMessage('shield/settings', { settings: value })).settings,
    'revealSaved',
  );
  const stepsFloor = useFloor('shield', 'allowedSteps');
  const soundFloor = useFloor('shield', 'soundAllowed');

  return (
    <section class="card stack" aria-labelledby="reveal-heading" id="reveal">
      <h2 id="reveal-heading" tabIndex={-1}>{t('revealHeading')}</h2>
      <p>{t('revealExplain')}</p>
      <TeamNote group="shield" />
      {settings && (
        <div class="stack">
          <fieldset class="stack strength">
            <legend>
              {t('revealSteps')} <TeamLock group="shield" field="allowedSteps" />
            </legend>
            {steps.map(({ step, label }) => {
              const on = settings.allowedSteps.includes(step);
              const forbidden = Array.isArray(stepsFloor?.value) && !(stepsFloor.value as string[]).includes(step);
              return (
                <label key={step} class="row">
                  <input
                    type="checkbox"
                    name={`step-${step}`}
                    checked={on}
                    disabled={forbidden}
                    onChange={() => void save({ ...settings, allowedSteps: steps.map((s) => s.step).filter((s) => (s === step ? !on : settings.allowedSteps.includes(s))) })}
                  />
                  {t(label)}
                </label>
              );
            })}
            <p class="muted hint">{t('revealStepsHint')}</p>
          </fieldset>
          <NumberField group="shield" field="blurPixels" label={t('revealBlur')} base={{ min: 8, max: 64 }} unit="blur" value={settings.blurPixels} onCommit={(value) => void save({ ...settings, blurPixels: value })} />
          <NumberField group="shield" field="smallViewPixels" label={t('revealSmallView')} base={{ min: 0, max: 4096 }} unit="count" value={settings.smallViewPixels} onCommit={(value) => void save({ ...settings, smallViewPixels: value })} />
          <NumberField group="shield" field="recoverAfterSeconds" label={t('revealRecover')} base={{ min: 0, max: 600 }} unit="seconds" value={settings.recoverAfterSeconds} onCommit={(value) => void save({ ...settings, recoverAfterSeconds: value })} />
          <label class="row">
            <input type="checkbox" name="soundAllowed" checked={settings.soundAllowed} disabled={soundFloor?.value === false} onChange={() => void save({ ...settings, soundAllowed: !settings.soundAllowed })} />
            {t('revealSound')} <TeamLock group="shield" field="soundAllowed" />
          </label>
          <NumberField group="shield" field="maxVolumePercent" label={t('revealMaxVolume')} base={{ min: 10, max: 100 }} unit="count" value={settings.maxVolumePercent} onCommit={(value) => void save({ ...settings, maxVolumePercent: value })} />
        </div>
      )}
      <SaveStatus status={status} />
    </section>
  );
}
