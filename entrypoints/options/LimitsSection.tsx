import { useEffect, useState } from 'preact/hooks';
import type { Limits } from '../../utils/limits/limits';
import { t } from '../../utils/i18n';
import { sendMessage } from '../../utils/send-message';

/** Daily soft and hard caps, and strict breaks (docs/evidence.md explains the defaults). */
export function LimitsSection() {
  const [limits, setLimits] = useState<Limits | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    void sendMessage('limits', {}).then((reply) => setLimits(reply.limits));
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    if (!limits) return;
    try {
      setLimits((await sendMessage('limits', { limits })).limits);
      setStatus(t('limitsSaved'));
    } catch (error) {
      setStatus(error instanceof Error ? error.message : String(error));
    }
  };
  const minutes = (key: 'softCapMinutes' | 'hardCapMinutes') => (event: Event) =>
    limits && setLimits({ ...limits, [key]: Number((event.target as HTMLInputElement).value) });

  return (
    <section class="card stack" aria-labelledby="limits-heading">
      <h2 id="limits-heading">{t('limitsHeading')}</h2>
      <p>{t('limitsExplain')}</p>
      {limits && (
        <form class="stack" onSubmit={(event) => void save(event)}>
          <label class="row number">
            <span>{t('limitsSoftCap')}</span>
            <input type="number" name="softCapMinutes" min={0} max={1440} step={15} value={limits.softCapMinutes} onInput={minutes('softCapMinutes')} />
          </label>
          <label class="row number">
            <span>{t('limitsHardCap')}</span>
            <input type="number" name="hardCapMinutes" min={0} max={1440} step={15} value={limits.hardCapMinutes} onInput={minutes('hardCapMinutes')} />
          </label>
          <label class="row">
            <input type="checkbox" name="strictBreaks" checked={limits.strictBreaks} onChange={() => setLimits({ ...limits, strictBreaks: !limits.strictBreaks })} />
            {t('limitsStrict')}
          </label>
          <div class="row">
            <button type="submit" class="primary">
              {t('save')}
            </button>
          </div>
          {status && <p role="status">{status}</p>}
        </form>
      )}
    </section>
  );
}
