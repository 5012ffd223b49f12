/**
 * What the background's services need from the browser, as plain interfaces ("ports"): the
 * adapters in this folder implement them, the services receive them as one named object
 * (BrowserAdapters in utils/services/index.ts), and the services' unit tests fake them in Node.
 * Types only: importing them brings no browser code.
 */
import type { IdleState } from '../core/exposure/clock';
import type { BreakKind } from '../core/breaks/schedule';
import type { RevealLock } from '../core/limits/lock';
import type { ShieldCommand } from '../core/shield/commands';
import type { TabMute, TabSoundStore } from '../core/shield/tab-sound';
import type { SiteEntry } from '../core/sites/site-entry';

/** What the exposure service needs from the browser; the real one is utils/browser/watch.ts. */
export interface BrowserWatch {
  /** The browser's state now, read fresh (at every worker start). */
  snapshot(): Promise<{ focusedWindow: number | null; activeTabs: Map<number, number>; tabUrls: Map<number, string>; idle: IdleState }>;
  /** Calls `changed` on every event that can change exposure. */
  listen(events: {
    focus(windowId: number | null): void;
    activated(windowId: number, tabId: number): void;
    updated(tabId: number, url: string): void;
    removed(tabId: number): void;
    idle(state: IdleState): void;
    heartbeat(): void;
  }): void;
  /** Starts or stops the heartbeat alarm. */
  heartbeat(on: boolean): Promise<void>;
}

/** How a break reaches the person; injected so the service is testable in Node. */
export interface BreakPrompter {
  /** A notification that a break is coming (finish up, write notes instead of looking again). */
  warn(kind: BreakKind, inSeconds: number): Promise<void>;
  /** The break is due: flagged media in every tab is covered, the sound off, the break page opened. */
  prompt(kind: BreakKind, minutes: number, canPostpone: boolean): Promise<void>;
}

/** How the guard reaches the browser; injected so the service is testable in Node. */
export interface GuardBrowser {
  /** Tells every protected tab the lock; tabs cover everything when a lock begins. */
  broadcastLock(lock: RevealLock | null): Promise<void>;
  /** Wakes the worker at this time (an alarm), or never. */
  wakeAt(at: number | null): Promise<void>;
  /** Called when that alarm fires. Registered synchronously at worker start. */
  onWake(listener: () => void): void;
  /** Tells the person today's exposure has reached their soft cap. */
  notifySoftCap(minutes: number): Promise<void>;
  /** Tells the person the wind-down begins at this time. */
  warnWindDown(startsAt: number): Promise<void>;
  /** Every tab (top frame) whose address is on a flagged site goes to the bedtime page instead. */
  divert(isFlagged: (url: string) => boolean): Promise<void>;
  /** One tab goes to the bedtime page, with the address it was going to, to return to after an override. */
  divertTab(tabId: number, url: string): Promise<void>;
  /** Called when a tab's top-level address changes. Registered synchronously at worker start. */
  onNavigated(listener: (tabId: number, url: string) => void): void;
  /** All pages in greyscale, or not. */
  setGreyscale(on: boolean): Promise<void>;
  /** Opens the bedtime page where an override can be asked for. */
  openOverridePage(): Promise<void>;
}

/** The browser's managed storage; injected so the service is testable in Node. */
export interface PolicyBrowser {
  /** The value of the managed key `policy` (undefined when none is set); rejects when the store cannot be read. */
  readManaged(): Promise<unknown>;
  /** Called when the administrator's policy changes. Registered synchronously at worker start. */
  /** The listener's promise settles when the new policy is in force (tests wait on it). */
  onManagedChanged(listener: () => Promise<unknown>): void;
}

/** The browser side of tab sound; injected so the service is testable in Node. */
export interface SoundBrowser extends TabMute, TabSoundStore {
  /** A tab finished loading a document (its frames may have changed). */
  onLoaded(listener: (tabId: number) => void): void;
  /** A tab was closed. */
  onClosed(listener: (tabId: number) => void): void;
  /** Whether a protected document's shield still runs in this frame. */
  alive(tabId: number, frameId: number): Promise<boolean>;
}

/** How the frames service reaches the shields of one tab; injected so it is testable in Node. */
export interface FrameMessenger {
  /** Sends to every frame of a tab (each protected frame's shield decides if it concerns it). */
  toTab(tabId: number, command: ShieldCommand): Promise<void>;
  /** Asks one frame's shield; its answer, or null if none listens there. */
  ask(tabId: number, frameId: number, command: ShieldCommand): Promise<unknown>;
}

/** How commands reach protected pages; injected so the service is testable in Node. */
export interface TabMessenger {
  /** Sends to one tab; false when no Gauze script is listening there. */
  send(tabId: number, command: ShieldCommand): Promise<boolean>;
  /** Sends to every tab; returns how many had a Gauze script listening. */
  broadcast(command: ShieldCommand): Promise<number>;
}

/** How the flagged-site list reaches the browser; injected so the service is testable in Node. */
export interface ShieldAdapter {
  register(entries: readonly SiteEntry[]): Promise<void>;
  protectOpenTabs(added: readonly SiteEntry[]): Promise<void>;
  releaseOpenTabs(removed: readonly SiteEntry[], remaining: readonly SiteEntry[]): Promise<void>;
  /** The sites the browser's registration protects now (it outlives a lost database). */
  registered(): Promise<SiteEntry[]>;
  /** Gives one frame's document the person's blur for the first step. */
  coverFrame(tabId: number, frameId: number, blurPixels: number): Promise<void>;
}

/** What erasing everything clears outside the database; injected so the service is testable in Node. */
export interface WipeBrowser {
  /**
   * Clears every browser area Gauze writes besides its database: local storage (language and time
   * zone chosen), alarms, notifications on screen, and every script and style it registered. The
   * tab mute's memory (tab and frame numbers, in memory only) stays, so muted tabs are released
   * as they reload.
   */
  clearBrowserAreas(): Promise<void>;
}

/** The browser side of encryption at rest; injected so the vault service is testable in Node. */
export interface VaultBrowser {
  /** Keeps the open data key in the browser's session memory (gone when it closes), or forgets it. */
  keepKey(raw: ArrayBuffer | null): Promise<void>;
  keptKey(): Promise<ArrayBuffer | null>;
  /** Calls back when the screen locks, or when the person has been away as long as `watchIdle` said. */
  onAway(listener: () => void): void;
  /** Minutes without input after which `onAway` is called (null: not watched). */
  watchIdle(minutes: number | null): Promise<void>;
  /** Opens Gauze's own page where the records are unlocked (never a passphrase field in a web page). */
  openUnlock(): Promise<void>;
}
