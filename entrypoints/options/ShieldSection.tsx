import { useSettings } from '../../components/use-settings';
import { t, type MessageKey } from '../../utils/browser/i18n';
import { sendMessage } from '../../utils/browser/send-message';
import { NumberField } from './NumberField';
import { SaveRow } from '../../components/SaveRow';
import { TeamLock, useFloor } from './team';

const steps: Array<{ step: 'blur' | 'outline' | 'full'; label: MessageKey }> = [
  { step: 'blur', label: 'shieldStepBlur' },
  { step: 'outline', label: 'shieldStepOutline' },
  { step: 'full', label: 'shieldStepFull' },
];

/** How covered media is revealed: blur strength, which steps, re-cover time, whether sound may be turned on. */
export function ShieldSection() {
  const { value: settings, setValue: setSettings, status, submit } = useSettings(
    async () => (await sendMessage('shield/settings', {})).settings,
    async (value) => (await sendMessage('shield/settings', { settings: value })).settings,
    'revealSaved',
  );
  const stepsFloor = useFloor('shield', 'allowedSteps');
  const soundFloor = useFloor('shield', 'soundAllowed');

  return (
    <section class="card stack" aria-labelledby="reveal-heading">
      <h2 id="reveal-heading">{t('revealHeading')}</h2>
      <p>{t('revealExplain')}</p>
      {settings && (
        <form class="stack" onSubmit={(event) => void submit(event)}>
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
                    onChange={() => setSettings({ ...settings, allowedSteps: steps.map((s) => s.step).filter((s) => (s === step ? !on : settings.allowedSteps.includes(s))) })}
                  />
                  {t(label)}
                </label>
              );
            })}
          </fieldset>
          <NumberField group="shield" field="blurPixels" label={t('revealBlur')} base={{ min: 8, max: 64 }} step={4} value={settings.blurPixels} onChange={(value) => setSettings({ ...settings, blurPixels: value })} />
          <NumberField group="shield" field="recoverAfterSeconds" label={t('revealRecover')} base={{ min: 0, max: 600 }} step={5} value={settings.recoverAfterSeconds} onChange={(value) => setSettings({ ...settings, recoverAfterSeconds: value })} />
          <label class="row">
            <input type="checkbox" name="soundAllowed" checked={settings.soundAllowed} disabled={soundFloor?.value === false} onChange={() => setSettings({ ...settings, soundAllowed: !settings.soundAllowed })} />
            {t('revealSound')} <TeamLock group="shield" field="soundAllowed" />
          </label>
          <SaveRow status={status} />
        </form>
      )}
    </section>
  );
}
