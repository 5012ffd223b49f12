import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '../utils/browser/i18n';

/**
 * A settings form's state: loaded once, edited locally, saved on submit (the background validates
 * and answers with what it stored, or an error naming the field, which is shown as the status).
 */
export function useSettings<T>(load: () => Promise<T>, store: (value: T) => Promise<T>, savedKey: MessageKey) {
  const [value, setValue] = useState<T | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    void load().then(setValue, (error: unknown) => setStatus(error instanceof Error ? error.message : String(error)));
  }, []);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (value === null) return;
    try {
      setValue(await store(value));
      setStatus(t(savedKey));
    } catch (error) {
      setStatus(error instanceof Error ? error.message : String(error));
    }
  };
  return { value, setValue, status, submit };
}
