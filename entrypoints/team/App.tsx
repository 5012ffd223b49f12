import { useState } from 'preact/hooks';
import { formatDuration } from '../../utils/core/exposure/format';
import { t, uiLocale } from '../../utils/browser/i18n';
import { aggregateSummaries, readSummary, type WeeklySummary } from '../../utils/core/summary/weekly';
import { problemText } from '../../components/problem-text';
import { useAsync } from '../../components/use-async';
import { sendMessage } from '../../utils/browser/send-message';
import '../dashboard/dashboard.css';

interface Loaded {
  name: string;
  summary?: WeeklySummary;
  errors?: string[];
}

/**
 * The team view: weekly summary files that members chose to give, opened and added up on this
 * machine. Nothing is uploaded or stored; closing the page forgets them.
 */
export function App() {
  const [files, setFiles] = useState<Loaded[]>([]);
  const locale = uiLocale();
  const duration = (seconds: number) => formatDuration(seconds, locale);

  const open = async (list: FileList | null | undefined) => {
    if (!list) return;
    const loaded = await Promise.all(
      [...list].map(async (file) => {
        const read = readSummary(await file.text());
        return read.ok ? { name: file.name, summary: read.summary } : { name: file.name, errors: read.problems.map(problemText) };
      }),
    );
    setFiles([...files, ...loaded]);
  };
  // Items the team's shared reviewed-marks files cover: a count of items, never who looked at what.
  const marks = useAsync(() => sendMessage('marks/status', {}), []);
  const valid = files.flatMap((file) => (file.summary ? [file.summary] : []));
  const total = aggregateSummaries(valid);

  return (
    <main
      class="dashboard stack"
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        event.preventDefault();
        void open(event.dataTransfer?.files);
      }}
    >
      <h1>{t('teamTitle')}</h1>
      <p>{t('teamExplain')}</p>
      {marks.status === 'ready' && marks.value.key && <p data-testid="team-shared-marks">{t('dataFactSharedMarks', marks.value.imported)}</p>}
      <label class="stack">
        <span>{t('teamOpen')}</span>
        <input type="file" name="summaries" multiple accept=".json,application/json" onChange={(event) => void open((event.target as HTMLInputElement).files)} />
      </label>
      {files.some((file) => file.errors) && (
        <div role="alert" class="stack" data-testid="team-errors">
          {files
            .filter((file) => file.errors)
            .map((file) => (
              <div key={file.name}>
                <p class="error">{t('teamFileRefused', file.name)}</p>
                <ul class="errors">
                  {file.errors!.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </div>
            ))}
        </div>
      )}
      {valid.length > 0 && (
        <section class="card stack" aria-labelledby="team-total" data-testid="team-total">
          <h2 id="team-total">{t('teamTotalHeading', total.people)}</h2>
          <dl class="figures">
            <div>
              <dt>{t('teamAverageExposure')}</dt>
              <dd data-testid="team-average">{duration(total.averageExposureSeconds)}</dd>
            </div>
            <div>
              <dt>{t('teamLateNights')}</dt>
              <dd>{t('teamLateNightsValue', [total.lateNights, total.peopleWithLateNights])}</dd>
            </div>
            <div>
              <dt>{t('dashboardBreaks')}</dt>
              <dd>{t('dashboardBreaksValue', [total.breaks.prompted, total.breaks.taken, total.breaks.postponed])}</dd>
            </div>
            <div>
              <dt>{t('dashboardOverrides')}</dt>
              <dd>{String(total.bedtimeOverrides)}</dd>
            </div>
            <div>
              <dt>{t('teamCheckIns')}</dt>
              <dd>{total.checkInAverage === null ? '–' : t('teamCheckInsValue', [total.checkInAverage, total.peopleSharingCheckIns])}</dd>
            </div>
          </dl>
          <table>
            <caption class="visually-hidden">{t('teamTableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('teamColFile')}</th>
                <th scope="col">{t('teamColWeek')}</th>
                <th scope="col">{t('dashboardSeriesExposure')}</th>
                <th scope="col">{t('teamLateNights')}</th>
                <th scope="col">{t('dashboardColBreaks')}</th>
              </tr>
            </thead>
            <tbody>
              {files
                .filter((file) => file.summary)
                .map(({ name, summary }) => (
                  <tr key={name}>
                    <th scope="row">{name}</th>
                    <td>{summary!.weekStarting}</td>
                    <td>{duration(summary!.exposureSeconds)}</td>
                    <td>{summary!.lateNights}</td>
                    <td>{t('dashboardBreaksValue', [summary!.breaks.prompted, summary!.breaks.taken, summary!.breaks.postponed])}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      )}
    </main>
  );
}
