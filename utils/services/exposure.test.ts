import { serviceBase, storagePerTest } from './testing';
import { describe, expect, it } from 'vitest';
import type { IdleState } from '../core/exposure/clock';
import { createExposureService } from './exposure';
import type { BrowserWatch } from '../browser/ports';
import { startServices } from './index';

const newStorage = storagePerTest();

type Events = Parameters<BrowserWatch['listen']>[0];

/** A browser with one window and a flagged tab and an unflagged one, driven by the test. */
function fakeBrowser() {
  const state = {
    focusedWindow: 1 as number | null,
    activeTabs: new Map([[1, 10]]),
    tabUrls: new Map([
      [10, 'https://x.com/home'],
      [11, 'https://example.org/'],
    ]),
    idle: 'active' as IdleState,
  };
  let events: Events | undefined;
  const heartbeats: boolean[] = [];
  const watch: BrowserWatch = {
    snapshot: async () => ({ ...state, activeTabs: new Map(state.activeTabs), tabUrls: new Map(state.tabUrls) }),
    listen: (e) => (events = e),
    heartbeat: async (on) => void heartbeats.push(on),
  };
  return { state, watch, heartbeats, get events() { return events!; } };
}

async function start(watch: BrowserWatch, clock: { now: number }, storage = newStorage()) {
  await storage.sites.put([{ host: 'x.com', subdomains: true, source: 'user', addedAt: 0 }]);
  const handlers = startServices([createExposureService(watch)], serviceBase({ storage, now: () => clock.now }));
  const today = async () => (await handlers['exposure/today']!({}, 'page', { hasTab: false })) as { seconds: number; running: boolean };
  await today(); // the worker has read the browser's state
  return { handlers, today, storage };
}

describe('exposure service', () => {
  it('counts a flagged tab from when it is shown to when the person switches away', async () => {
    const browser = fakeBrowser();
    const clock = { now: Date.parse('2026-06-10T10:00:00Z') };
    const { today } = await start(browser.watch, clock);
    expect(await today()).toMatchObject({ seconds: 0, running: true });
    clock.now += 42_000;
    browser.state.activeTabs.set(1, 11);
    browser.events.activated(1, 11);
    expect(await today()).toEqual(expect.objectContaining({ seconds: 42, running: false }));
    expect(browser.heartbeats.at(-1)).toBe(false);
  });

  it('survives a worker restart mid-way without losing or double-counting time', async () => {
    const browser = fakeBrowser();
    const clock = { now: Date.parse('2026-06-10T10:00:00Z') };
    const first = await start(browser.watch, clock);
    clock.now += 30_000;
    browser.events.heartbeat();
    await first.today();
    // The worker is killed; a new one starts 20 s later with the same database and browser.
    clock.now += 20_000;
    const second = await start(browser.watch, clock, first.storage);
    clock.now += 10_000;
    browser.state.idle = 'idle';
    browser.events.idle('idle');
    expect(await second.today()).toMatchObject({ seconds: 60, running: false });
  });

  it('a video playing in a background tab keeps counting while the person is idle', async () => {
    const browser = fakeBrowser();
    const clock = { now: Date.parse('2026-06-10T10:00:00Z') };
    const { handlers, today } = await start(browser.watch, clock);
    await handlers['exposure/media']!({ playing: true }, 'content', { hasTab: true, tabId: 10 });
    browser.state.activeTabs.set(1, 11);
    browser.state.idle = 'idle';
    browser.events.activated(1, 11);
    browser.events.idle('idle');
    clock.now += 50_000;
    expect(await today()).toMatchObject({ seconds: 50, running: true });
    await handlers['exposure/media']!({ playing: false }, 'content', { hasTab: true, tabId: 10 });
    clock.now += 50_000;
    expect(await today()).toMatchObject({ seconds: 50, running: false });
  });
});
