import type { ShieldCommand } from '../core/shield/commands';
import type { BackgroundService } from './types';
import type { TabMessenger } from '../browser/ports';
import { teamKey } from './shared-marks';


/**
 * What a person does to protected pages as a whole: cover everything at once (the panic command,
 * from the keyboard or the popup), reveal all on one page (popup only), and the notes and reviewed
 * marks that spare them a second look.
 */
export function createShieldControlService(tabs: TabMessenger): BackgroundService {
  return {
    id: 'shield-control',
    start({ storage, now, handle, events }) {
      handle('shield/panic', async () => ({ tabs: await tabs.broadcast({ type: 'shield/recover-all' }) }));

      handle('shield/reveal-all', async ({ tabId }) => {
        await tabs.send(tabId, { type: 'shield/reveal-all' });
        return {};
      });

      // Open tabs ask for the new settings (and lock) at once, not at their next reload.
      events.on('settings-changed', () => void tabs.broadcast({ type: 'shield/refresh' }).catch(() => undefined));

      handle('shield/settings', async ({ settings }) => {
        if (settings) {
          await storage.settings.set('shield', settings);
          events.emit('settings-changed');
        }
        return { settings: await storage.settings.get('shield') };
      });

      handle('notes/lookup', async ({ addresses }) => {
        if ((await storage.vault.state()).enabled && !(await storage.vault.state()).unlocked) return { notes: [], locked: true };
        const [hashes, team] = await Promise.all([Promise.all(addresses.map((address) => storage.notes.hash(address))), teamKey(storage)]);
        const records = await storage.notes.get(hashes);
        if (!team) return { notes: records.flatMap((record, i) => (record ? [{ address: addresses[i]!, note: record.note, reviewed: record.reviewed }] : [])) };
        const ids = await Promise.all(addresses.map((address) => team.idOf(address)));
        // A reviewed item from before the team key (or under an older one) gets its id now, while
        // its address is at hand: the stored hash cannot be turned back into it, and sharing needs it.
        await Promise.all(records.map((record, i) => (record?.reviewed && record.team?.id !== ids[i] ? storage.notes.put({ ...record, team: { keyId: team.keyId, id: ids[i]! } }) : undefined)));
        const shared = await storage.sharedMarks.get(ids);
        return {
          notes: records.flatMap((record, i) => (record ? [{ address: addresses[i]!, note: record.note, reviewed: record.reviewed }] : [])),
          colleagues: shared.flatMap((record, i) => (record?.keyId === team.keyId ? [{ address: addresses[i]!, notes: record.notes }] : [])),
        };
      });

      handle('notes/put', async ({ address, note, reviewed }) => {
        const [hash, team] = await Promise.all([storage.notes.hash(address), teamKey(storage)]);
        const id = team && (await team.idOf(address));
        await storage.notes.put({ hash, note: note.trim(), reviewed, updatedAt: now(), ...(team && id ? { team: { keyId: team.keyId, id } } : {}) });
        return {};
      });
    },
  };
}
