import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_NAME } from '../db/schema';
import { createStorage } from '../db/storage';
import type { RevealLock } from '../limits/lock';
import { defaultLimits } from '../limits/limits';
import { createBreaksService } from './breaks';
import { createGuardService } from './guard';
import { startServices } from './index';
import type { ServiceEvents } from './types';

const opened: Array<ReturnType<typeof createStorage>> = [];
afterEach(async () => {
  for (const storage of opened.splice(0)) (await storage.get()).close();
  await deleteDB(DB_NAME);
});

const MIN = 60_000;
const page = { hasTab: false } as const;
// 2026-03-02 10:00 UTC, a Monday; the machine's time zone is UTC in the test run.
const T0 = Date.UTC(2026, 2, 2, 10);
const settle = () => new Promise((resolve) => setTimeout(resolve, 60));

async function setup() {
  const storage = createStorage();
  opened.push(storage);
  const clock = { now: T0 };
  const told: Array<RevealLock | null> = [];
  const said: string[] = [];
  const wakes: Array<number | null> = [];
  let events: ServiceEvents | undefined;
  const exposure = { id: 'exposure', start: (context: { events: ServiceEvents }) => void (events = context.events) };
  const breaks = createBreaksService({ warn: async () => {}, prompt: async (kind) => void said.push(`prompt ${kind}`) });
  const guard = createGuardService({
    broadcastLock: async (lock) => void told.push(lock),
    wakeAt: async (at) => void wakes.push(at),
    onWake: () => {},
    notifySoftCap: async (minutes) => void said.push(`soft cap ${minutes}`),
  });
  const handlers = startServices([exposure, breaks, guard], { storage, now: () => clock.now, version: '1' });
  await settle();
  /** Exposure has run from `startMin` to `nowMin` (minutes after T0); the clock ticks. */
  const exposed = async (startMin: number, nowMin: number) => {
    clock.now = T0 + nowMin * MIN;
    await storage.exposure.save({ site: 'x.com', start: T0 + startMin * MIN, seen: clock.now, timeZone: 'UTC' }, []);
    events!.emit('exposure-ticked');
    await settle();
  };
  const lock = async () => ((await handlers.limits!({}, 'page', page)) as { lock: RevealLock | null }).lock;
  return { storage, clock, told, said, wakes, handlers, exposed, lock };
}

describe('guard', () => {
  it('tells the tabs at start that nothing is locked', async () => {
    const { told } = await setup();
    expect(told).toEqual([null]);
  });

  it('strict breaks: a prompted break locks reveals for its length; postponing lifts the lock', async () => {
    const { handlers, exposed, told, lock, wakes, clock } = await setup();
    await handlers.limits!({ limits: { ...defaultLimits, strictBreaks: true } }, 'page', page);
    await exposed(0, 50);
    const until = T0 + 55 * MIN;
    expect(await lock()).toEqual({ reason: 'break', until });
    expect(told.at(-1)).toEqual({ reason: 'break', until });
    expect(wakes.at(-1)).toBe(until); // the alarm marks the end
    await handlers['breaks/postpone']!({}, 'page', page);
    await settle();
    expect(told.at(-1)).toBeNull();
    expect(await lock()).toBeNull();
    // Without a postponement, the lock ends by itself at its time.
    clock.now = until + 1;
    expect(await lock()).toBeNull();
  });

  it('without strict breaks, a break does not lock reveals', async () => {
    const { exposed, lock, said } = await setup();
    await exposed(0, 50);
    expect(said).toContain('prompt pause');
    expect(await lock()).toBeNull();
  });

  it('the soft cap is said once per day; the hard cap locks until the next exposure day', async () => {
    const { handlers, storage, exposed, said, lock } = await setup();
    await handlers.limits!({ limits: { ...defaultLimits, softCapMinutes: 60, hardCapMinutes: 120 } }, 'page', page);
    // Earlier work today, with natural breaks between (so no break prompt interferes).
    await storage.exposure.save(null, [{ site: 'x.com', start: T0 - 200 * MIN, end: T0 - 150 * MIN, timeZone: 'UTC' }]);
    await exposed(0, 9);
    expect(said).toEqual([]);
    await exposed(0, 10);
    expect(said).toEqual(['soft cap 60']);
    await exposed(0, 20);
    expect(said).toEqual(['soft cap 60']);
    expect(await lock()).toBeNull();
    await storage.exposure.save(null, [{ site: 'x.com', start: T0, end: T0 + 45 * MIN, timeZone: 'UTC' }]);
    await exposed(60, 85);
    // 50 + 45 + 25 = 120 minutes: locked until 04:00 tomorrow (UTC here).
    expect(await lock()).toEqual({ reason: 'cap', until: Date.UTC(2026, 2, 3, 4) });
  });

  it('refuses malformed limits and keeps the stored ones', async () => {
    const { handlers } = await setup();
    await expect(handlers.limits!({ limits: { ...defaultLimits, hardCapMinutes: -5 } }, 'page', page)).rejects.toThrow();
    expect(((await handlers.limits!({}, 'page', page)) as { limits: unknown }).limits).toEqual(defaultLimits);
  });
});
