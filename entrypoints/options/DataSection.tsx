import { useState } from 'preact/hooks';
import { useAsync } from '../../components/use-async';
import { saveFile } from '../../components/save-file';
import { exportToCsv } from '../../utils/core/data/export';
import { t } from '../../utils/browser/i18n';
import { sendMessage } from '../../utils/browser/send-message';


/** What Gauze keeps, read from the background: a person can check it, take it, or erase it. */
export function DataSection({ version, onErased }: { version: number; onErased(): void }) {
  const [erasing, setErasing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);
  const summary = useAsync(() => sendMessage('storage/summary', {}), [version, refresh]);

  const exportAs = (kind: 'json' | 'csv') => async () => {
    const data = await sendMessage('data/export', {});
    const day = data.exportedAt.slice(0, 10);
    if (kind === 'json') saveFile(`gauze-export-${day}.json`, 'application/json', JSON.stringify(data, null, 2));
    else saveFile(`gauze-export-${day}.csv`, 'text/csv', exportToCsv(data));
    setMessage(t('dataExported'));
  };
  const erase = async () => {
    await sendMessage('data/erase', { confirm: 'erase everything' });
    setErasing(false);
    setMessage(t('dataErased'));
    setRefresh((n) => n + 1);
    onErased();
  };

  return (
    <section class="card stack" aria-labelledby="data-heading" aria-busy={summary.status === 'loading'}>
      <h2 id="data-heading">{t('optionsDataHeading')}</h2>
      <p>{t('optionsDataBody')}</p>
      {summary.status === 'loading' && <p class="muted">{t('optionsDataLoading')}</p>}
      {summary.status === 'error' && (
        <p class="error" role="alert">
          {t('optionsDataError', summary.error)}
        </p>
      )}
      {summary.status === 'ready' && (
        <div class="data-summary" data-testid="data-summary">
          <p>{t('optionsDataSchema', summary.value.schemaVersion)}</p>
          {summary.value.installedAt !== null && (
            <p>{t('optionsDataInstalled', new Date(summary.value.installedAt).toLocaleDateString(document.documentElement.lang, { dateStyle: 'long' }))}</p>
          )}
          <ul>
            {summary.value.stores.map((store) => (
              <li key={store.name}>{t('optionsDataStore', [store.name, store.count])}</li>
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
            <button type="button" class="primary" autoFocus onClick={() => setErasing(false)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      {message && (
        <p role="status" data-testid="data-message">
          {message}
        </p>
      )}
    </section>
  );
}
