import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, launchFirefox, managedPolicyUnavailable, type LaunchedGauze } from '../../scripts/lib/launch.ts';
import { writeRecords } from './support/database.ts';
import { expectCovered } from './support/frames.ts';
import { ask, browsers, clickButton, english, launchGauze, newPage, poll, reloadPage, stopWorker } from './support/gauze.ts';
import { startFixtureServer, type FixtureServer } from './support/server.ts';

const teamPolicy = {
  format: 'gauze-policy',
  version: 2,
  team: { name: 'E2E investigations', contact: 'lead@example.org' },
  sites: [{ host: 'case.localhost', subdomains: false }],
  shield: { allowedSteps: ['blur', 'outline'] },
  breaks: { pauseEveryMinutes: 30 },
  limits: { strictBreaks: true },
};

type Status = { managed?: { state: string; checkedAt: number } | null };
const policyStatus = async (page: Page) => (await ask(page, 'policy/status', {})).reply as Status;

describe.each(browsers)('team policy in %s', (name) => {
  const unavailable = managedPolicyUnavailable(name);
  if (unavailable) console.warn(`Skipping the managed-policy e2e tests in ${name}: ${unavailable}.`);

  // The policy is in the browser's own policy directory (Chromium: /etc/chromium/policies/managed;
  // Firefox: policies.json in its distribution folder), seen by this browser alone.
  describe.skipIf(unavailable !== null)('deployed as enterprise policy', () => {
    let server: FixtureServer;
    let gauze: LaunchedGauze;
    let options: Page;

    beforeAll(async () => {
      server = await startFixtureServer();
      gauze = await launchGauze(name, { managedPolicy: teamPolicy });
      options = await gauze.openPage('options.html');
      // The policy is read at start; wait until Gauze reports it.
      expect(await poll(async () => (await policyStatus(options)).managed?.state, 'ok', 20_000, 250)).toBe('ok');
    });
    afterAll(async () => {
      await gauze?.browser.close();
      await server?.close();
    });

    it("flags the team's sites: covered from the first paint, and the team's reveal steps only", async () => {
      const page = await newPage(gauze);
      await page.goto(server.flagged('/images.html'), { waitUntil: 'load' });
      await expectCovered(page);
      for (let i = 0; i < 4; i++) await page.click('#plain');
      // What both allow: the person's default (outline, full) and the team's (blur, outline) share
      // only the outline; no full view under this policy, so it stays at outline.
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
      await reloadPage(options);
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
      // In plain words, each field named as the file names it, list positions counted from 1.
      expect(lines).toEqual(
        expect.arrayContaining([
          english('problemEmpty', 'team › name', '', ''),
          english('problemNotNumber', 'breaks › pauseEveryMinutes', '', '"ten"'),
          english('problemFormat', 'sites › #1 › host', '', '"not a host"'),
        ]),
      );
      expect(lines.join(' ')).not.toMatch(/expected|received|policy\./);
      expect((await ask(options, 'policy/status', {})).reply).toEqual(before);
    });
  });

  describe('with none deployed', () => {
    let gauze: LaunchedGauze;
    let options: Page;
    beforeAll(async () => {
      // Firefox stops an idle background after 30 s; here after one, so a new one starts soon.
      gauze = name === 'firefox' ? await launchFirefox({ prefs: { 'extensions.background.idle.timeout': 1000 } }) : await launchChromium();
      options = await gauze.openPage('options.html');
    });
    afterAll(async () => {
      await gauze?.browser.close();
    });

    // Firefox rejects storage.managed.get() when no enterprise policy names Gauze: still "empty".
    it('with no organisation policy, Settings does not say the organisation\'s policy failed to arrive', async () => {
      expect(await poll(async () => (await policyStatus(options)).managed?.state, 'empty')).toBe('empty');
    });

    it('a stored team policy this version cannot read is reported in Settings with what is wrong, its sites stay flagged, and removing it is offered', async () => {
      const teamFile = { format: 'gauze-policy', version: 2, team: { name: 'Archive desk' }, sites: [{ host: 'archive.example' }] };
      expect((await ask(options, 'policy/import', { text: JSON.stringify(teamFile) })).reply).toMatchObject({ imported: true });
      // As an older or damaged record would be: the stored file no longer validates.
      await writeRecords(options, { meta: [{ key: 'policyFile', value: { policy: { ...teamFile, breaks: { pauseEveryMinutes: 'thirty' } }, at: Date.now() } }] });
      // A new background reads it as after an update (the running one keeps the policy it had
      // read); each start reads the managed store again, which moves its time.
      const started = (await policyStatus(options)).managed?.checkedAt;
      if (name === 'chromium') await stopWorker(gauze, options);
      expect(await poll(async () => (await policyStatus(options)).managed?.checkedAt !== started, true, 20_000, 2000)).toBe(true);
      await reloadPage(options);
      const damaged = await options.waitForSelector('[data-testid=policy-damaged]');
      expect(await damaged!.$eval('li', (el) => el.textContent)).toBe(english('problemNotNumber', 'breaks › pauseEveryMinutes', '', '"thirty"'));
      const sites = (await ask(options, 'sites/list', {})).reply as { entries: Array<{ host: string; source: string }> };
      expect(sites.entries).toContainEqual(expect.objectContaining({ host: 'archive.example', source: 'team' }));
      await clickButton(options, english('policyRemove'));
      await options.waitForFunction(() => !document.querySelector('[data-testid=policy-damaged]'));
      expect(((await ask(options, 'sites/list', {})).reply as { entries: unknown[] }).entries).toEqual([]);
    });
  });
});
