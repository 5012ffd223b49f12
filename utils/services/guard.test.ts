import { describe, expect, it, vi } from 'vitest';
import type { RevealLock } from '../core/limits/lock';
import { defaultLimits } from '../core/limits/limits';
import { defaultBedtime, type Bedtime } from '../core/bedtime/schedule';
import { chooseTimeZone } from '../core/exposure/days';
import { createBreaksService } from './breaks';
import { PATIENCE, fakeAdapters, serviceBase, storagePerTest } from './testing';
import { createGuardService } from './guard';
import { startServices } from './index';
import type { ServiceEvents } from './types';

const newStorage = storagePerTest();

const MIN = 60_000;
const page = { hasTab: false } as const;
// 2026-03-02 10:00 UTC, a Monday; the machine's time zone is UTC in the test run.
const T0 = Date.UTC(2026, 2, 2, 10);

async function setup() {
  const storage = newStorage();
  const clock = { now: T0 };
  const told: Array<RevealLock | null> = [];
  const said: string[] = [];
  const wakes: Array<number | null> = [];
  let events: ServiceEvents | undefined;
  let navigated: ((tabId: number, url: string) => void) | undefined;
  const exposure = { id: 'exposure', start: (context: { events: ServiceEvents }) => void (events = context.events) };
  const breaks = createBreaksService({ warn: async () => {}, prompt: async (kind) => void said.push(`prompt ${kind}`) });
  const guard = createGuardService({
    broadcastLock: async (lock) => void told.push(lock),
    wakeAt: async (at) => void wakes.push(at),
    onWake: fakeAdapters().guard.onWake,
    notifySoftCap: async (minutes) => void said.push(`soft cap ${minutes}`),
    warnWindDown: async (startsAt) => void said.push(`wind-down ${startsAt}`),
    divert: async (isFlagged) => void said.push(`divert ${['https://x.com/a', 'https://other.org/'].filter(isFlagged).join(' ')}`),
    divertTab: async (tabId, url) => void said.push(`divert tab ${tabId} ${url}`),
    onNavigated: (listener) => void (navigated = listener),
    setGreyscale: async (on) => void said.push(`greyscale ${on}`),
    openOverridePage: async () => void said.push('override page'),
  });
  const handlers = startServices([exposure, breaks, guard], serviceBase({ storage, now: () => clock.now }));
  // The guard has looked once at start and told the tabs.
  await vi.waitFor(() => expect(told.length).toBeGreaterThan(0), PATIENCE);
  /** Exposure has run from `startMin` to `nowMin` (minutes after T0); the clock ticks. */
  const exposed = async (startMin: number, nowMin: number) => {
    clock.now = T0 + nowMin * MIN;
    await storage.exposure.save({ site: 'x.com', start: T0 + startMin * MIN, seen: clock.now, timeZone: 'UTC' }, []);
    // Resolves once the break scheduler and the guard have looked (and the guard again, if a strict break began).
    await events!.emit('exposure-ticked');
  };
  const lock = async () => ((await handlers.limits!({}, 'page', page)) as { lock: RevealLock | null }).lock;
  /** A tab goes to `url`; the guard decides at once, from what it last told the tabs. */
  const navigate = (tabId: number, url: string) => navigated!(tabId, url);
  return { storage, clock, told, said, wakes, handlers, exposed, lock, navigate };
}

describe('guard', () => {
  it('tells the tabs at start that nothing is locked', async () => {
    const { told } = await setup();
    await vi.waitFor(() => expect(told).toEqual([null]), PATIENCE);
  });

  it('strict breaks: a prompted break locks reveals for its length; postponing lifts the lock', async () => {
    const { handlers, exposed, told, lock, wakes, clock } = await setup();
    await handlers.limits!({ limits: { ...defaultLimits, strictBreaks: true } }, 'page', page);
    await exposed(0, 50);
    const until = T0 + 55 * MIN;
    expect(await lock()).toEqual({ reason: 'break', until });
    await vi.waitFor(() => expect(told.at(-1)).toEqual({ reason: 'break', until }), PATIENCE);
    await vi.waitFor(() => expect(wakes.at(-1)).toBe(until), PATIENCE); // the alarm marks the end
    await handlers['breaks/postpone']!({}, 'page', page);
    await vi.waitFor(() => expect(told.at(-1)).toBeNull(), PATIENCE);
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
    const softCap = () => said.filter((line) => line.startsWith('soft cap'));
    await exposed(0, 9);
    expect(softCap()).toEqual([]);
    await exposed(0, 10);
    expect(softCap()).toEqual(['soft cap 60']);
    await exposed(0, 20);
    expect(softCap()).toEqual(['soft cap 60']);
    expect(await lock()).toBeNull();
    await storage.exposure.save(null, [{ site: 'x.com', start: T0, end: T0 + 45 * MIN, timeZone: 'UTC' }]);
    await exposed(60, 85);
    // 50 + 45 + 25 = 120 minutes: locked until 04:00 tomorrow (UTC here).
    expect(await lock()).toEqual({ reason: 'cap', until: Date.UTC(2026, 2, 3, 4) });
  });

  it('refuses malformed limits and keeps the stored ones', async () => {
    const { handlers } = await setup();
    await expect(handlers.limits!({ limits: { ...defaultLimits, hardCapMinutes: -5 } }, 'page', page)).rejects.toThrow(/hardCapMinutes/);
    expect(((await handlers.limits!({}, 'page', page)) as { limits: unknown }).limits).toEqual(defaultLimits);
  });
});

describe('bedtime guard', () => {
  const firm: Bedtime = { ...defaultBedtime, enabled: true, strength: 'firm' };
  // Nights 23:00 to 07:00 (UTC here), wind-down from 22:00, warning at 21:45.
  const evening = (hh: number, mm = 0) => Date.UTC(2026, 2, 2, hh, mm);

  it('counts bedtime in the time zone the person chose, where the browser reports UTC (hardened browsers)', async () => {
    const { handlers, clock, lock } = await setup();
    await handlers.bedtime!({ bedtime: firm }, 'page', page);
    // 03:00 UTC: inside the night by the browser's clock (UTC)...
    clock.now = Date.UTC(2026, 2, 3, 3);
    expect(await lock()).toMatchObject({ reason: 'bedtime' });
    // ...but 21:00 the evening before in Guatemala (UTC-6): before the wind-down there.
    chooseTimeZone('America/Guatemala');
    try {
      expect(await lock()).toBeNull();
      // 23:30 in Guatemala is 05:30 UTC: the night there.
      clock.now = Date.UTC(2026, 2, 3, 5, 30);
      expect(await lock()).toMatchObject({ reason: 'bedtime', until: Date.UTC(2026, 2, 3, 13) });
    } finally {
      chooseTimeZone(null);
    }
  });

  it('warns before the wind-down, once; locks and diverts flagged tabs when firm; an override opens it for a while', async () => {
    const { handlers, storage, clock, told, said, wakes, lock, navigate } = await setup();
    await storage.sites.put([{ host: 'x.com', subdomains: true, source: 'user', addedAt: 1 }]);
    await handlers.bedtime!({ bedtime: firm }, 'page', page);
    expect(wakes.at(-1)).toBe(evening(21, 45)); // the alarm marks the warning

    clock.now = evening(21, 50);
    await handlers.limits!({}, 'page', page); // any look at the guard; the service looks on its own too
    await handlers.bedtime!({ bedtime: firm }, 'page', page);
    expect(said.filter((line) => line.startsWith('wind-down'))).toEqual([`wind-down ${evening(22)}`]);
    await handlers.bedtime!({ bedtime: firm }, 'page', page);
    expect(said.filter((line) => line.startsWith('wind-down'))).toHaveLength(1);

    clock.now = evening(22, 5);
    await handlers.bedtime!({ bedtime: firm }, 'page', page);
    const until = Date.UTC(2026, 2, 3, 7);
    expect(told.at(-1)).toEqual({ reason: 'bedtime', until, override: true });
    expect(said).toContain('divert https://x.com/a');
    navigate(7, 'https://x.com/status/1');
    navigate(8, 'https://other.org/');
    expect(said.filter((line) => line.startsWith('divert tab'))).toEqual(['divert tab 7 https://x.com/status/1']);

    // An override needs a reason of ten characters or more (checked by the message schema) and is recorded.
    const granted = await handlers['bedtime/override']!({ reason: 'court filing due at nine' }, 'page', page);
    expect(granted).toEqual({ granted: true, until: evening(22, 35), reason: null });
    await vi.waitFor(() => expect(told.at(-1)).toBeNull(), PATIENCE);
    expect(await lock()).toBeNull();
    expect((await storage.everything()).overrides).toEqual([{ at: evening(22, 5), minutes: 30, reason: 'court filing due at nine' }]);
    navigate(7, 'https://x.com/status/2');
    expect(said.filter((line) => line.startsWith('divert tab'))).toHaveLength(1);

    // When the override ends, the guard is back; the second of two overrides is the last this week.
    clock.now = evening(22, 36);
    expect(await lock()).toEqual({ reason: 'bedtime', until, override: true });
    await handlers['bedtime/override']!({ reason: 'one more exhibit to log' }, 'page', page);
    clock.now = evening(23, 10);
    expect(await lock()).toEqual({ reason: 'bedtime', until }); // no override left: none offered
    expect(await handlers['bedtime/override']!({ reason: 'and yet another thing' }, 'page', page)).toEqual({ granted: false, until: null, reason: 'none-left' });

    // Morning: nothing locked.
    clock.now = until;
    expect(await lock()).toBeNull();
  });

  it('gentle locks media but diverts nothing; greyscale follows the window', async () => {
    const { handlers, storage, clock, told, said } = await setup();
    await storage.sites.put([{ host: 'x.com', subdomains: true, source: 'user', addedAt: 1 }]);
    clock.now = evening(23, 30);
    await handlers.bedtime!({ bedtime: { ...firm, strength: 'gentle', greyscale: true } }, 'page', page);
    expect(told.at(-1)).toMatchObject({ reason: 'bedtime' });
    expect(said.some((line) => line.startsWith('divert'))).toBe(false);
    expect(said).toContain('greyscale true');
    clock.now = Date.UTC(2026, 2, 3, 7, 1);
    await handlers.bedtime!({}, 'page', page);
    await handlers.bedtime!({ bedtime: { ...firm, strength: 'gentle', greyscale: true } }, 'page', page);
    expect(said.at(-1)).toBe('greyscale false');
    expect(told.at(-1)).toBeNull();
  });

  it('a worker started inside the window (browser started, machine woke) finds the lock at once', async () => {
    const { handlers, storage, clock } = await setup();
    clock.now = evening(21);
    await handlers.bedtime!({ bedtime: firm }, 'page', page);
    await storage.sites.put([{ host: 'x.com', subdomains: true, source: 'user', addedAt: 1 }]);
    // A new worker, in the middle of the night, with nothing in memory.
    const told: Array<RevealLock | null> = [];
    const said: string[] = [];
    const guard = createGuardService({ ...fakeAdapters().guard, broadcastLock: async (lock) => void told.push(lock), divert: async () => void said.push('divert') });
    startServices([guard], serviceBase({ storage, now: () => Date.UTC(2026, 2, 3, 3) }));
    await vi.waitFor(() => expect(told).toEqual([{ reason: 'bedtime', until: Date.UTC(2026, 2, 3, 7), override: true }]), PATIENCE);
    expect(said).toEqual(['divert']);
  });
});
