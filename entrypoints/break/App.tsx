import { useState } from 'preact/hooks';
import { BreathingPacer } from '../../components/BreathingPacer';
import { CheckIn } from '../../components/CheckIn';
import { useAsync } from '../../components/use-async';
import { t, type MessageKey } from '../../utils/browser/i18n';
import { sendMessage } from '../../utils/browser/send-message';
import './break.css';

const grounding: MessageKey[] = ['groundSee', 'groundTouch', 'groundHear', 'groundSmell', 'groundTaste'];
const stretches: MessageKey[] = ['stretchShoulders', 'stretchNeck', 'stretchStand', 'stretchFar'];

/** A short break with guided exercises: paced breathing, 5-4-3-2-1 grounding, a stretch. */
export function App() {
  const [grounded, setGrounded] = useState<boolean[]>(grounding.map(() => false));
  // Opened by a break prompt (#pause or #break), the break can be postponed, a limited number of times.
  const prompted = location.hash === '#pause' || location.hash === '#break';
  const [postponeResult, setPostponeResult] = useState<boolean | null>(null);
  // The postponement's length is a setting (and a team's floor): the button says it.
  const rules = useAsync(() => sendMessage('breaks/rules', {}), []);
  const postponeMinutes = rules.status === 'ready' ? Math.max(1, Math.round(rules.value.rules.postponeMinutes)) : null;
  const postpone = async () => {
    const { postponed } = await sendMessage('breaks/postpone', {});
    setPostponeResult(postponed);
    if (postponed) setTimeout(() => window.close(), 1500);
  };
  return (
    <main class="break stack">
      <h1>{t('breakTitle')}</h1>
      <p>{t('breakIntro')}</p>
      <p class="safety" role="note">
        {t('breakSafety')}
      </p>

      <section class="card stack" aria-labelledby="breathe-heading">
        <h2 id="breathe-heading">{t('breakBreatheHeading')}</h2>
        <BreathingPacer />
      </section>

      <section class="card stack" aria-labelledby="ground-heading">
        <h2 id="ground-heading">{t('breakGroundHeading')}</h2>
        <p>{t('breakGroundIntro')}</p>
        <ul class="checklist">
          {grounding.map((key, i) => (
            <li key={key}>
              <label class="row">
                <input type="checkbox" checked={grounded[i]} onChange={() => setGrounded(grounded.map((v, j) => (j === i ? !v : v)))} />
                {t(key)}
              </label>
            </li>
          ))}
        </ul>
      </section>

      <section class="card stack" aria-labelledby="stretch-heading">
        <h2 id="stretch-heading">{t('breakStretchHeading')}</h2>
        <ol>
          {stretches.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ol>
      </section>

      <section class="card stack" aria-labelledby="check-in-heading">
        <h2 id="check-in-heading">{t('checkInHeading')}</h2>
        <CheckIn />
      </section>

      <div class="row">
        <button type="button" onClick={() => window.close()}>
          {t('breakDone')}
        </button>
        {prompted && postponeResult === null && postponeMinutes !== null && (
          <button type="button" onClick={() => void postpone()}>
            {t('breakPostpone', postponeMinutes)}
          </button>
        )}
      </div>
      {postponeResult !== null && <p role="status">{postponeResult ? t('breakPostponed') : t('breakNoPostpone')}</p>}
    </main>
  );
}
