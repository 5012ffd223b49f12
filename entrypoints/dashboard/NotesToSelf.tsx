import { useAsync } from '../../components/use-async';
import { formatClock } from '../../utils/core/exposure/format';
import { t, uiLocale } from '../../utils/browser/i18n';
import { sendMessage } from '../../utils/browser/send-message';

/** The notes the person wrote on the bedtime page, newest first: only they ever read them, here. */
export function NotesToSelf() {
  const memos = useAsync(() => sendMessage('memos/latest', {}));
  const locale = uiLocale();
  return (
    <section class="card stack" aria-labelledby="memos-heading" data-testid="notes-to-self">
      <h2 id="memos-heading">{t('memosHeading')}</h2>
      {memos.status === 'error' && <p class="error">{t('errorNotRead')}</p>}
      {memos.status === 'ready' && memos.value.memos.length === 0 && <p class="muted">{t('memosNone')}</p>}
      {memos.status === 'ready' && memos.value.memos.length > 0 && (
        <ul class="memos">
          {memos.value.memos.map((memo) => (
            <li key={memo.at}>
              <time dateTime={new Date(memo.at).toISOString()} class="muted">
                {new Date(memo.at).toLocaleDateString(locale, { dateStyle: 'medium' })} {formatClock(memo.at, locale)}
              </time>
              <p dir="auto">{memo.text}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
