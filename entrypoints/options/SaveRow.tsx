import { t } from '../../utils/browser/i18n';

/** A settings form's save button and the status of the last save. */
export function SaveRow({ status }: { status: string | null }) {
  return (
    <>
      <div class="row">
        <button type="submit" class="primary">
          {t('save')}
        </button>
      </div>
      {status && <p role="status">{status}</p>}
    </>
  );
}
