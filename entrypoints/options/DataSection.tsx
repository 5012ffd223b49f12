import { useState } from 'preact/hooks';
import { useAsync } from '../../components/use-async';
import { saveFile } from '../../components/save-file';
import { exportToCsv } from '../../utils/core/data/export';
import { t, type MessageKey } from '../../utils/browser/i18n';
import { sendMessage } from '../../utils/browser/send-message';
import { errorText } from '../../components/error-text';
import type { Reply } from '../../utils/core/messaging';
import { focusOnMount } from '../../components/focus-on-mount';

type Facts = Reply<'storage/summary'>['facts'];
/** Each kind of thing Gauze keeps, as a line of "Your data" (a plural message on its count). */
const factLines: Array<[keyof Facts, MessageKey]> = [
  ['exposureDays', 'dataFactDays'],
  ['sites', 'dataFactSites'],
  ['reveals', 'dataFactReveals'],
  ['notes', 'dataFactNotes'],
  ['sharedMarks', 'dataFactSharedMarks'],
  ['checkIns', 'dataFactCheckIns'],
  ['memos', 'dataFactMemos'],
  ['answers', 'dataFactAnswers'],
  ['breaks', 'dataFactBreaks'],
  ['overrides', 'dataFactOverrides'],
];

/** What Gauze keeps, read from the background: a person can check it, take it, or erase it. */
export function DataSection({ version, onErased }: { version: number; onErased(): void }) {
  // Opened by the erase shortcut (#erase): the question is already asked.
  const [erasing, setErasing] = useState(location.hash === '#erase');
  const [message, setMessage] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);
  const summary = useAsync(() => sendMessage('storage/summary', {}), [version, refresh]);

  const [failed, setFailed] = useState(false);
  const exportAs = (kind: 'json' | 'csv') => async () => {
    try {
      const data = await sendMessage('data/export', {});
      const day = data.exportedAt.slice(0, 10);
      if (kind === 'json') saveFile(`gauze-export-${day}.json`, 'application/json', JSON.stringify(data, null, 2));
      else saveFile(`gauze-export-${day}.csv`, 'text/csv', exportToCsv(data));
      setFailed(false);
      setMessage(t('dataExported'));
    } catch (error) {
      setFailed(true);
      setMessage(errorText(error, 'dataExportFailed'));
    }
  };
  const erase = async () => {
    try {
      await sendMessage('data/erase', { confirm: 'erase everything' });
      setErasing(false);
      setFailed(false);
      setMessage(t('dataErased'));
      setRefresh((n) => n + 1);
      onErased();
    } catch (error) {
      setFailed(true);
      setMessage(errorText(error, 'dataEraseFailed'));
    }
  };

  return (
    <section class="card stack" id="data" aria-labelledby="data-heading" aria-busy={summary.status === 'loading'}>
      <h2 id="data-heading" tabIndex={-1}>{t('optionsDataHeading')}</h2>
      <p>{t('optionsDataBody')}</p>
      {summary.status === 'loading' && <p class="muted">{t('optionsDataLoading')}</p>}
      {summary.status === 'error' && (
        <p class="error" role="alert">
          {t('optionsDataError')}
        </p>
      )}
      {summary.status === 'ready' && (
        <div class="data-summary" data-testid="data-summary">
          <p>
            {summary.value.installedAt !== null
              ? t('dataKeptSince', new Date(summary.value.installedAt).toLocaleDateString(document.documentElement.lang, { dateStyle: 'long' }))
              : t('dataKept')}
          </p>
          <ul>
            {factLines.map(([fact, key]) => (
              <li key={fact} data-fact={fact}>
                {t(key, summary.value.facts[fact])}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="row">
        <button type="button" onClick={() => void exportAs('json')()}>
          {t('dataExportJson')}
        </button>
        <button type="button" onClick={() => void exportAs('csv')()}>
          {t('dataExportCsv')}
        </button>
        <button type="button" onClick={() => setErasing(true)}>
          {t('dataErase')}
        </button>
      </div>
      {erasing && (
        <div class="card stack confirm" role="alertdialog" aria-labelledby="erase-question">
          <p id="erase-question">{t('dataEraseConfirm')}</p>
          <div class="row">
            <button type="button" onClick={() => void erase()}>
              {t('dataEraseYes')}
            </button>
            <button type="button" class="primary" ref={focusOnMount} onClick={() => setErasing(false)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      {message && (
        <p role={failed ? 'alert' : 'status'} class={failed ? 'error' : undefined} data-testid="data-message">
          {message}
        </p>
      )}
    </section>
  );
}
