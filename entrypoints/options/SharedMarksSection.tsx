import { useState } from 'preact/hooks';
import { useAsync } from '../../components/use-async';
import { saveFile } from '../../components/save-file';
import { errorText } from '../../components/error-text';
import { problemText } from '../../components/problem-text';
import { t } from '../../utils/browser/i18n';
import { sendMessage } from '../../utils/browser/send-message';
import { SHARED_MARKS_MAX_CHARACTERS } from '../../utils/core/marks/shared-marks';

/** What one added file came to: how many new items, or why it was refused (nothing changed). */
type Outcome = { file: string; added: number } | { file: string; problems: string[] };

/**
 * Reviewed marks shared with the team (issue 17): the person saves a file of what they reviewed,
 * named only by the team key's ids, and adds colleagues' files. Nothing is sent: the file travels
 * however the team chooses. Without a key in the team policy, or with nothing reviewed, the share
 * button is off and says why.
 */
export function SharedMarksSection({ version }: { version: number }) {
  const [refresh, setRefresh] = useState(0);
  const status = useAsync(() => sendMessage('marks/status', {}), [version, refresh]);
  const [includeNotes, setIncludeNotes] = useState(false);
  const [notice, setNotice] = useState<{ text: string; failed: boolean } | null>(null);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);

  const share = async () => {
    try {
      const { file } = await sendMessage('marks/share', { includeNotes });
      saveFile(`gauze-shared-marks-${file.made}.json`, 'application/json', JSON.stringify(file, null, 2));
      setNotice({ text: t('marksShared', file.marks.length), failed: false });
    } catch (error) {
      setNotice({ text: errorText(error, 'marksShareFailed'), failed: true });
    }
  };

  /** Each file on its own: a bad one is refused in words and the others are still added. */
  const addFiles = async (files: FileList | null | undefined) => {
    if (!files?.length) return;
    setNotice(null);
    const results: Outcome[] = [];
    for (const file of files) {
      try {
        // A file far too large is refused here, before it is read whole or sent anywhere.
        const text = file.size > SHARED_MARKS_MAX_CHARACTERS * 4 ? null : await file.text();
        if (text === null || text.length > SHARED_MARKS_MAX_CHARACTERS) {
          results.push({ file: file.name, problems: [problemText({ path: [], kind: 'too-large' })] });
          continue;
        }
        const reply = await sendMessage('marks/import', { text });
        results.push(reply.imported ? { file: file.name, added: reply.added } : { file: file.name, problems: reply.problems.map(problemText) });
      } catch (error) {
        results.push({ file: file.name, problems: [errorText(error, 'marksImportFailed')] });
      }
    }
    setOutcomes(results);
    setRefresh((n) => n + 1);
  };

  const value = status.status === 'ready' ? status.value : null;
  const reason = !value ? null : !value.key ? t('marksNoKey') : value.locked ? t('vaultLockedNotice') : value.shareable === 0 ? t('marksNothingReviewed') : null;
  return (
    <section class="card stack" id="shared-marks" aria-labelledby="marks-heading" data-testid="shared-marks" aria-busy={status.status === 'loading'}>
      <h2 id="marks-heading" tabIndex={-1}>{t('marksHeading')}</h2>
      <p>{t('marksExplain')}</p>
      {value?.key && <p data-testid="marks-imported">{t('dataFactSharedMarks', value.imported)}</p>}
      {reason && (
        <p class="muted" id="marks-reason" data-testid="marks-reason">
          {reason}
        </p>
      )}
      <label class="row">
        <input type="checkbox" name="include-notes" checked={includeNotes} disabled={!value?.key} onChange={() => setIncludeNotes(!includeNotes)} />
        {t('marksIncludeNotes')}
      </label>
      <div class="row">
        <button type="button" disabled={!value || reason !== null} aria-describedby={reason ? 'marks-reason' : undefined} onClick={() => void share()}>
          {t('marksShare')}
        </button>
      </div>
      <label class="stack">
        <span>{t('marksImportLabel')}</span>
        <input
          type="file"
          name="shared-marks-files"
          multiple
          accept=".json,application/json"
          disabled={!value?.key}
          aria-describedby={value && !value.key ? 'marks-reason' : undefined}
          onChange={(event) => void addFiles((event.target as HTMLInputElement).files)}
        />
      </label>
      {outcomes.length > 0 && (
        <div class="stack" data-testid="marks-outcomes">
          {outcomes.map((outcome) =>
            'added' in outcome ? (
              <p key={outcome.file} role="status">
                {t('marksImported', [outcome.file, outcome.added])}
              </p>
            ) : (
              <div key={outcome.file} role="alert" class="stack">
                <p class="error">{t('marksImportRefused', outcome.file)}</p>
                <ul class="problems">
                  {outcome.problems.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </div>
            ),
          )}
        </div>
      )}
      {notice && (
        <p role={notice.failed ? 'alert' : 'status'} class={notice.failed ? 'error' : undefined} data-testid="marks-message">
          {notice.text}
        </p>
      )}
    </section>
  );
}
