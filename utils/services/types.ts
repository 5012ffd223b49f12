import type { Storage } from '../db/storage';
import type { Handlers, MessageType } from '../messaging';

/** What a background service receives when the worker starts. */
export interface ServiceContext {
  storage: Storage;
  now: () => number;
  version: string;
  /** Registers the handler for one message type; each type has exactly one owner. */
  handle<T extends MessageType>(type: T, handler: NonNullable<Handlers[T]>): void;
  /** Events between services inside the worker. */
  events: ServiceEvents;
}

/**
 * What one service tells others: "exposure was recorded" lets the break scheduler and the guard
 * look; "the lock changed" (a strict break began or was postponed) lets the guard tell the tabs;
 * "settings changed" (the person's reveal settings, or the team policy) makes open tabs ask again;
 * "erased" (everything the person stored) makes the organisation's managed policy apply again.
 */
export type ServiceEvent = 'exposure-ticked' | 'lock-changed' | 'settings-changed' | 'erased';
export interface ServiceEvents {
  /** A listener may return the work it started, so `emit` can say when all of it is done. */
  on(name: ServiceEvent, listener: () => unknown): void;
  /** Tells every listener; resolves when the work they returned has settled (callers may ignore it). */
  emit(name: ServiceEvent): Promise<void>;
}

/**
 * One capability of the background worker. `start` runs synchronously at every worker start
 * (Manifest V3 workers are killed and restarted at will), registers listeners and handlers, and
 * defers slow work into promises.
 */
export interface BackgroundService {
  id: string;
  start(context: ServiceContext): void;
}
