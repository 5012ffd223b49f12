import { ValidationError } from '../core/validation';
import type { VaultBrowser } from '../browser/ports';
import type { BackgroundService } from './types';
import { reportFailure } from './report';

/**
 * Encryption at rest (utils/storage/sealing.ts, docs/security.md): turning it on, unlocking,
 * locking, a new passphrase, turning it off. Locked is the normal state: after the browser
 * starts (the open key is kept only in session memory), after the idle minutes the person or team
 * set, when the screen locks, and when the person asks. Protection never waits for it: covering,
 * sound, bedtime and caps work the same locked or not.
 */
export function createVaultService(browser: VaultBrowser): BackgroundService {
  return {
    id: 'vault',
    start({ storage, handle, events }) {
      const status = async () => {
        const [state, active, limits] = await Promise.all([storage.vault.state(), storage.policy.active(), storage.settings.get('limits')]);
        return { ...state, required: active?.encryptionRequired ?? false, lockAfterIdleMinutes: limits.lockAfterIdleMinutes };
      };
      /** After any change: the session key, the idle watch, and open tabs (notes open or locked). */
      const changed = async () => {
        const now = await status();
        await browser.keepKey(storage.vault.raw());
        await browser.watchIdle(now.enabled && now.unlocked ? now.lockAfterIdleMinutes : null);
        await events.emit('settings-changed');
        return now;
      };
      const lock = async () => {
        if (!(await storage.vault.state()).unlocked) return;
        storage.vault.lock();
        await changed();
      };

      // A worker that restarts while the records are open finds the key in session memory.
      void browser
        .keptKey()
        .then(async (raw) => (raw ? storage.vault.restore(raw) : false))
        .then(async () => browser.watchIdle((await status()).unlocked ? (await status()).lockAfterIdleMinutes : null))
        .catch(reportFailure('encryption could not be restored'));
      browser.onAway(() => void lock().catch(reportFailure('could not lock the records')));
      events.on('settings-changed', async () => {
        const now = await status();
        await browser.watchIdle(now.enabled && now.unlocked ? now.lockAfterIdleMinutes : null);
      });
      events.on('erased', () => browser.keepKey(null));

      handle('vault/status', status);
      handle('vault/enable', async ({ passphrase }) => {
        if ((await storage.vault.state()).enabled) throw new ValidationError(['encryption is already on']);
        await storage.vault.enable(passphrase);
        return changed();
      });
      handle('vault/unlock', async ({ passphrase }) => {
        const unlocked = await storage.vault.unlock(passphrase);
        if (unlocked) await changed();
        return { unlocked };
      });
      handle('vault/lock', async () => {
        await lock();
        return status();
      });
      handle('vault/change', async ({ passphrase, next }) => {
        const done = await storage.vault.change(passphrase, next);
        if (done) await changed();
        return { changed: done };
      });
      handle('vault/disable', async ({ passphrase }) => {
        if ((await status()).required) throw new ValidationError(['your team requires encryption: it cannot be turned off']);
        const done = await storage.vault.disable(passphrase);
        if (done) await changed();
        return { disabled: done };
      });
      handle('vault/open-unlock', async () => {
        await browser.openUnlock();
        return {};
      });
    },
  };
}
