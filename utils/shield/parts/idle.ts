/** How long one slice of deferred work may run: short enough never to hold up the page's next frame. */
const SLICE_MS = 5;

type Schedule = (work: () => void) => () => void;

/** In the page's idle time (at the latest after a second). */
const inIdleTime: Schedule = (work) => {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(work, { timeout: 1000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(work, 50);
  return () => clearTimeout(id);
};

/**
 * Just after a frame is painted: style and layout are up to date then, so reading computed style
 * costs a lookup, not a recalculation of the page's style that the browser would do again later.
 */
export const afterPaint: Schedule = (work) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(work)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
};

/**
 * Work that can wait, done first in, first out, a few milliseconds at a time. Nothing scheduled
 * runs after the signal ends (a stopped shield must not re-arm observers).
 */
export function idleQueue<T>(signal: AbortSignal, handle: (value: T, inBudget: () => boolean) => void, schedule: Schedule = inIdleTime): { push(value: T): void } {
  const queue: T[] = [];
  let head = 0;
  let cancel: (() => void) | null = null;
  const run = () => {
    cancel = null;
    if (signal.aborted) return;
    const started = performance.now();
    const inBudget = () => performance.now() - started < SLICE_MS;
    while (head < queue.length && inBudget()) handle(queue[head++]!, inBudget);
    if (head >= queue.length) {
      queue.length = 0;
      head = 0;
    } else cancel = schedule(run);
  };
  signal.addEventListener('abort', () => {
    cancel?.();
    queue.length = 0;
  }, { once: true });
  return {
    push(value) {
      if (signal.aborted) return;
      queue.push(value);
      cancel ??= schedule(run);
    },
  };
}
