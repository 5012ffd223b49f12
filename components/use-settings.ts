import { useEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../utils/browser/i18n';
import { errorText } from './error-text';

export type SaveStatus = { kind: 'saved' | 'error'; text: string } | null;

/**
 * A settings section's values, saved as they are made: every change goes to the background at
 * once, in order, and the section says "Saved" or why not. A change the background refuses is
 * undone on screen, so what the form shows is always what is kept.
 */
export function useSettings<T>(load: () => Promise<T>, store: (value: T) => Promise<T>, savedKey: MessageKey) {
  const [value, setValue] = useState<T | null>(null);
  const [status, setStatus] = useState<SaveStatus>(null);
  const kept = useRef<T | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  useEffect(() => {
    void load().then(
      (loaded) => {
        kept.current = loaded;
        setValue(loaded);
      },
      (error: unknown) => setStatus({ kind: 'error', text: errorText(error, 'errorNotRead') }),
    );
  }, []);
  const save = (next: T): Promise<unknown> => {
    setValue(next);
    setStatus(null);
    queue.current = queue.current.then(async () => {
      try {
        kept.current = await store(next);
        setValue(kept.current);
        setStatus({ kind: 'saved', text: t(savedKey) });
      } catch (error) {
        setValue(kept.current);
        setStatus({ kind: 'error', text: errorText(error) });
      }
    });
    return queue.current;
  };
  return { value, save, status };
}
