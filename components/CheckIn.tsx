import { useState } from 'preact/hooks';
import { t } from '../utils/browser/i18n';
import { SaveRow } from './SaveRow';
import { sendMessage } from '../utils/browser/send-message';
import './check-in.css';

const RATINGS = Array.from({ length: 11 }, (_, i) => i);

/**
 * A private check-in: how the person is doing, 0 to 10 in Gauze's own words, and an optional
 * note. Kept on this machine only; drawn in the dashboard beside exposure.
 */
export function CheckIn({ onSaved }: { onSaved?: () => void }) {
  const [rating, setRating] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<string | null>(null);

  const save = async (event: Event) => {
    event.preventDefault();
    if (rating === null) return setStatus(t('checkInChoose'));
    try {
      await sendMessage('checkins/add', { rating, note });
      setStatus(t('checkInSaved'));
      setRating(null);
      setNote('');
      onSaved?.();
    } catch (error) {
      setStatus(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <form class="stack check-in" onSubmit={(event) => void save(event)} data-testid="check-in">
      <fieldset class="ratings">
        <legend>{t('checkInQuestion')}</legend>
        <p class="muted" id="check-in-scale">
          {t('checkInScale')}
        </p>
        <div class="row">
          {RATINGS.map((value) => (
            <label key={value} class="rating">
              <input type="radio" name="rating" value={value} checked={rating === value} aria-describedby="check-in-scale" onChange={() => setRating(value)} />
              <span>{value}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label class="stack">
        <span>{t('checkInNote')}</span>
        <textarea name="note" maxLength={1000} rows={2} value={note} onInput={(event) => setNote((event.target as HTMLTextAreaElement).value)} />
      </label>
      <SaveRow status={status} label="checkInSave" />
    </form>
  );
}
