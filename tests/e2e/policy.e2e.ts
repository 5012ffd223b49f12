import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type LaunchedGauze } from '../../scripts/lib/launch.ts';
import { CHROMIUM_EXTENSION_ID } from '../../utils/core/extension-ids.ts';
import { startFixtureServer, type FixtureServer } from './support/server.ts';
import { ask } from './support/sites.ts';
import { clickButton, english } from './support/gauze.ts';
import { patternPixelsNow } from './support/frames.ts';
import type { Page } from 'puppeteer';

/** Where Chromium on Linux reads mandatory policy; the suite may write here only as root (as in CI). */
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'gauze-e2e.json');

const teamPolicy = {
  format: 'gauze-policy',
  version: 2,
  team: { name: 'E2E investigations', contact: 'lead@example.org' },
  sites: [{ host: 'case.localhost', subdomains: false }],
  shield: { allowedSteps: ['blur', 'outline'] },
  breaks: { pauseEveryMinutes: 30 },
  limits: { strictBreaks: true },
};

function writableHere(): boolean {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [CHROMIUM_EXTENSION_ID]: { policy: teamPolicy } } } }));
    return true;
  } catch (error) {
    console.warn(`Skipping the managed-policy e2e tests: cannot write ${POLICY_FILE} (${(error as Error).message}). Run as root, as CI does.`);
    return false;
  }
}

const canWrite = writableHere();

describe.skipIf(!canWrite)('team policy deployed as Chromium enterprise policy', () => {
  let server: FixtureServer;
  let gauze: LaunchedGauze;
  let options: Page;

  beforeAll(async () => {
    server = await startFixtureServer();
    gauze = await launchChromium();
    options = await gauze.openPage('options.html');
    // The policy is read at start; wait until Gauze reports it.
    await options.waitForFunction(
      async () => {
        const reply = await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ reply?: { managed?: { state: string } } }> } } }).chrome.runtime.sendMessage({ type: 'policy/status', payload: {} });
        return reply.reply?.managed?.state === 'ok';
      },
      { timeout: 20_000, polling: 250 },
    );
  });
  afterAll(async () => {
    await gauze?.browser.close();
    await server?.close();
    rmSync(POLICY_FILE, { force: true });
  });

  it("flags the team's sites: covered from the first paint, and the team's reveal steps only", async () => {
    const page = await gauze.browser.newPage();
    await page.goto(server.flagged('/images.html'), { waitUntil: 'load' });
    expect(await patternPixelsNow(page)).toBe(0);
    for (let i = 0; i < 4; i++) await page.click('#plain');
    // blur -> outline -> (no full view under this policy) -> stays at outline
    expect(await page.$eval('#plain', (el) => el.getAttribute('data-cover-view'))).toBe('outline');
    await page.close();
    const sites = (await ask(options, 'sites/list', {})).reply as { entries: Array<{ host: string; source: string }> };
    expect(sites.entries).toContainEqual(expect.objectContaining({ host: 'case.localhost', source: 'team' }));
    // A member cannot unflag the team's site.
    await ask(options, 'sites/unflag', { hosts: ['case.localhost'] });
    const after = (await ask(options, 'sites/list', {})).reply as { entries: Array<{ host: string }> };
    expect(after.entries.map((entry) => entry.host)).toContain('case.localhost');
  });

  it('its floors apply and a member cannot loosen them; stricter is fine', async () => {
    const rules = ((await ask(options, 'breaks/rules', {})).reply as { rules: Record<string, number> }).rules;
    expect(rules.pauseEveryMinutes).toBe(30);
    const looser = await ask(options, 'breaks/rules', { rules: { ...rules, pauseEveryMinutes: 60 } });
    expect(looser.ok).toBe(false);
    expect(looser.error).toMatch(/breaks\.pauseEveryMinutes: your team \(E2E investigations\) sets 30/);
    expect(((await ask(options, 'breaks/rules', {})).reply as { rules: Record<string, number> }).rules.pauseEveryMinutes).toBe(30);
    const stricter = await ask(options, 'breaks/rules', { rules: { ...rules, pauseEveryMinutes: 25 } });
    expect(stricter.ok).toBe(true);
    const limits = ((await ask(options, 'limits', {})).reply as { limits: { strictBreaks: boolean } }).limits;
    expect(limits.strictBreaks).toBe(true);
    // The settings page shows where it comes from, with a lock on each team-set control.
    await options.reload({ waitUntil: 'load' });
    await options.waitForSelector('[data-testid=policy-active]');
    expect(await options.$eval('[data-testid=policy-active]', (el) => el.textContent)).toContain(english('policyFromManaged', 'E2E investigations'));
    expect(await options.$('[data-testid=lock-breaks-pauseEveryMinutes]')).not.toBeNull();
    expect(await options.$eval('input[name=strictBreaks]', (el) => (el as HTMLInputElement).disabled)).toBe(true);
    expect(await options.$eval('input[name=pauseEveryMinutes]', (el) => (el as HTMLInputElement).max)).toBe('30');
  });

  it('importing a malformed policy file names each bad field and changes nothing', async () => {
    const before = (await ask(options, 'policy/status', {})).reply;
    const file = join(tmpdir(), 'gauze-bad-policy.json');
    writeFileSync(file, JSON.stringify({ format: 'gauze-policy', version: 2, team: { name: '' }, breaks: { pauseEveryMinutes: 'ten' }, sites: [{ host: 'not a host' }] }));
    const input = await options.$('input[name=policy-file]');
    await input!.uploadFile(file);
    await options.waitForSelector('[data-testid=policy-errors]');
    const lines = await options.$$eval('[data-testid=policy-errors] li', (items) => items.map((item) => item.textContent));
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^policy\.team\.name: /),
        expect.stringMatching(/^policy\.breaks\.pauseEveryMinutes: expected number, received string, got "ten"$/),
        expect.stringMatching(/^policy\.sites\.0\.host: expected a host name/),
      ]),
    );
    expect((await ask(options, 'policy/status', {})).reply).toEqual(before);
  });
});

describe('a stored team policy this version cannot read (chromium)', () => {
  it('is reported in Settings with what is wrong, its sites stay flagged, and removing it is offered', async () => {
    const gauze = await launchChromium();
    try {
      const options = await gauze.openPage('options.html');
      const teamFile = { format: 'gauze-policy', version: 2, team: { name: 'Archive desk' }, sites: [{ host: 'archive.example' }] };
      expect((await ask(options, 'policy/import', { text: JSON.stringify(teamFile) })).reply).toMatchObject({ imported: true });
      // As an older or damaged record would be: the stored file no longer validates.
      await options.evaluate(
        (damaged) =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('gauze');
            open.onsuccess = () => {
              const tx = open.result.transaction('meta', 'readwrite');
              tx.objectStore('meta').put({ key: 'policyFile', value: { policy: damaged, at: Date.now() } });
              tx.oncomplete = () => resolve();
              tx.onerror = () => reject(tx.error);
            };
          }),
        { ...teamFile, breaks: { pauseEveryMinutes: 'thirty' } },
      );
      // A new worker reads it as an update would (the running one keeps the policy it had read).
      const cdp = await options.createCDPSession();
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await options.reload({ waitUntil: 'load' });
      const damaged = await options.waitForSelector('[data-testid=policy-damaged]');
      expect(await damaged!.$eval('li', (el) => el.textContent)).toMatch(/^policy\.breaks\.pauseEveryMinutes: expected number/);
      const sites = (await ask(options, 'sites/list', {})).reply as { entries: Array<{ host: string; source: string }> };
      expect(sites.entries).toContainEqual(expect.objectContaining({ host: 'archive.example', source: 'team' }));
      await clickButton(options, english('policyRemove'));
      await options.waitForFunction(() => !document.querySelector('[data-testid=policy-damaged]'));
      expect(((await ask(options, 'sites/list', {})).reply as { entries: unknown[] }).entries).toEqual([]);
    } finally {
      await gauze.browser.close();
    }
  });
});
