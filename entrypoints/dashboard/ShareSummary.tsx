import { useState } from 'preact/hooks';
import { saveFile } from '../../components/save-file';
import { t } from '../../utils/browser/i18n';
import { sendMessage } from '../../utils/browser/send-message';
import { weeklySummary } from '../../utils/core/summary/weekly';

/** A weekly summary file (totals only) that a person may choose to give to a supervisor or psychologist. */
export function ShareSummary() {
  const [checkIns, setCheckIns] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const save = async () => {
    const { days } = await sendMessage('dashboard/data', { days: 7 });
    const summary = weeklySummary(days, checkIns);
    saveFile(`gauze-week-${summary.weekStarting}.json`, 'application/json', JSON.stringify(summary, null, 2));
    setStatus(t('shareSaved'));
  };
  return (
    <section class="card stack" aria-labelledby="share-heading" data-testid="share">
      <h2 id="share-heading">{t('shareHeading')}</h2>
      <p>{t('shareExplain')}</p>
      <label class="row">
        <input type="checkbox" name="share-check-ins" checked={checkIns} onChange={() => setCheckIns(!checkIns)} />
        {t('shareCheckIns')}
      </label>
      <div class="row">
        <button type="button" onClick={() => void save()}>
          {t('shareSave')}
        </button>
      </div>
      {status && <p role="status">{status}</p>}
    </section>
  );
}
