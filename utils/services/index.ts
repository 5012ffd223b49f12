import type { BreakPrompter, BrowserWatch, FrameMessenger, GuardBrowser, PolicyBrowser, ShieldAdapter, SoundBrowser, TabMessenger, VaultBrowser, WipeBrowser } from '../browser/ports';
import type { Storage } from '../storage/storage';
import { createSoundService } from './sound';
import { createFramesService } from './frames';
import type { Handlers, MessageType } from '../core/messaging';
import { statusService } from './status';
import { createFlaggedSitesService } from './flagged-sites';
import { createShieldControlService } from './shield-control';
import { createSharedMarksService } from './shared-marks';
import { createExposureService } from './exposure';
import { createDataService } from './data';
import { createVaultService } from './vault';
import { createBreaksService } from './breaks';
import { createGuardService } from './guard';
import { createDashboardService } from './dashboard';
import { createPolicyService } from './policy';
import type { BackgroundService, ServiceEvents, ServiceI18n } from './types';
import { createSerial } from '../core/serial';

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
  wipe: WipeBrowser;
  vault: VaultBrowser;
}

/** Every background capability, in start order. A new capability is registered here. */
export function createServices({ shield, tabs, frames, watch, prompter, guard, managed, sound, wipe, vault }: BrowserAdapters): readonly BackgroundService[] {
  // Flagging, unflagging, the team's sites and erasing change one list and one registration: one queue.
  const sitesQueue = createSerial();
  return [
    statusService,
    createFlaggedSitesService(shield, sitesQueue),
    createPolicyService(shield, managed, sitesQueue),
    createShieldControlService(tabs),
    createSharedMarksService(),
    createSoundService(sound),
    createFramesService(frames),
    createExposureService(watch),
    createBreaksService(prompter),
    createGuardService(guard),
    createDashboardService(),
    createDataService(shield, wipe, sitesQueue),
    createVaultService(vault),
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
