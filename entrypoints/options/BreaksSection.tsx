import { useSettings } from '../../components/use-settings';
import { SaveStatus } from '../../components/SaveStatus';
import type { BreakRules } from '../../utils/core/breaks/schedule';
import { t, type MessageKey } from '../../utils/browser/i18n';
import { sendMessage } from '../../utils/browser/send-message';
import { NumberField } from './NumberField';
import { TeamNote } from './team';

const fields: Array<{ key: keyof BreakRules; label: MessageKey; min: number; max: number }> = [
  { key: 'pauseEveryMinutes', label: 'breaksPauseEvery', min: 5, max: 240 },
  { key: 'pauseMinutes', label: 'breaksPauseLength', min: 1, max: 60 },
  { key: 'breakEveryMinutes', label: 'breaksBreakEvery', min: 30, max: 600 },
  { key: 'breakMinutes', label: 'breaksBreakLength', min: 5, max: 120 },
];

/** Break rhythm: how often and how long (docs/evidence.md explains the defaults). Saved as changed. */
export function BreaksSection() {
  const { value: rules, save, status } = useSettings(
    async () => (await sendMessage('breaks/rules', {})).rules,
    async (value) => (await sendMessage('breaks/rules', { rules: value })).rules,
    'breaksSaved',
  );

  return (
    <section class="card stack" aria-labelledby="breaks-heading" id="breaks">
      <h2 id="breaks-heading" tabIndex={-1}>{t('breaksHeading')}</h2>
      <p>{t('breaksExplain')}</p>
      <TeamNote group="breaks" />
      {rules && (
        <div class="stack">
          {fields.map(({ key, label, min, max }) => (
            <NumberField key={key} group="breaks" field={key} label={t(label)} base={{ min, max }} unit="minutes" value={rules[key]} onCommit={(value) => void save({ ...rules, [key]: value })} />
          ))}
        </div>
      )}
      <SaveStatus status={status} />
    </section>
  );
}
