import { useEffect, useState } from 'preact/hooks';
import { BreathingPacer } from '../../components/BreathingPacer';
import { CheckIn } from '../../components/CheckIn';
import { useAsync } from '../../components/use-async';
import { formatTimer } from '../../utils/core/exposure/format';
import { t, uiLocale, type MessageKey } from '../../utils/browser/i18n';
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
  // The break's length: the prompted kind's, or a short pause when the person chose to step away.
  const kind = location.hash === '#break' ? 'break' : 'pause';
  const lengthMinutes = rules.status === 'ready' ? (kind === 'break' ? rules.value.rules.breakMinutes : rules.value.rules.pauseMinutes) : null;
  return (
    <main class="break stack">
      <h1>{t('breakTitle')}</h1>
      <p>{t('breakIntro')}</p>
      {lengthMinutes !== null && <BreakTimer minutes={lengthMinutes} />}
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

/**
 * How long the break still lasts, counted from when the page opened: a clock the person can glance
 * at (not read out every second), and one sentence, announced, when it is over.
 */
function BreakTimer({ minutes }: { minutes: number }) {
  const [endsAt] = useState(() => Date.now() + minutes * 60_000);
  const [now, setNow] = useState(Date.now());
  const left = Math.max(0, (endsAt - now) / 1000);
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setNow(Date.now()), 1000 - (Date.now() % 1000) || 1000);
    return () => clearTimeout(timer);
  }, [now]);
  return (
    <div class="card break-timer" data-testid="break-timer">
      <p class="timer-label">{t('breakTimerLabel', Math.round(minutes))}</p>
      <p class="timer" role="timer" aria-live="off">
        {formatTimer(left, uiLocale())}
      </p>
      <p role="status">{left <= 0 ? t('breakTimerOver') : ''}</p>
    </div>
  );
}
