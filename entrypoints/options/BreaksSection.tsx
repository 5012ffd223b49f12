import { useEffect, useState } from 'preact/hooks';
import type { BreakRules } from '../../utils/breaks/schedule';
import { t, type MessageKey } from '../../utils/i18n';
import { sendMessage } from '../../utils/send-message';

const fields: Array<{ key: keyof BreakRules; label: MessageKey; min: number; max: number; step: number }> = [
  { key: 'pauseEveryMinutes', label: 'breaksPauseEvery', min: 5, max: 240, step: 5 },
  { key: 'pauseMinutes', label: 'breaksPauseLength', min: 1, max: 60, step: 1 },
  { key: 'breakEveryMinutes', label: 'breaksBreakEvery', min: 30, max: 600, step: 10 },
  { key: 'breakMinutes', label: 'breaksBreakLength', min: 5, max: 120, step: 5 },
];

/** Break rhythm: how often and how long (docs/evidence.md explains the defaults). */
export function BreaksSection() {
  const [rules, setRules] = useState<BreakRules | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    void sendMessage('breaks/rules', {}).then(({ rules: current }) => setRules(current));
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    if (!rules) return;
    try {
      setRules((await sendMessage('breaks/rules', { rules })).rules);
      setStatus(t('breaksSaved'));
    } catch (error) {
      setStatus(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <section class="card stack" aria-labelledby="breaks-heading">
      <h2 id="breaks-heading">{t('breaksHeading')}</h2>
      <p>{t('breaksExplain')}</p>
      {rules && (
        <form class="stack" onSubmit={(event) => void save(event)}>
          {fields.map(({ key, label, min, max, step }) => (
            <label key={key} class="row number">
              <span>{t(label)}</span>
              <input
                type="number"
                min={min}
                max={max}
                step={step}
                value={rules[key]}
                onInput={(event) => setRules({ ...rules, [key]: Number((event.target as HTMLInputElement).value) })}
              />
            </label>
          ))}
          <div class="row">
            <button type="submit" class="primary">
              {t('save')}
            </button>
          </div>
          {status && <p role="status">{status}</p>}
        </form>
      )}
    </section>
  );
}
