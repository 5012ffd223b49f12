import type { Storage } from '../storage/storage';
import type { Translate } from '../core/i18n/format';
import type { MessageKey } from '../core/i18n/keys';
import type { Language } from '../core/i18n/languages';
import type { Handlers, MessageType } from '../core/messaging';

/** The person's language, for what the background writes (notifications, pages' texts). */
export interface ServiceI18n {
  /** Resolves once the catalogue is loaded (English if it cannot be). */
  ready(): Promise<unknown>;
  t: Translate<MessageKey>;
  language(): Language;
  /** Calls `listener` when the person chooses another language or time zone. */
  onChanged(listener: () => void): void;
}

/** What a background service receives when the worker starts. */
export interface ServiceContext {
  storage: Storage;
  now: () => number;
  version: string;
  i18n: ServiceI18n;
  /** Registers the handler for one message type; each type has exactly one owner. */
  handle<T extends MessageType>(type: T, handler: NonNullable<Handlers[T]>): void;
  /** Events between services inside the worker. */
  events: ServiceEvents;
}

/**
 * What one service tells others: "exposure was recorded" lets the break scheduler and the guard
 * look; "the lock changed" (a strict break began or was postponed) lets the guard tell the tabs;
 * "settings changed" (the person's reveal settings, or the team policy) makes open tabs ask again;
 * "erased" (everything the person stored) makes the organisation's managed policy apply again;
 * "shield-started" / "shield-left" follow protected documents in each tab's frames (tab mute,
 * frame release).
 */
export interface ServiceEventMap {
  'exposure-ticked': void;
  'lock-changed': void;
  'settings-changed': void;
  erased: void;
  /** A protected document's shield started in this frame (its hello said the site is flagged). */
  'shield-started': { tabId: number; frameId: number };
  /** That document is going away (navigating, or its frame removed). */
  'shield-left': { tabId: number; frameId: number };
}
export type ServiceEvent = keyof ServiceEventMap;
export interface ServiceEvents {
  /** A listener may return the work it started, so `emit` can say when all of it is done. */
  on<K extends ServiceEvent>(name: K, listener: (payload: ServiceEventMap[K]) => unknown): void;
  /** Tells every listener; resolves when the work they returned has settled (callers may ignore it). */
  emit<K extends ServiceEvent>(name: K, ...payload: ServiceEventMap[K] extends void ? [] : [ServiceEventMap[K]]): Promise<void>;
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
