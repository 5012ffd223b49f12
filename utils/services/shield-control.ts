import type { ShieldCommand } from '../core/shield/commands';
import type { BackgroundService } from './types';
import type { TabMessenger } from '../browser/ports';


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
        const hashes = await Promise.all(addresses.map((address) => storage.notes.hash(address)));
        const records = await storage.notes.get(hashes);
        return {
          notes: records.flatMap((record, i) => (record ? [{ address: addresses[i]!, note: record.note, reviewed: record.reviewed }] : [])),
        };
      });

      handle('notes/put', async ({ address, note, reviewed }) => {
        await storage.notes.put({ hash: await storage.notes.hash(address), note: note.trim(), reviewed, updatedAt: now() });
        return {};
      });
    },
  };
}
