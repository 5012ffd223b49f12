import { useMemo, useState } from 'preact/hooks';
import { CheckIn } from '../../components/CheckIn';
import { Unlock } from '../../components/Unlock';
import { useAsync } from '../../components/use-async';
import { groupDays, LATE_NIGHT_FROM_HOUR, type DayStats, type Period } from '../../utils/core/dashboard/aggregate';
import type { Signal } from '../../utils/core/dashboard/signals';
import { formatDuration, formatHour } from '../../utils/core/exposure/format';
import type { RevealView } from '../../utils/core/shield/ladder';
import { t, type MessageKey, uiLocale } from '../../utils/browser/i18n';
import { sendMessage } from '../../utils/browser/send-message';
import { ExposureChart } from './ExposureChart';
import { NotesToSelf } from './NotesToSelf';
import { Questionnaires } from './Questionnaires';
import { ShareSummary } from './ShareSummary';
import './dashboard.css';

/** How many exposure days each view reads. */
const RANGES: Record<Period, { days: number; label: MessageKey }> = {
  day: { days: 30, label: 'dashboardDays' },
  week: { days: 26 * 7, label: 'dashboardWeeks' },
  month: { days: 365, label: 'dashboardMonths' },
};

/** The furthest view of a reveal, as the card and Settings name it. */
const viewLabels: Record<RevealView, MessageKey> = {
  blur: 'shieldStepBlur',
  outline: 'shieldStepOutline',
  storyboard: 'dashboardViewStoryboard',
  small: 'dashboardViewSmall',
  full: 'dashboardViewFull',
};

const kindLabels: Record<string, MessageKey> = {
  image: 'shieldKindImage',
  background: 'shieldKindImage',
  video: 'shieldKindVideo',
  canvas: 'shieldKindCanvas',
  embed: 'shieldKindEmbed',
  frame: 'shieldKindFrame',
};

/** Exposure over days, weeks and months; revealed items; breaks; late nights; signals; check-ins. */
export function App() {
  const [period, setPeriod] = useState<Period>('day');
  const [version, setVersion] = useState(0);
  const data = useAsync(() => sendMessage('dashboard/data', { days: RANGES[period].days }), [period, version]);
  const locale = uiLocale();
  const duration = (seconds: number) => formatDuration(seconds, locale);

  const rows = useMemo(() => (data.status !== 'ready' ? [] : period === 'day' ? data.value.days : groupDays(data.value.days, period)), [data, period]);
  const labels = useMemo(() => rows.map((row) => periodLabel(row.day, period, locale)), [rows]);
  const total = (field: keyof Omit<DayStats, 'day' | 'checkIn'>) => rows.reduce((sum, row) => sum + row[field], 0);

  return (
    <main class="dashboard stack" aria-busy={data.status === 'loading'}>
      <h1>{t('dashboardTitle')}</h1>
      <p class="muted">{t('dashboardIntro')}</p>

      <fieldset class="periods row">
        <legend>{t('dashboardPeriod')}</legend>
        {(Object.keys(RANGES) as Period[]).map((key) => (
          <label key={key} class="row">
            <input type="radio" name="period" value={key} checked={period === key} onChange={() => setPeriod(key)} />
            {t(RANGES[key].label)}
          </label>
        ))}
      </fieldset>

      {data.status === 'loading' && (
        <p role="status" class="muted">
          {t('dashboardLoading')}
        </p>
      )}
      {data.status === 'error' &&
        (/^locked:/.test(data.error) ? (
          // Encryption on and locked: the figures are opened here, in Gauze's own page.
          <section class="card stack" aria-labelledby="unlock-heading">
            <h2 id="unlock-heading">{t('vaultLockedHeading')}</h2>
            <Unlock onUnlocked={() => setVersion((n) => n + 1)} focus />
          </section>
        ) : (
          <p role="alert" class="error">
            {t('errorNotRead')}
          </p>
        ))}
      {data.status === 'ready' && (
        <>
          <section class="card stack" aria-labelledby="signals-heading" data-testid="signals">
            <h2 id="signals-heading">{t('dashboardSignalsHeading')}</h2>
            {data.value.signals.length === 0 ? (
              <p>{t('dashboardNoSignals')}</p>
            ) : (
              <ul class="signals">
                {data.value.signals.map((signal) => (
                  <li key={signal.id} data-signal={signal.id}>
                    <strong>{signalTitle(signal, duration)}</strong>
                    <p>{signalExplanation(signal)}</p>
                  </li>
                ))}
              </ul>
            )}
            <p class="muted">{t('dashboardSignalsNote')}</p>
          </section>

          <section class="card stack" aria-labelledby="exposure-heading">
            <h2 id="exposure-heading">{t('dashboardExposureHeading')}</h2>
            <dl class="figures">
              <div>
                <dt>{t('dashboardTotal')}</dt>
                <dd data-testid="total">{duration(total('exposure'))}</dd>
              </div>
              <div>
                <dt>{t('dashboardLate', formatHour(LATE_NIGHT_FROM_HOUR, uiLocale()))}</dt>
                <dd>{duration(total('late'))}</dd>
              </div>
              <div>
                <dt>{t('dashboardRevealed')}</dt>
                <dd data-testid="revealed">{t('dashboardRevealedValue', [total('reveals'), duration(total('revealSeconds'))])}</dd>
              </div>
              <div>
                <dt>{t('dashboardBreaks')}</dt>
                <dd>{t('dashboardBreaksValue', [total('prompted'), total('taken'), total('postponed')])}</dd>
              </div>
              <div>
                <dt>{t('dashboardOverrides')}</dt>
                <dd>{String(total('overrides'))}</dd>
              </div>
            </dl>
            <ExposureChart
              rows={rows}
              labels={labels}
              text={{ exposure: t('dashboardSeriesExposure'), late: t('dashboardSeriesLate'), checkIn: t('dashboardSeriesCheckIn'), hours: t('dashboardHours') }}
              onDrawn={() => performance.mark('gauze-dashboard-drawn')}
            />
            {data.value.reveals.length > 0 && (
              <p>
                {t('dashboardRevealedByKind')}{' '}
                {data.value.reveals.map((kind) => t('dashboardKindCount', [t(kindLabels[kind.kind] ?? 'shieldKindImage'), kind.count])).join(' · ')}
              </p>
            )}
            {data.value.views.length > 0 && (
              <p data-testid="revealed-views">
                {t('dashboardRevealedByView')}{' '}
                {data.value.views.map(({ view, count }) => t('dashboardKindCount', [t(viewLabels[view]), count])).join(' · ')}
              </p>
            )}
            <details>
              <summary>{t('dashboardTable')}</summary>
              <table data-testid="table">
                <caption class="visually-hidden">{t('dashboardTableCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t(period === 'day' ? 'dashboardColDay' : period === 'week' ? 'dashboardColWeek' : 'dashboardColMonth')}</th>
                    <th scope="col">{t('dashboardSeriesExposure')}</th>
                    <th scope="col">{t('dashboardSeriesLate')}</th>
                    <th scope="col">{t('dashboardColRevealed')}</th>
                    <th scope="col">{t('dashboardColBreaks')}</th>
                    <th scope="col">{t('dashboardSeriesCheckIn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row, i) => (
                    <tr key={row.day}>
                      <th scope="row">{labels[i]}</th>
                      <td>{duration(row.exposure)}</td>
                      <td>{duration(row.late)}</td>
                      <td>{row.reveals}</td>
                      <td>{t('dashboardBreaksValue', [row.prompted, row.taken, row.postponed])}</td>
                      <td>{row.checkIn ?? '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </section>
        </>
      )}

      {/* Shown with the figures, not before them: a form that moves down when the chart arrives
          takes a click meant for something else. */}
      {data.status !== 'loading' && (
        <>
          <section class="card stack" aria-labelledby="check-in-heading">
            <h2 id="check-in-heading">{t('checkInHeading')}</h2>
            <CheckIn onSaved={() => setVersion((n) => n + 1)} />
          </section>

          {/* Locked, the figures to share and the notes wait for the passphrase; a check-in and a
              questionnaire can still be answered (they are sealed as they are kept). */}
          {data.status === 'ready' && <ShareSummary />}
          {/* Last, as it loads on its own: it can only lengthen the page, never push anything down. */}
          <Questionnaires key={version} />
          {/* Read-only, so it can be pushed down by what loads above it without harm. */}
          {data.status === 'ready' && <NotesToSelf key={version} />}
        </>
      )}
    </main>
  );
}

function periodLabel(key: string, period: Period, locale: string): string {
  // Dates without a time: formatted in UTC so no time zone can move them a day.
  const date = new Date(period === 'month' ? `${key}-01T00:00:00Z` : `${key}T00:00:00Z`);
  const options: Intl.DateTimeFormatOptions = period === 'month' ? { month: 'short', year: 'numeric', timeZone: 'UTC' } : { month: 'short', day: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

function signalTitle(signal: Signal, duration: (seconds: number) => string): string {
  switch (signal.id) {
    case 'week-above-average':
      return t('signalWeekTitle', [duration(signal.weekSeconds), duration(signal.averageSeconds)]);
    case 'late-nights':
      return t('signalLateTitle', signal.nights);
    case 'breaks-postponed':
      return t('signalPostponedTitle', [signal.postponed, signal.prompted]);
    case 'no-day-off':
      return t('signalDayOffTitle', signal.days);
  }
}

function signalExplanation(signal: Signal): string {
  const keys: Record<Signal['id'], MessageKey> = {
    'week-above-average': 'signalWeekExplain',
    'late-nights': 'signalLateExplain',
    'breaks-postponed': 'signalPostponedExplain',
    'no-day-off': 'signalDayOffExplain',
  };
  return signal.id === 'late-nights' ? t('signalLateExplain', formatHour(LATE_NIGHT_FROM_HOUR, uiLocale())) : t(keys[signal.id]);
}
