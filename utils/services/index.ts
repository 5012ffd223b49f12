import type { Storage } from '../db/storage';
import type { Handlers, MessageType } from '../messaging';
import { statusService } from './status';
import { createFlaggedSitesService, type ShieldAdapter } from './flagged-sites';
import { createShieldControlService, type TabMessenger } from './shield-control';
import { createExposureService, type BrowserWatch } from './exposure';
import { createDataService } from './data';
import type { BackgroundService } from './types';

/** Every background capability, in start order. A new capability is registered here. */
export function createServices(shield: ShieldAdapter, tabs: TabMessenger, watch: BrowserWatch): readonly BackgroundService[] {
  return [statusService, createFlaggedSitesService(shield), createShieldControlService(tabs), createExposureService(watch), createDataService(shield)];
}

/** Starts every service and returns the message handlers they registered. */
export function startServices(
  list: readonly BackgroundService[],
  base: { storage: Storage; now: () => number; version: string },
): Handlers {
  const handlers: Handlers = {};
  for (const service of list) {
    service.start({
      ...base,
      handle(type: MessageType, handler: unknown) {
        if (handlers[type]) throw new Error(`message "${type}" already has a handler (service ${service.id})`);
        (handlers as Record<MessageType, unknown>)[type] = handler;
      },
    });
  }
  return handlers;
}
