import { serviceBase, storagePerTest } from './testing';
import { describe, expect, it } from 'vitest';
import { createBreaksService } from './breaks';
import { startServices } from './index';
import type { ServiceEvents } from './types';

const newStorage = storagePerTest();

const MIN = 60_000;
const page = { hasTab: false } as const;

async function setup() {
  const storage = newStorage();
  const clock = { now: 0 };
  const said: string[] = [];
  let events: ServiceEvents | undefined;
  const breaks = createBreaksService({
    warn: async (kind, seconds) => void said.push(`warn ${kind} ${seconds}`),
    prompt: async (kind, minutes, canPostpone) => void said.push(`prompt ${kind} ${minutes} ${canPostpone}`),
  });
  // Stands in for the exposure service: records exposure and says it ticked.
  const exposure = { id: 'exposure', start: (context: { events: ServiceEvents }) => void (events = context.events) };
  const handlers = startServices([exposure, breaks], serviceBase({ storage, now: () => clock.now }));
  /** Exposure has run from `startMin` to `nowMin`; the clock ticks. */
  const exposed = async (startMin: number, nowMin: number) => {
    clock.now = nowMin * MIN;
    await storage.exposure.save({ site: 'x.com', start: startMin * MIN, seen: clock.now, timeZone: 'UTC' }, []);
    const before = said.length;
    await events!.emit('exposure-ticked');
    return said.slice(before);
  };
  return { storage, clock, said, handlers, exposed };
}

describe('breaks service', () => {
  it('warns once before a pause, prompts once when it is due, and records the prompt', async () => {
    const { exposed, storage } = await setup();
    expect(await exposed(0, 40)).toEqual([]);
    expect(await exposed(0, 49.2)).toEqual(['warn pause 48']);
    expect(await exposed(0, 49.5)).toEqual([]); // already warned for this stretch
    expect(await exposed(0, 50)).toEqual(['prompt pause 5 true']);
    expect(await exposed(0, 50.5)).toEqual([]); // already prompted
    expect((await storage.everything()).breaks).toEqual([{ at: 50 * MIN, kind: 'pause', action: 'prompted' }]);
  });

  it('after a natural break, the next pause is warned about and prompted again', async () => {
    const { exposed, storage } = await setup();
    expect(await exposed(0, 49.2)).toEqual(['warn pause 48']);
    expect(await exposed(0, 50)).toEqual(['prompt pause 5 true']);
    // The person steps away from 50 to 57 (longer than the pause), then works on.
    await storage.exposure.save(null, [{ site: 'x.com', start: 0, end: 50 * MIN, timeZone: 'UTC' }]);
    expect(await exposed(57, 57 + 49.2)).toEqual(['warn pause 48']);
    expect(await exposed(57, 57 + 50)).toEqual(['prompt pause 5 true']);
    // The first pause was taken (recorded when exposure resumed), the second is pending.
    expect((await storage.everything()).breaks.map((b) => `${b.action}@${b.at / MIN}`)).toEqual(['prompted@50', 'taken@106.2', 'prompted@107']);
  });

  it('a prompted break that is not taken is not recorded as taken', async () => {
    const { exposed, storage } = await setup();
    await exposed(0, 50);
    await exposed(0, 52);
    await exposed(0, 54);
    expect((await storage.everything()).breaks.map((b) => b.action)).toEqual(['prompted']);
  });

  it('a postponed break comes back after the postponement, and postponing is limited', async () => {
    const { exposed, handlers, clock } = await setup();
    await exposed(0, 50);
    clock.now = 50 * MIN;
    expect(await handlers['breaks/postpone']!({}, 'page', page)).toEqual({ postponed: true });
    expect(await exposed(0, 53)).toEqual([]);
    expect(await exposed(0, 55.5)).toEqual(['prompt pause 5 true']);
    expect(await handlers['breaks/postpone']!({}, 'page', page)).toEqual({ postponed: true });
    expect(await exposed(0, 61)).toEqual(['prompt pause 5 false']);
    expect(await handlers['breaks/postpone']!({}, 'page', page)).toEqual({ postponed: false });
  });

  it('tells the popup how much exposure is left before the next break', async () => {
    const { exposed, handlers } = await setup();
    await exposed(0, 40);
    expect(await handlers['breaks/next']!({}, 'page', page)).toEqual({ kind: null, inSeconds: 600 });
    await exposed(0, 49.5);
    expect(await handlers['breaks/next']!({}, 'page', page)).toEqual({ kind: 'pause', inSeconds: 30 });
    await exposed(0, 50);
    expect(await handlers['breaks/next']!({}, 'page', page)).toEqual({ kind: 'pause', inSeconds: 0 });
  });

  it('rules can be read and set', async () => {
    const { handlers } = await setup();
    const { rules } = (await handlers['breaks/rules']!({}, 'page', page)) as { rules: { pauseEveryMinutes: number } };
    expect(rules.pauseEveryMinutes).toBe(50);
    await handlers['breaks/rules']!({ rules: { ...rules, pauseEveryMinutes: 30 } as never }, 'page', page);
    expect(((await handlers['breaks/rules']!({}, 'page', page)) as { rules: { pauseEveryMinutes: number } }).rules.pauseEveryMinutes).toBe(30);
  });
});
