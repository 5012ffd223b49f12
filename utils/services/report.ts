/** Whether an error only says the browser is closing (Chromium: "The browser is shutting down."). */
export const isShutdown = (error: unknown): boolean => error instanceof Error && /\bshutting down\b/i.test(error.message);

/**
 * A catch handler for background work that logs what failed, in the words of `what`. A browser
 * closing while work is queued is not a failure: nothing is logged then (the work is redone from
 * stored state at the next start).
 */
export function reportFailure(what: string): (error: unknown) => void {
  return (error) => {
    if (!isShutdown(error)) console.error(`Gauze: ${what}`, error);
  };
}
