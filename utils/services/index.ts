import type { Storage } from '../db/storage';
import { createSoundService, type SoundBrowser } from './sound';
import { createFramesService, type FrameMessenger } from './frames';
import type { Handlers, MessageType } from '../messaging';
import { statusService } from './status';
import { createFlaggedSitesService, type ShieldAdapter } from './flagged-sites';
import { createShieldControlService, type TabMessenger } from './shield-control';
import { createExposureService, type BrowserWatch } from './exposure';
import { createDataService } from './data';
import { createBreaksService, type BreakPrompter } from './breaks';
import { createGuardService, type GuardBrowser } from './guard';
import { createDashboardService } from './dashboard';
import { createPolicyService, type PolicyBrowser } from './policy';
import type { BackgroundService, ServiceEvents, ServiceI18n } from './types';
import { createSerial } from '../serial';

/** Everything the services need from the browser, by name (thin adapters, faked in unit tests). */
export interface BrowserAdapters {
  shield: ShieldAdapter;
  tabs: TabMessenger;
  frames: FrameMessenger;
  watch: BrowserWatch;
  prompter: BreakPrompter;
  guard: GuardBrowser;
  managed: PolicyBrowser;
  sound: SoundBrowser;
}

/** Every background capability, in start order. A new capability is registered here. */
export function createServices({ shield, tabs, frames, watch, prompter, guard, managed, sound }: BrowserAdapters): readonly BackgroundService[] {
  // Flagging, unflagging and the team's sites change one list and one registration: one queue.
  const sitesQueue = createSerial();
  return [
    statusService,
    createFlaggedSitesService(shield, sitesQueue),
    createPolicyService(shield, managed, sitesQueue),
    createShieldControlService(tabs),
    createSoundService(sound),
    createFramesService(frames),
    createExposureService(watch),
    createBreaksService(prompter),
    createGuardService(guard),
    createDashboardService(),
    createDataService(shield),
  ];
}

/** Starts every service and returns the message handlers they registered. */
export function startServices(
  list: readonly BackgroundService[],
  base: { storage: Storage; now: () => number; version: string; i18n: ServiceI18n },
): Handlers {
  const handlers: Handlers = {};
  const listeners = new Map<string, Array<(payload: unknown) => unknown>>();
  const events: ServiceEvents = {
    on: (name, listener) => void listeners.set(name, [...(listeners.get(name) ?? []), listener as (payload: unknown) => unknown]),
    emit: async (name, ...payload) => {
      await Promise.allSettled((listeners.get(name) ?? []).map(async (listener) => listener(payload[0])));
    },
  };
  for (const service of list) {
    service.start({
      ...base,
      events,
      handle(type: MessageType, handler: unknown) {
        if (handlers[type]) throw new Error(`message "${type}" already has a handler (service ${service.id})`);
        (handlers as Record<MessageType, unknown>)[type] = handler;
      },
    });
  }
  return handlers;
}
