import { findEntryFor, parseSiteInput, webHostOf, type SiteEntry } from '../core/sites/site-entry';
import { siteSuggestions } from '../core/sites/suggestions';
import { currentLock } from '../storage/current-lock';
import type { RevealLock } from '../core/limits/lock';
import type { ShieldSettings } from '../core/shield/defaults';
import { shieldTexts, tellLock } from '../core/shield/shield-texts';
import type { SenderInfo } from '../core/messaging';
import { createSerial, type Serial } from '../core/serial';
import type { BackgroundService } from './types';
import type { ShieldAdapter } from '../browser/ports';
import { reportFailure } from './report';


export class FlagError extends Error {
  override name = 'FlagError';
}

/**
 * The flagged-site list: flag, unflag, look up; and keeping the shield's registration in step with
 * it. The registration is re-applied at every worker start, so a list changed while the worker was
 * down, or a registration the browser dropped, is repaired at once.
 */
export function createFlaggedSitesService(shield: ShieldAdapter, sitesQueue: Serial = createSerial()): BackgroundService {
  return {
    id: 'flagged-sites',
    start({ storage, now, handle, events, i18n }) {
      /**
       * The flagged list, after one check: a list found empty while the browser still protects
       * sites means the database was lost (deleted by another program, storage cleared), not that
       * the person unflagged them (unflagging and erasing remove the registration too). The sites
       * are then taken back from the registration, so nothing is left unprotected. Run in the
       * queue only: an unflag or an erase empties the list before it removes the registration,
       * and that moment must not be read as a loss.
       */
      const listOrRecover = async (): Promise<SiteEntry[]> => {
        const entries = await storage.sites.list();
        if (entries.length) return entries;
        const kept = await shield.registered().catch((): SiteEntry[] => []);
        if (!kept.length) return entries;
        console.warn(`Gauze: the flagged-site list was lost; ${kept.length} sites taken back from the browser's registration.`);
        await storage.sites.put(kept);
        return storage.sites.list();
      };
      // One change at a time (shared with the team policy's and erasing), so two quick changes
      // cannot race each other's registration.
      const serial = sitesQueue;
      /** The flagged list for a reader: an empty one is checked again in the queue, after any change in progress. */
      const sitesNow = async (): Promise<SiteEntry[]> => {
        const entries = await storage.sites.list();
        return entries.length ? entries : serial(listOrRecover);
      };

      const add = (make: (at: number) => SiteEntry[]) =>
        serial(async () => {
          const before = await listOrRecover();
          const added = make(now()).filter((entry) => !before.some((e) => e.host === entry.host));
          await storage.sites.put(added);
          const entries = await storage.sites.list();
          await shield.register(entries);
          await shield.protectOpenTabs(added);
          return { entries };
        });

      handle('sites/list', async () => ({ entries: await sitesNow() }));

      handle('sites/flag', (payload) => {
        if ('suggestion' in payload) {
          const suggestion = siteSuggestions.find((s) => s.id === payload.suggestion);
          if (!suggestion) throw new FlagError(`message.payload.suggestion: no suggested site "${payload.suggestion}"`);
          return add((at) => suggestion.hosts.map((host) => ({ host, subdomains: true, source: 'user', suggestion: suggestion.id, addedAt: at })));
        }
        const parsed = parseSiteInput(payload.input);
        if (!parsed.ok) throw new FlagError(`message.payload.input: not a site address (${parsed.error})`);
        // Subdomains are included unless the person says otherwise (never for an IP address).
        const subdomains = parsed.subdomains && payload.subdomains !== false;
        return add((at) => [{ host: parsed.host, subdomains, source: 'user', addedAt: at }]);
      });

      handle('sites/unflag', ({ hosts }) =>
        serial(async () => {
          const before = await listOrRecover();
          const removed = before.filter((entry) => hosts.includes(entry.host) && entry.source === 'user');
          await storage.sites.delete(removed.map((entry) => entry.host));
          const entries = await storage.sites.list();
          await shield.register(entries);
          await shield.releaseOpenTabs(removed, entries);
          return { entries };
        }),
      );

      handle('sites/match', async ({ hostname }) => ({ entry: findEntryFor(await sitesNow(), hostname) ?? null }));

      handle('shield/hello', async (_payload, _from, sender) => {
        await i18n.ready();
        let answers: [SiteEntry | undefined, ShieldSettings, number, { lock: RevealLock | null }];
        try {
          answers = await Promise.all([siteOf(sender), storage.settings.get('shield'), Promise.all([storage.notes.count(), storage.sharedMarks.count()]).then(([own, colleagues]) => own + colleagues), currentLock(storage, now())]);
        } catch (error) {
          // The records cannot be read: the page's script runs only where a site is flagged, so
          // its tab is muted all the same (fail closed), and the page stays covered, locked.
          if (sender.tabId !== undefined) await events.emit('shield-started', { tabId: sender.tabId, frameId: sender.frameId ?? 0 });
          throw error;
        }
        const [site, settings, notes, { lock }] = answers;
        if (site && sender.tabId !== undefined) {
          const frame = { tabId: sender.tabId, frameId: sender.frameId ?? 0 };
          // The person's blur for the first step; the tab muted (decided here, before the page
          // can play anything); the parent page told.
          void shield.coverFrame(frame.tabId, frame.frameId, settings.blurPixels).catch(() => undefined);
          await events.emit('shield-started', frame);
        }
        return { flagged: site !== undefined, hasNotes: notes > 0, lock: tellLock(lock, i18n.t, i18n.language()), settings, texts: shieldTexts(i18n.t, i18n.language()) };
      });

      handle('shield/revealed', async ({ kind, seconds, view }, _from, sender) => {
        const site = await siteOf(sender);
        if (site) await storage.addReveal({ site: site.host, kind, seconds, view, endedAt: now() });
        return {};
      });

      // A frame without a host of its own (about:blank, srcdoc, blob:) belongs to its page.
      const siteOf = async (sender: SenderInfo) => {
        const hostname = webHostOf(sender.url ?? '') ?? webHostOf(sender.tabUrl ?? '');
        return hostname ? findEntryFor(await sitesNow(), hostname) : undefined;
      };

      // At every start the registration is made to match the list.
      void serial(async () => shield.register(await listOrRecover())).catch(reportFailure('could not register the shield for flagged sites'));
    },
  };
}
