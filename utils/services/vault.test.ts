import { describe, expect, it } from 'vitest';
import { createServices, startServices } from './index';
import { fakeAdapters, PATIENCE, serviceBase, storagePerTest } from './testing';
import type { VaultBrowser } from '../browser/ports';
import { vi } from 'vitest';

const newStorage = storagePerTest();
const page = { hasTab: false } as const;
const content = { hasTab: true, tabId: 3, frameId: 0, url: 'https://x.com/', tabUrl: 'https://x.com/' } as const;

function setup(kept: ArrayBuffer | null = null, storage = newStorage()) {
  let away: (() => void) | undefined;
  const browser = { kept, idle: null as number | null, unlockPages: 0 };
  const vault: VaultBrowser = {
    keepKey: async (raw) => void (browser.kept = raw),
    keptKey: async () => browser.kept,
    onAway: (listener) => void (away = listener),
    watchIdle: async (minutes) => void (browser.idle = minutes),
    openUnlock: async () => void browser.unlockPages++,
  };
  const handlers = startServices(createServices(fakeAdapters({ vault })), serviceBase({ storage, now: () => 1_000_000 }));
  return { storage, handlers, browser, away: () => away!() };
}

describe('vault service', () => {
  it('on, the key kept only in session memory; away locks it; the passphrase opens it again', async () => {
    const { handlers, browser, away } = setup();
    expect(await handlers['vault/status']!({}, 'page', page)).toEqual({ enabled: false, unlocked: false, required: false, lockAfterIdleMinutes: 15 });
    await handlers['vault/enable']!({ passphrase: 'a passphrase of some length' }, 'page', page);
    expect(browser.kept).toBeInstanceOf(ArrayBuffer);
    expect(browser.idle).toBe(15);
    await handlers['notes/put']!({ address: 'https://x.com/a.jpg', note: 'seen', reviewed: true }, 'content', content);

    away();
    await vi.waitFor(async () => expect(await handlers['vault/status']!({}, 'page', page)).toMatchObject({ enabled: true, unlocked: false }), PATIENCE);
    expect(browser.kept).toBeNull();
    expect(browser.idle).toBeNull();
    // Locked: a page's card learns only that notes are locked, and may open Gauze's unlock page.
    expect(await handlers['notes/lookup']!({ addresses: ['https://x.com/a.jpg'] }, 'content', content)).toEqual({ notes: [], locked: true });
    await handlers['vault/open-unlock']!({}, 'content', content);
    expect(browser.unlockPages).toBe(1);
    await expect(handlers['dashboard/data']!({ days: 7 }, 'page', page)).rejects.toThrow(/^locked:/);

    expect(await handlers['vault/unlock']!({ passphrase: 'a wrong passphrase' }, 'page', page)).toEqual({ unlocked: false });
    expect(await handlers['vault/unlock']!({ passphrase: 'a passphrase of some length' }, 'page', page)).toEqual({ unlocked: true });
    expect(await handlers['notes/lookup']!({ addresses: ['https://x.com/a.jpg'] }, 'content', content)).toEqual({ notes: [{ address: 'https://x.com/a.jpg', note: 'seen', reviewed: true }] });
  });

  it('a worker that restarts while unlocked opens again from session memory; a browser restart (nothing kept) starts locked', async () => {
    const first = setup();
    await first.handlers['vault/enable']!({ passphrase: 'a passphrase of some length' }, 'page', page);
    const restarted = setup(first.browser.kept, first.storage);
    await vi.waitFor(async () => expect(await restarted.handlers['vault/status']!({}, 'page', page)).toMatchObject({ unlocked: true }), PATIENCE);
    first.storage.vault.lock();
    const cold = setup(null, first.storage);
    expect(await cold.handlers['vault/status']!({}, 'page', page)).toMatchObject({ enabled: true, unlocked: false });
  });

  it("a team's requirement keeps it on", async () => {
    const { storage, handlers } = setup();
    await storage.policy.setFile({ policy: { format: 'gauze-policy', version: 2, team: { name: 'Desk' }, sites: [], encryption: { required: true } }, at: 1 });
    expect(await handlers['vault/status']!({}, 'page', page)).toMatchObject({ enabled: false, required: true });
    await handlers['vault/enable']!({ passphrase: 'a passphrase of some length' }, 'page', page);
    await expect(handlers['vault/disable']!({ passphrase: 'a passphrase of some length' }, 'page', page)).rejects.toThrow(/requires encryption/);
    expect(await handlers['vault/status']!({}, 'page', page)).toMatchObject({ enabled: true, required: true });
  });
});
