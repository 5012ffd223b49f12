/**
 * Runs async work one piece at a time, in order. A failed piece does not stop the ones after it;
 * its caller sees the failure. Used where two quick events must not interleave their reads and
 * writes (flagging, the exposure clock, the break scheduler).
 */
export function createSerial() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const next = tail.then(work, work);
    tail = next.catch(() => undefined);
    return next;
  };
}

export type Serial = ReturnType<typeof createSerial>;
