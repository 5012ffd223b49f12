/** How long one idle slice may run: short enough never to hold up the page's next frame. */
const SLICE_MS = 6;

const requestIdle = (work: () => void): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(work, { timeout: 1000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(work, 50);
  return () => clearTimeout(id);
};

/**
 * Work that can wait for idle time, done first in, first out, a few milliseconds at a time. Nothing
 * scheduled runs after the signal ends (a stopped shield must not re-arm observers).
 */
export function idleQueue<T>(signal: AbortSignal, handle: (value: T) => void): { push(value: T): void } {
  const queue: T[] = [];
  let head = 0;
  let cancel: (() => void) | null = null;
  const run = () => {
    cancel = null;
    if (signal.aborted) return;
    const started = performance.now();
    while (head < queue.length && performance.now() - started < SLICE_MS) handle(queue[head++]!);
    if (head >= queue.length) {
      queue.length = 0;
      head = 0;
    } else cancel = requestIdle(run);
  };
  signal.addEventListener('abort', () => {
    cancel?.();
    queue.length = 0;
  }, { once: true });
  return {
    push(value) {
      if (signal.aborted) return;
      queue.push(value);
      cancel ??= requestIdle(run);
    },
  };
}
