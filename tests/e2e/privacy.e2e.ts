import { createHmac } from 'node:crypto';
import type { CDPSession, Page, Target } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchedGauze } from '../../scripts/lib/launch.ts';
import { readDatabase } from './support/database.ts';
import { expectCovered } from './support/frames.ts';
import { ask, browsers, clickButton, english, launchGauze, newPage, openActionPopup, poll, reply } from './support/gauze.ts';
import { fixtureServerForFile } from './support/server.ts';
import { flagSite, gauzeWithFlaggedHost } from './support/sites.ts';

const PASSPHRASE = 'river lantern copper seven';
/** A team key for shared reviewed marks (32 bytes, base64url), and its key id as Gauze makes it. */
const MARKS_KEY = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8';
const MARKS_KEY_ID = createHmac('sha256', Buffer.from(MARKS_KEY, 'base64url')).update('gauze-shared-marks key id').digest('hex').slice(0, 16);


/** Every record in Gauze's database as text, bytes read as Latin-1 and as UTF-8: what someone with a copy of the disk could read. */
async function rawDatabase(page: Page, except: string[] = []): Promise<string> {
  const show = (value: unknown): string[] => {
    if (value && typeof value === 'object' && Array.isArray((value as { bytes?: unknown }).bytes)) {
      const bytes = Buffer.from((value as { bytes: number[] }).bytes);
      return [bytes.toString('latin1'), bytes.toString('utf8')];
    }
    return value && typeof value === 'object' ? Object.values(value).flatMap(show) : [String(value)];
  };
  return Object.entries(await readDatabase(page))
    .filter(([store]) => !except.includes(store))
    .flatMap(([, records]) => records)
    .flatMap(show)
    .join('\n');
}

const server = fixtureServerForFile();

describe.each(browsers)('privacy under seizure in %s', (name) => {
  let gauze: LaunchedGauze;
  let controller: Page;
  // The exact host, so that every record of the session names it.
  gauzeWithFlaggedHost(name, (launched, page) => ((gauze = launched), (controller = page)));

  it('encryption on and locked: protection is whole, the clock keeps counting, nothing on disk names a site or says what was written; the wrong passphrase opens nothing, the right one opens it all', async () => {
    await reply(controller, 'vault/enable', { passphrase: PASSPHRASE });
    // A session: a flagged page, a note on one of its pictures, a check-in, a note to self.
    const page = await newPage(gauze);
    await page.goto(server.flagged('/images.html'), { waitUntil: 'load' });
    await expectCovered(page);
    await reply(controller, 'notes/put', { address: server.flagged('/pattern.png?w=200&h=150'), note: 'seen: a burned car', reviewed: true });
    await reply(controller, 'checkins/add', { rating: 3, note: 'the harbour video again' });
    await reply(controller, 'memos/add', { text: 'ask Dana about exhibit 4' });
    // A colleague's reviewed mark with their note, under the team's key.
    await reply(controller, 'policy/import', { text: JSON.stringify({ format: 'gauze-policy', version: 2, team: { name: 'Desk' }, marksKey: MARKS_KEY }) });
    const colleague = { format: 'gauze-shared-marks', version: 1, keyId: MARKS_KEY_ID, made: '2026-03-02', marks: [{ id: 'c'.repeat(64), note: 'the orchard, twice' }] };
    expect(await reply(controller, 'marks/import', { text: JSON.stringify(colleague) })).toMatchObject({ imported: true, added: 1 });

    await reply(controller, 'vault/lock', {});
    expect(await reply(controller, 'vault/status', {})).toMatchObject({ enabled: true, unlocked: false });
    // Locked: still covered, and time on the flagged page still counts.
    await page.bringToFront();
    await page.reload({ waitUntil: 'load' });
    await expectCovered(page);
    const before = (await reply<{ seconds: number }>(controller, 'exposure/today', {})).seconds;
    expect(await poll(async () => (await reply<{ seconds: number }>(controller, 'exposure/today', {})).seconds > before + 2, true, 20_000)).toBe(true);
    // Leaving the flagged page closes the segment: written now, sealed to the public key.
    await page.goto(server.other('/images.html'), { waitUntil: 'load' });
    await poll(async () => (await reply<{ running: boolean }>(controller, 'exposure/today', {})).running, false);

    // The flagged-site list stays readable (docs/security.md: the browser needs it before any
    // page paints), which also shows the dump reads what is there.
    expect(await rawDatabase(controller)).toContain('case.localhost');
    const disk = await rawDatabase(controller, ['sites']);
    expect(disk.length).toBeGreaterThan(100);
    for (const secret of ['case.localhost', 'burned car', 'harbour video', 'exhibit 4', 'the orchard']) expect(disk, secret).not.toContain(secret);

    expect(await reply(controller, 'vault/unlock', { passphrase: 'river lantern copper eight' })).toEqual({ unlocked: false });
    for (const type of ['dashboard/data', 'data/export']) {
      const answer = await ask(controller, type, type === 'dashboard/data' ? { days: 7 } : {});
      expect(answer.ok).toBe(false);
      expect(answer.error).toMatch(/^locked:/);
    }

    expect(await reply(controller, 'vault/unlock', { passphrase: PASSPHRASE })).toEqual({ unlocked: true });
    const exported = await reply<{ exposure: Array<{ site: string; end: number }>; notes: Array<{ note: string }>; checkins: Array<{ note: string }>; memos: Array<{ text: string }> }>(controller, 'data/export', {});
    expect(exported.exposure.some((segment) => segment.site === 'case.localhost')).toBe(true);
    expect(exported.notes.map((note) => note.note)).toEqual(['seen: a burned car']);
    expect(exported.checkins.map((checkIn) => checkIn.note)).toEqual(['the harbour video again']);
    expect(exported.memos.map((memo) => memo.text)).toEqual(['ask Dana about exhibit 4']);
    await page.close();
  });

  it('erase everything from the popup asks once, then nothing Gauze wrote is left anywhere it writes', async () => {
    // Chromium opens the real popup; Firefox's automation cannot, so the popup page is opened as a tab.
    const popup = name === 'chromium' ? await openActionPopup(gauze) : await gauze.openPage('popup.html');
    await popup.waitForSelector('button.quiet');
    await popup.click('button.quiet');
    await popup.waitForSelector('#popup-erase-question');
    expect((await reply<{ entries: unknown[] }>(controller, 'sites/list', {})).entries.length).toBeGreaterThan(0); // asked, not done
    await popup.$$eval('[role=alertdialog] button', (buttons) => (buttons[0] as HTMLButtonElement).click());
    expect(await poll(async () => (await reply<{ entries: unknown[] }>(controller, 'sites/list', {})).entries.length, 0, 20_000)).toBe(0);
    await popup.waitForFunction((text) => document.body.textContent?.includes(text), {}, english('dataErased'));
    // Encryption went too: the popup no longer offers to lock the records.
    const offersLock = () => popup.evaluate((text) => [...document.querySelectorAll('button')].some((button) => button.textContent?.trim() === text), english('vaultLockNow'));
    expect(await poll(offersLock, false)).toBe(false);

    const everywhere = await controller.evaluate(async () => {
      type Api = { storage: { local: { get(): Promise<object> }; session: { get(): Promise<object> } }; alarms: { getAll(): Promise<unknown[]> }; scripting: { getRegisteredContentScripts(): Promise<unknown[]> } };
      const api = ((globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome) as Api;
      return {
        local: Object.keys(await api.storage.local.get()),
        session: Object.keys(await api.storage.session.get()).filter((key) => key !== 'tabSound'),
        alarms: (await api.alarms.getAll()).length,
        scripts: (await api.scripting.getRegisteredContentScripts()).length,
      };
    });
    // The install's own bookkeeping stays (when it was installed, when the administrator's policy was last read).
    const kept = new Set(['installedAt', 'policyManagedStatus']);
    const left = Object.entries(await readDatabase(controller))
      .map(([store, records]) => [store, records.filter((record) => !kept.has((record as { key?: string }).key ?? ''))] as const)
      .filter(([, records]) => records.length > 0);
    expect(left).toEqual([]);
    expect(everywhere).toMatchObject({ local: [], session: [], scripts: 0 });
  });

  it('as a person does it: encryption turned on in Settings (passphrase twice, the warning ticked), locked, and the dashboard opened only by the right passphrase', async () => {
    const options = await gauze.openPage('options.html#privacy');
    await options.waitForSelector('[data-testid=vault-enable]');
    await options.type('input[name=new-passphrase]', PASSPHRASE);
    await options.type('input[name=repeat-passphrase]', 'river lantern copper six');
    await clickButton(options, english('vaultEnable'));
    await options.waitForFunction((text) => document.querySelector('[data-testid=vault-enable] [role=status]')?.textContent === text, {}, english('vaultMismatch'));
    expect(await reply(options, 'vault/status', {})).toMatchObject({ enabled: false });
    await options.$eval('input[name=repeat-passphrase]', (input) => ((input as HTMLInputElement).value = ''));
    await options.type('input[name=repeat-passphrase]', PASSPHRASE);
    await options.click('input[name=understood]');
    await clickButton(options, english('vaultEnable'));
    expect(await poll(async () => (await reply<{ enabled: boolean }>(options, 'vault/status', {})).enabled, true, 20_000)).toBe(true);
    await reply(options, 'vault/lock', {});

    const dashboard = await gauze.openPage('dashboard.html');
    await dashboard.waitForSelector('[data-testid=unlock] input[name=passphrase]');
    await dashboard.type('[data-testid=unlock] input[name=passphrase]', 'river lantern copper eight');
    await clickButton(dashboard, english('vaultUnlock'));
    await dashboard.waitForFunction((text) => document.querySelector('[data-testid=unlock] [role=status]')?.textContent === text, {}, english('vaultWrongPassphrase'));
    await dashboard.$eval('[data-testid=unlock] input[name=passphrase]', (input) => ((input as HTMLInputElement).value = ''));
    await dashboard.type('[data-testid=unlock] input[name=passphrase]', PASSPHRASE);
    await clickButton(dashboard, english('vaultUnlock'));
    // Opened: the figures are shown and the passphrase box is gone.
    await dashboard.waitForSelector('[data-testid=signals]', { timeout: 20_000 });
    expect(await dashboard.$('[data-testid=unlock]')).toBeNull();
    await reply(options, 'vault/disable', { passphrase: PASSPHRASE });
    await dashboard.close();
    await options.close();
  });
});

// The CDP Network domain sees every request of every target, the extension's own included;
// Firefox's automation offers no such view of an extension's background and pages.
describe('nothing leaves the machine (Chromium)', () => {
  let gauze: LaunchedGauze;
  beforeAll(async () => {
    gauze = await launchGauze('chromium');
  });
  afterAll(async () => {
    await gauze?.browser.close();
  });

  it('over a session (flag, browse flagged pages, reveal, note, every Gauze page), Gauze makes no network request; a deliberate one is seen', async () => {
    const requests: string[] = [];
    const sessions: CDPSession[] = [];
    const ours = (url: string | undefined) => !!url && url.startsWith(gauze.origin);
    const watch = async (target: Target) => {
      if (!['page', 'service_worker', 'background_page', 'other'].includes(target.type())) return;
      const cdp = await target.createCDPSession().catch(() => null);
      if (!cdp) return;
      sessions.push(cdp);
      cdp.on('Network.requestWillBeSent', (event: { request: { url: string }; initiator: { url?: string; stack?: { callFrames: Array<{ url: string }> } } }) => {
        const url = event.request.url;
        if (/^(chrome-extension|data|blob|about):/.test(url)) return;
        // From Gauze: any request of its own pages or worker (the target's address is read now: a
        // tab opened blank becomes one of Gauze's pages); in a web page, one Gauze's code started,
        // with no page code under it. The page's own play() passes through the shield's hold on
        // media, so a stack with the page's frames beneath Gauze's is the page's request.
        const frames = event.initiator.stack?.callFrames ?? [];
        const fromGauze = ours(target.url()) || (frames.length > 0 ? frames.every((frame) => ours(frame.url)) : ours(event.initiator.url));
        if (fromGauze) requests.push(`${target.type()} ${target.url()} -> ${url}`);
      });
      await cdp.send('Network.enable').catch(() => undefined);
    };
    await Promise.all(gauze.browser.targets().map(watch));
    gauze.browser.on('targetcreated', (target: Target) => void watch(target));

    const controller = await flagSite(gauze, 'localhost');
    for (const path of ['/images.html', '/video.html', '/backgrounds.html', '/frames.html']) {
      const page = await newPage(gauze);
      await page.goto(server.flagged(path), { waitUntil: 'load' });
      await expectCovered(page, 100);
      // After the page's own scripts have run (video.html unmutes and plays its media at 600 ms).
      await page.waitForFunction(() => performance.now() > 1000);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.close();
    }
    await reply(controller, 'notes/put', { address: server.flagged('/pattern.png?w=200&h=150'), note: 'seen', reviewed: true });
    for (const path of ['popup.html', 'dashboard.html', 'break.html', 'bedtime.html', 'team.html', 'demo.html']) await (await gauze.openPage(path)).close();
    expect(requests).toEqual([]);

    // The watch can fail: a request made from one of Gauze's own tabs is seen. (Gauze's pages
    // could not fetch it themselves: their content security policy allows only their own files.)
    await controller.goto(server.other('/images.html'), { waitUntil: 'load' });
    expect((await poll(() => requests.length, 1)) >= 1).toBe(true);
    for (const cdp of sessions) await cdp.detach().catch(() => undefined);
  });
});
