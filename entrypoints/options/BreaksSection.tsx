import { useSettings } from '../../components/use-settings';
import type { BreakRules } from '../../utils/core/breaks/schedule';
import { t, type MessageKey } from '../../utils/browser/i18n';
import { sendMessage } from '../../utils/browser/send-message';
import { NumberField } from './NumberField';
import { SaveRow } from '../../components/SaveRow';

const fields: Array<{ key: keyof BreakRules; label: MessageKey; min: number; max: number; step: number }> = [
  { key: 'pauseEveryMinutes', label: 'breaksPauseEvery', min: 5, max: 240, step: 5 },
  { key: 'pauseMinutes', label: 'breaksPauseLength', min: 1, max: 60, step: 1 },
  { key: 'breakEveryMinutes', label: 'breaksBreakEvery', min: 30, max: 600, step: 10 },
  { key: 'breakMinutes', label: 'breaksBreakLength', min: 5, max: 120, step: 5 },
];

/** Break rhythm: how often and how long (docs/evidence.md explains the defaults). */
export function BreaksSection() {
  const { value: rules, setValue: setRules, status, submit } = useSettings(
    async () => (await sendMessage('breaks/rules', {})).rules,
    async (value) => (await sendMessage('breaks/rules', { rules: value })).rules,
    'breaksSaved',
  );

  return (
    <section class="card stack" aria-labelledby="breaks-heading">
      <h2 id="breaks-heading">{t('breaksHeading')}</h2>
      <p>{t('breaksExplain')}</p>
      {rules && (
        <form class="stack" onSubmit={(event) => void submit(event)}>
          {fields.map(({ key, label, min, max, step }) => (
            <NumberField key={key} group="breaks" field={key} label={t(label)} base={{ min, max }} step={step} value={rules[key]} onChange={(value) => setRules({ ...rules, [key]: value })} />
          ))}
          <SaveRow status={status} />
        </form>
      )}
    </section>
  );
}
