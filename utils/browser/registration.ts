import { browser, type Browser } from './api';
import { webTabs } from './web-tabs';
import { entriesFromPatterns, findEntryFor, matchPatternsFor, type SiteEntry } from '../core/sites/site-entry';
import type { ShieldCommand } from '../core/shield/commands';

/** Files of the page-side shield, as built (see entrypoints/shield.content and public/shield). */
const SHIELD_SCRIPT_ID = 'gauze-shield';
const SHADOW_SCRIPT_ID = 'gauze-shadow-cover';
const SHIELD_CSS = 'shield/cover.css';
const SHIELD_JS = 'content-scripts/shield.js' as const;
const SHADOW_JS = 'content-scripts/shadow-cover.js' as const;
const IDS = [SHIELD_SCRIPT_ID, SHADOW_SCRIPT_ID];

type Registration = Browser.scripting.RegisteredContentScript & { cssOrigin?: 'user' | 'author' };

/**
 * The content-script registrations that protect every flagged site, in every frame, from document
 * start, persisted across browser restarts: the cover stylesheet with the shield script, and the
 * page-world script that carries the cover into shadow roots. Firefox can inject the stylesheet as
 * a user sheet, whose !important rules no page rule beats and which reaches into shadow roots.
 */
function shieldRegistrations(entries: readonly SiteEntry[], isFirefox: boolean): Registration[] {
  const matches = [...new Set(entries.flatMap(matchPatternsFor))].sort();
  if (matches.length === 0) return [];
  const common = {
    matches,
    runAt: 'document_start' as const,
    allFrames: true,
    // about:blank, srcdoc, blob: and data: frames inside a flagged page are protected too.
    matchOriginAsFallback: true,
    persistAcrossSessions: true,
  };
  return [
    { id: SHADOW_SCRIPT_ID, js: [SHADOW_JS], world: 'MAIN', ...common },
    { id: SHIELD_SCRIPT_ID, css: [SHIELD_CSS], js: [SHIELD_JS], ...common, ...(isFirefox ? { cssOrigin: 'user' as const } : {}) },
  ];
}

const isFirefox = () => import.meta.env.BROWSER === 'firefox';

/** Makes the browser's registration match the flagged-site list, without a moment uncovered. */
export async function applyShieldRegistration(entries: readonly SiteEntry[]): Promise<void> {
  const wanted = shieldRegistrations(entries, isFirefox());
  const existing = new Set((await browser.scripting.getRegisteredContentScripts({ ids: IDS })).map((script) => script.id));
  const update = wanted.filter((script) => existing.has(script.id));
  const register = wanted.filter((script) => !existing.has(script.id));
  const unregister = [...existing].filter((id) => !wanted.some((script) => script.id === id));
  if (update.length) await browser.scripting.updateContentScripts(update);
  if (register.length) await browser.scripting.registerContentScripts(register);
  if (unregister.length) await browser.scripting.unregisterContentScripts({ ids: unregister });
}

/** Injected into open tabs as a user sheet in both browsers: no page rule beats it. */
/** The sites the registration protects now, for when the flagged list itself was lost. */
export async function registeredSites(): Promise<SiteEntry[]> {
  const [shield] = await browser.scripting.getRegisteredContentScripts({ ids: [SHIELD_SCRIPT_ID] });
  return entriesFromPatterns(shield?.matches ?? [], Date.now());
}

const cssOrigin = () => 'USER' as const;

/** Open tabs on the given sites, each with the flagged entry that now covers it (if any). */
async function openTabsOn(sites: readonly SiteEntry[]) {
  return webTabs([...new Set(sites.flatMap(matchPatternsFor))]);
}

/** Covers media in tabs that are already open on newly flagged sites: at once, not on reload. */
export async function protectOpenTabs(added: readonly SiteEntry[]): Promise<void> {
  const tabs = await openTabsOn(added);
  await Promise.all(
    tabs.map(async (tab) => {
      const target = { tabId: tab.id, allFrames: true };
      try {
        await browser.scripting.insertCSS({ target, files: [SHIELD_CSS], origin: cssOrigin() });
        // The page-world script patches the page once per document: not where Gauze already runs.
        const started = await browser.scripting.executeScript({ target, func: () => (globalThis as { [key: symbol]: unknown })[Symbol.for('cover.started')] === true });
        await browser.scripting.executeScript({ target, files: [`/${SHIELD_JS}` as const] });
        // Shadow roots attached before now are out of reach of the page-world hook; the shield
        // script finds open ones itself. New ones from here on are covered as they are attached.
        const fresh = started.filter((frame) => frame.result !== true).map((frame) => frame.frameId);
        if (fresh.length) await browser.scripting.executeScript({ target: { tabId: tab.id, frameIds: fresh }, files: [`/${SHADOW_JS}` as const], world: 'MAIN' });
      } catch (error) {
        // A tab showing an error page or a page the browser protects cannot be scripted.
        console.warn('Gauze: could not protect an open tab', error);
      }
    }),
  );
}

/** Releases tabs on unflagged sites, unless another flagged entry still covers them. */
export async function releaseOpenTabs(removed: readonly SiteEntry[], remaining: readonly SiteEntry[]): Promise<void> {
  const tabs = await openTabsOn(removed);
  await Promise.all(
    tabs
      .filter((tab) => !findEntryFor(remaining, new URL(tab.url).hostname))
      .map(async (tab) => {
        try {
          await browser.tabs.sendMessage(tab.id, { type: 'shield/stop' });
        } catch {
          // No shield script in that tab (never injected, or an old version's): the stylesheet is
          // all there is to remove.
        }
        await browser.scripting.removeCSS({ target: { tabId: tab.id, allFrames: true }, files: [SHIELD_CSS], origin: cssOrigin() }).catch(() => undefined);
      }),
  );
}

/** Sends a command to the shield scripts of one tab (every frame); false if none listens. */
export async function sendToTab(tabId: number, command: ShieldCommand): Promise<boolean> {
  try {
    await browser.tabs.sendMessage(tabId, command);
    return true;
  } catch {
    return false;
  }
}

/** Sends a command to every tab; returns how many had a shield script listening. */
export async function broadcast(command: ShieldCommand): Promise<number> {
  const reached = await Promise.all((await webTabs()).map((tab) => sendToTab(tab.id, command)));
  return reached.filter(Boolean).length;
}
