import { exposedSite, tick, type BrowserView, type IdleState } from '../core/exposure/clock';
import { currentTimeZone } from '../core/exposure/days';
import { exposureToday } from '../storage/exposure-today';
import { createSerial } from '../core/serial';
import { findEntryFor, webHostOf, type SiteEntry } from '../core/sites/site-entry';
import type { BackgroundService } from './types';
import type { BrowserWatch } from '../browser/ports';
import { reportFailure } from './report';

/** Heartbeat while exposure runs: the most a killed worker can lose (Chrome's shortest alarm). */
const HEARTBEAT_MS = 30_000;
const rules = { maxGapMs: HEARTBEAT_MS * 2 + 15_000 };


/**
 * The exposure clock in the background: keeps a view of what the browser shows, ticks the pure
 * clock (utils/core/exposure/clock.ts) on every event and heartbeat, and persists the open segment with
 * the closed ones, so the worker can be killed at any moment. State is rebuilt from the browser at
 * every start; nothing depends on memory a restart would lose.
 */
export function createExposureService(watch: BrowserWatch): BackgroundService {
  return {
    id: 'exposure',
    start({ storage, now, handle, events }) {
      const view: { focusedWindow: number | null; activeTabs: Map<number, number>; tabUrls: Map<number, string>; playing: Set<number>; idle: IdleState } = {
        focusedWindow: null,
        activeTabs: new Map(),
        tabUrls: new Map(),
        playing: new Set(),
        idle: 'active',
      };
      let sites: SiteEntry[] = [];
      const serial = createSerial();

      const browserView = (at: typeof view): BrowserView => {
        const flaggedTabs = new Map<number, string>();
        for (const [tab, url] of at.tabUrls) {
          const host = webHostOf(url);
          const entry = host ? findEntryFor(sites, host) : undefined;
          if (entry) flaggedTabs.set(tab, entry.host);
        }
        return { ...at, flaggedTabs };
      };

      // The time and the browser's state are taken when the event happens, not when the queued
      // work runs: the record is exact to the event even if storage is slow.
      let ready = false;
      const update = (): Promise<unknown> => {
        // Until the worker has read the browser's state, an event (the one that woke it, say) is
        // already part of that state: count from there.
        if (!ready) return started.then(update);
        const at = now();
        const snapshot = { ...view, activeTabs: new Map(view.activeTabs), tabUrls: new Map(view.tabUrls), playing: new Set(view.playing) };
        return serial(async () => {
          sites = await storage.sites.list(); // flagging or unflagging changes which tabs count
          const result = tick(await storage.exposure.openSegment(), exposedSite(browserView(snapshot)), at, currentTimeZone(), rules);
          await storage.exposure.save(result.open, result.closed);
          await watch.heartbeat(result.open !== null);
          events.emit('exposure-ticked');
        }).catch(reportFailure('exposure clock'));
      };

      // Listeners first and synchronously: an event that wakes the worker must not be missed.
      watch.listen({
        focus: (windowId) => {
          view.focusedWindow = windowId;
          void update();
        },
        activated: (windowId, tabId) => {
          view.activeTabs.set(windowId, tabId);
          void update();
        },
        updated: (tabId, url) => {
          view.tabUrls.set(tabId, url);
          void update();
        },
        removed: (tabId) => {
          view.tabUrls.delete(tabId);
          view.playing.delete(tabId);
          void update();
        },
        idle: (state) => {
          view.idle = state;
          void update();
        },
        heartbeat: () => void update(),
      });

      const started = serial(async () => {
        try {
          sites = await storage.sites.list();
          Object.assign(view, await watch.snapshot());
        } finally {
          ready = true; // counted from events alone if the browser could not be read
        }
      }).catch(reportFailure('exposure clock could not read the browser'));
      void started.then(update);

      handle('exposure/media', ({ playing }, _from, sender) => {
        if (sender.tabId === undefined) return {};
        if (playing) view.playing.add(sender.tabId);
        else view.playing.delete(sender.tabId);
        void update();
        return {};
      });

      handle('exposure/today', async () => {
        await update();
        const { day, seconds, running } = await exposureToday(storage, now());
        return { day, seconds, running };
      });
    },
  };
}
