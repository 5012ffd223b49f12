import type { ActivePolicy } from '../core/policy/active';
import { parsePolicy } from '../core/policy/schema';
import { createSerial, type Serial } from '../core/serial';
import type { SiteEntry } from '../core/sites/site-entry';
import type { ShieldAdapter } from '../browser/ports';
import type { BackgroundService } from './types';
import type { PolicyBrowser } from '../browser/ports';
import { reportFailure } from './report';


/** How long the managed store may take before its answer counts as missing (the last valid policy stays). */
const MANAGED_TIMEOUT_MS = 5000;
const DAY = 86_400_000;

/**
 * Team policies: one imported from a file, and one from the browser's managed storage (enterprise
 * policy). The managed one is read at every worker start and on change; a valid one is kept as
 * last-known-good, so an empty, slow or broken store never loosens anything. The combined policy
 * flags its sites (as the team's, which members cannot unflag), sets floors under every setting
 * (storage.settings), and limits how long records are kept.
 */
export function createPolicyService(shield: ShieldAdapter, managed: PolicyBrowser, sitesQueue: Serial, timeoutMs = MANAGED_TIMEOUT_MS): BackgroundService {
  return {
    id: 'policy',
    start({ storage, now, handle, events }) {
      const serial = createSerial();

      /**
       * Makes the team's sites, retention and floors take effect. Open tabs and the guard are told
       * only when the policy in force changed (`before` is what was in force before the change):
       * the managed store is read at every worker start, which is often.
       */
      const apply = async (before: ActivePolicy | null | 'unknown') => {
        const [active, damaged] = await Promise.all([storage.policy.active(), storage.policy.damaged()]);
        await syncTeamSites(active, damaged.length > 0);
        if (active?.retentionDays) await storage.prune(now() - active.retentionDays * DAY);
        if (before === 'unknown' || JSON.stringify(before) !== JSON.stringify(active)) {
          events.emit('lock-changed');
          events.emit('settings-changed');
        }
      };

      /**
       * The team's sites become `team` entries. A site the person had flagged themselves keeps
       * that fact (`userFlagged`), so when the team drops it, it goes back to being theirs
       * instead of being unflagged. While a stored policy cannot be read, no team site is removed
       * (it may be one of that policy's). Shares the flagged-site list's queue.
       */
      const syncTeamSites = (active: ActivePolicy | null, keepTeamSites: boolean) =>
        sitesQueue(async () => {
          const current = await storage.sites.list();
          const wanted = active?.sites ?? [];
          const stale = keepTeamSites ? [] : current.filter((entry) => entry.source === 'team' && !wanted.some((site) => site.host === entry.host));
          const returned: SiteEntry[] = stale.filter((entry) => entry.userFlagged).map(({ userFlagged: _, ...entry }) => ({ ...entry, source: 'user' }));
          const removed = stale.filter((entry) => !entry.userFlagged);
          const added: SiteEntry[] = wanted
            .filter((site) => !current.some((entry) => entry.host === site.host && entry.source === 'team' && entry.subdomains === site.subdomains))
            .map((site) => {
              const mine = current.find((entry) => entry.host === site.host && entry.source === 'user');
              // The person's own "subdomains too" is kept when it covers more.
              return { host: site.host, subdomains: site.subdomains || !!mine?.subdomains, source: 'team', addedAt: now(), ...(mine ? { userFlagged: true } : {}) };
            });
          if (!removed.length && !returned.length && !added.length) return;
          await storage.sites.delete(removed.map((entry) => entry.host));
          await storage.sites.put([...returned, ...added]);
          const entries = await storage.sites.list();
          await shield.register(entries);
          await shield.protectOpenTabs(added);
          await shield.releaseOpenTabs(removed, entries);
        });

      const refresh = () =>
        serial(async () => {
          const checkedAt = now();
          const before = await storage.policy.active();
          let raw: unknown;
          try {
            raw = await Promise.race([
              managed.readManaged(),
              new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs)),
            ]);
          } catch (error) {
            await storage.policy.setStatus({ state: 'unavailable', checkedAt, errors: [error instanceof Error ? error.message : String(error)] });
            return apply(before);
          }
          if (raw === undefined || raw === null) {
            await storage.policy.setStatus({ state: 'empty', checkedAt, errors: [] });
          } else {
            const parsed = parsePolicy(raw);
            if (parsed.ok) {
              await storage.policy.setManaged({ policy: parsed.policy, at: checkedAt });
              await storage.policy.setStatus({ state: 'ok', checkedAt, errors: [] });
            } else {
              console.warn('Gauze: the managed policy is malformed; the last valid one stays:', parsed.errors.join('; '));
              await storage.policy.setStatus({ state: 'invalid', checkedAt, errors: [], problems: parsed.problems });
            }
          }
          await apply(before);
        }).catch(reportFailure('policy'));

      managed.onManagedChanged(refresh);
      events.on('erased', refresh);
      void refresh();

      handle('policy/status', async () => {
        const [active, file, lastKnownGood, status, damaged] = await Promise.all([
          storage.policy.active(),
          storage.policy.file(),
          storage.policy.managed(),
          storage.policy.status(),
          storage.policy.damaged(),
        ]);
        return {
          active: active && {
            teams: active.teams,
            retentionDays: active.retentionDays,
            encryptionRequired: active.encryptionRequired,
            questionnaires: active.questionnaires.map((q) => q.title),
            sites: active.sites.map((site) => site.host),
          },
          floors: active?.groups ?? {},
          file: file && { team: file.policy.team.name, at: file.at },
          managed: status && { ...status, lastKnownGood: lastKnownGood && { team: lastKnownGood.policy.team.name, at: lastKnownGood.at } },
          damaged,
        };
      });

      handle('policy/import', ({ text }) =>
        serial(async () => {
          const parsed = parsePolicy(text);
          if (!parsed.ok) return { imported: false, errors: parsed.errors, problems: parsed.problems, upgradedFrom: null };
          await storage.policy.setFile({ policy: parsed.policy, at: now() });
          await apply('unknown');
          return { imported: true, errors: [], problems: [], upgradedFrom: parsed.upgradedFrom };
        }),
      );

      handle('policy/remove', () =>
        serial(async () => {
          await storage.policy.setFile(null);
          await apply('unknown');
          return {};
        }),
      );
    },
  };
}
