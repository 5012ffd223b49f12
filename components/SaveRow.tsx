import { t, type MessageKey } from '../utils/browser/i18n';

/** A form's submit button and the status of the last attempt, said to screen readers as it changes. */
export function SaveRow({ status, label = 'save' }: { status: string | null; label?: MessageKey }) {
  return (
    <>
      <div class="row">
        <button type="submit" class="primary">
          {t(label)}
        </button>
      </div>
      {status && <p role="status">{status}</p>}
    </>
  );
}
