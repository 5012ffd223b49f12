import { useAsync } from '../../components/use-async';
import { t } from '../../utils/i18n';
import { sendMessage } from '../../utils/send-message';

/** What Gauze keeps, read from the background: a person can check that it is little, and local. */
export function DataSection({ version }: { version: number }) {
  const summary = useAsync(() => sendMessage('storage/summary', {}), [version]);
  return (
    <section class="card" aria-labelledby="data-heading" aria-busy={summary.status === 'loading'}>
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
          <p>{t('optionsDataSchema', String(summary.value.schemaVersion))}</p>
          {summary.value.installedAt !== null && (
            <p>{t('optionsDataInstalled', new Date(summary.value.installedAt).toLocaleDateString(document.documentElement.lang, { dateStyle: 'long' }))}</p>
          )}
          <ul>
            {summary.value.stores.map((store) => (
              <li key={store.name}>{t('optionsDataStore', [store.name, String(store.count)])}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
