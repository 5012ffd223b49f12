import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchedGauze } from '../../scripts/lib/launch.ts';
import { ask, browsers, clickButton, english, launchGauze, poll, reloadPage, reply } from './support/gauze.ts';

const textOf = (page: Page, selector: string) => page.$eval(selector, (element) => element.textContent?.trim() ?? '');
/** Types a number into a setting as a person does, and leaves the field (which keeps it). */
async function typeNumber(page: Page, field: string, value: string) {
  const input = (await page.waitForSelector(`input[name=${field}]`)) as ElementHandle<HTMLInputElement>;
  await input.evaluate((element) => element.select());
  await input.type(value);
  await page.keyboard.press('Tab');
}
const hosts = async (page: Page) => (await reply<{ entries: Array<{ host: string }> }>(page, 'sites/list', {})).entries.map((entry) => entry.host);

describe.each(browsers)('everyday use in %s', (name) => {
  let gauze: LaunchedGauze;
  beforeAll(async () => {
    gauze = await launchGauze(name);
  });
  afterAll(async () => {
    await gauze?.browser.close();
  });

  it('first run: three steps with Back, Next and Done; then Settings, which says Gauze is ready', async () => {
    const page = await gauze.openPage('options.html#welcome');
    await page.waitForSelector('[data-testid=welcome-step]');
    expect(await textOf(page, '[data-testid=welcome-step]')).toBe(english('welcomeStepOf', 1, 3));
    expect(await textOf(page, '.steps [aria-current=step]')).toBe(english('sitesHeading'));
    await clickButton(page, english('welcomeNext', english('bedtimeSettingsHeading')));
    await poll(() => page.evaluate(() => document.activeElement?.id), 'bedtime-heading');
    expect(await textOf(page, '[data-testid=welcome-step]')).toBe(english('welcomeStepOf', 2, 3));
    await clickButton(page, english('welcomeBack'));
    expect(await poll(() => textOf(page, '[data-testid=welcome-step]'), english('welcomeStepOf', 1, 3))).toBe(english('welcomeStepOf', 1, 3));
    await clickButton(page, english('welcomeNext', english('bedtimeSettingsHeading')));
    await clickButton(page, english('welcomeNext', english('languageHeading')));
    await clickButton(page, english('welcomeDone'));
    await page.waitForSelector('[data-testid=welcome-ready]');
    expect(await textOf(page, '[data-testid=welcome-ready]')).toBe(english('welcomeReady'));
    expect(await page.evaluate(() => location.hash)).toBe('');
    expect(await page.$('nav.settings-nav')).not.toBeNull();
    await page.close();
  });

  it('Settings: a list of its sections moves focus to each; a change is kept as it is made; any whole number in range is taken, one outside is refused in words', async () => {
    const page = await gauze.openPage('options.html');
    await page.waitForSelector('#reveal input[name=blurPixels]');
    const links = await page.$$eval('nav.settings-nav a', (anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    expect(links).toEqual(['#sites', '#bedtime', '#breaks', '#limits', '#reveal', '#language', '#privacy', '#team', '#shared-marks', '#data']);
    await page.click('nav.settings-nav a[href="#limits"]');
    expect(await poll(() => page.evaluate(() => document.activeElement?.id), 'limits-heading')).toBe('limits-heading');
    // No Save buttons to forget in the settings sections.
    expect(await page.$$eval('#breaks button, #limits button, #reveal button, #bedtime button', (buttons) => buttons.length)).toBe(0);

    // Values the browser's step rules used to refuse.
    await typeNumber(page, 'windDownMinutes', '20');
    await typeNumber(page, 'recoverAfterSeconds', '7');
    await typeNumber(page, 'blurPixels', '10');
    const kept = async () => {
      const [bedtime, shield] = await Promise.all([reply<{ bedtime: { windDownMinutes: number } }>(page, 'bedtime', {}), reply<{ settings: { recoverAfterSeconds: number; blurPixels: number } }>(page, 'shield/settings', {})]);
      return [bedtime.bedtime.windDownMinutes, shield.settings.recoverAfterSeconds, shield.settings.blurPixels];
    };
    expect(await poll(kept, [20, 7, 10])).toEqual([20, 7, 10]);
    expect(await textOf(page, '#blurPixels-range')).toBe(english('fieldRangeBlur', 8, 64));

    // Out of range: said in words under the field, and nothing changes.
    await typeNumber(page, 'blurPixels', '100');
    await page.waitForFunction(() => document.querySelector('#blurPixels-range')?.getAttribute('role') === 'alert');
    expect(await textOf(page, '#blurPixels-range')).toBe(english('fieldOutOfRange', 8, 64));
    expect(await kept()).toEqual([20, 7, 10]);

    // What the page shows after a reload is what was kept.
    await reloadPage(page);
    await page.waitForSelector('input[name=windDownMinutes]');
    expect(await page.$eval('input[name=windDownMinutes]', (input) => (input as HTMLInputElement).value)).toBe('20');
    await page.close();
  });

  it('flagged sites: a service is one row under its name, unflagged as one after a question and brought back by Undo; a long list can be searched; names in any script', async () => {
    const page = await gauze.openPage('options.html');
    await page.waitForSelector('#site-input');
    await clickButton(page, english('sitesSuggestionFlag', 'YouTube'));
    await page.waitForSelector('button[data-suggestion=youtube]');
    const row = await page.$eval('button[data-suggestion=youtube]', (button) => button.closest('li')!.textContent);
    expect(row).toContain('YouTube');
    expect(row).toContain('googlevideo.com');

    // One click only asks; nothing is unflagged until the person says so.
    await page.click('button[data-suggestion=youtube]');
    await page.waitForSelector('#unflag-question');
    expect(await textOf(page, '#unflag-question')).toBe(english('sitesUnflagConfirm', 'YouTube'));
    expect(await hosts(page)).toContain('googlevideo.com');
    // The question opens on its safe answer; unflagging is the other one, chosen deliberately.
    expect(await poll(() => page.evaluate(() => document.activeElement?.textContent), english('sitesKeepFlagged'))).toBe(english('sitesKeepFlagged'));
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(english('sitesRemoveLabel', 'YouTube'));
    await page.keyboard.press('Enter');
    expect(await poll(async () => (await hosts(page)).filter((host) => host.includes('youtu') || host === 'googlevideo.com' || host === 'ytimg.com'), [])).toEqual([]);
    await page.waitForFunction((text) => document.body.textContent?.includes(text), {}, english('sitesUnflagged', 'YouTube'));
    await clickButton(page, english('sitesUndo'));
    expect(await poll(async () => (await hosts(page)).includes('googlevideo.com'), true)).toBe(true);

    // A name in its own script: stored in ASCII, shown as written.
    await page.type('#site-input', 'файлы.рф');
    await page.keyboard.press('Enter');
    expect(await poll(async () => (await hosts(page)).includes('xn--80asg7a0b.xn--p1ai'), true)).toBe(true);
    await page.waitForFunction(() => [...document.querySelectorAll('.site-list .site-name')].some((name) => name.textContent?.includes('файлы.рф')));

    // A long list can be searched.
    for (const service of ['X (Twitter)', 'Facebook', 'Instagram', 'TikTok', 'Reddit']) await clickButton(page, english('sitesSuggestionFlag', service));
    await page.waitForSelector('input[name=site-search]');
    await page.type('input[name=site-search]', 'tube');
    await page.waitForFunction(() => document.querySelectorAll('.site-list > li').length === 1);
    expect(await textOf(page, '.site-list > li .site-name')).toBe('YouTube');
    await page.close();
  });

  it('team policy: one-line boxes, a pasted address accepted, problems said in words with the field\'s label; a huge file or a bad number refused in words', async () => {
    const page = await gauze.openPage('options.html');
    await page.waitForSelector('.builder summary');
    await page.click('.builder summary');
    const height = await page.$eval('input[name=team-name]', (input) => input.getBoundingClientRect().height);
    expect(height).toBeGreaterThan(10);
    expect(height).toBeLessThan(60);
    await page.type('textarea[name=team-sites]', 'https://www.facebook.com/groups/123 not!a.site');
    await clickButton(page, english('policyBuildSave'));
    await page.waitForSelector('.builder [role=alert]');
    const said = await textOf(page, '.builder [role=alert]');
    expect(said).toContain(english('policyBuildNeedName', english('policyBuildName')));
    expect(said).toContain(english('policyBuildSiteInvalid', english('policyBuildSites'), 'not!a.site'));
    expect(said).not.toContain('facebook');

    const file = async (text: string) => {
      const path = join(tmpdir(), `gauze-policy-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
      writeFileSync(path, text);
      const input = (await page.$('input[name=policy-file]')) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(path);
    };
    await file(`{"format":"gauze-policy","version":2,"team":{"name":"${'x'.repeat(1_100_000)}"}}`);
    await page.waitForSelector('[data-testid=policy-errors]');
    expect(await textOf(page, '[data-testid=policy-errors]')).toContain(english('problemTooLarge'));
    await file(JSON.stringify({ format: 'gauze-policy', version: 2, team: { name: 'Desk' }, breaks: { pauseEveryMinutes: 300 } }));
    await page.waitForFunction((text) => document.querySelector('[data-testid=policy-errors]')?.textContent?.includes(text), {}, english('problemTooBig', 'breaks › pauseEveryMinutes', '240', '300'));
    expect(await textOf(page, '[data-testid=policy-errors]')).not.toMatch(/Too big|expected number/);
    expect((await reply<{ active: unknown }>(page, 'policy/status', {})).active).toBeNull();
    await page.close();
  });

  it('Your data says what is kept in the person\'s terms, not the database\'s', async () => {
    const page = await gauze.openPage('options.html');
    await page.waitForSelector('[data-testid=data-summary] [data-fact=exposureDays]');
    const summary = await textOf(page, '[data-testid=data-summary]');
    expect(summary).toContain(english('dataFactDays', 0));
    expect(summary).not.toMatch(/Database version|meta:|records?\b.*store/);
    await page.close();
  });

  it('bedtime page: with the guard off it says what the guard does and leads to its settings; in the wind-down, a note to self is kept and read in the dashboard', async () => {
    const page = await gauze.openPage('bedtime.html');
    await page.waitForSelector('[data-testid=guard-off]');
    expect(await textOf(page, '[data-testid=guard-off]')).toBe(english('bedtimeOffExplain'));
    expect(await page.$eval('a.button', (link) => (link as HTMLAnchorElement).href)).toBe(`${gauze.origin}options.html#bedtime`);

    // A window around now, every night, gentle (nothing is diverted).
    const [bedtime, wake] = await page.evaluate(() => {
      const at = (minutes: number) => {
        const date = new Date(Date.now() + minutes * 60_000);
        return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
      };
      return [at(-30), at(180)];
    });
    const current = await reply<{ bedtime: Record<string, unknown> }>(page, 'bedtime', {});
    await reply(page, 'bedtime', { bedtime: { ...current.bedtime, enabled: true, strength: 'gentle', windDownMinutes: 0, nights: Array.from({ length: 7 }, () => ({ on: true, bedtime, wake })) } });
    await reloadPage(page);
    await page.waitForSelector('[data-testid=note-to-self] textarea');
    await page.type('[data-testid=note-to-self] textarea', 'Call the witness back about exhibit 4');
    await clickButton(page, english('memoSave'));
    await page.waitForFunction((text) => document.querySelector('[data-testid=note-to-self] [role=status]')?.textContent === text, {}, english('memoSaved'));
    await reply(page, 'bedtime', { bedtime: { ...current.bedtime, enabled: false } });

    const dashboard = await gauze.openPage('dashboard.html');
    await dashboard.waitForSelector('[data-testid=notes-to-self] li');
    expect(await textOf(dashboard, '[data-testid=notes-to-self] li p')).toBe('Call the witness back about exhibit 4');
    expect((await reply<{ memos: unknown[] }>(page, 'data/export', {})).memos).toEqual([expect.objectContaining({ text: 'Call the witness back about exhibit 4' })]);
    await dashboard.close();
    await page.close();
  });

  it('break page: the break counts down, and the breathing words never sit inside the circle', async () => {
    const page = await gauze.openPage('break.html#pause');
    await page.waitForSelector('[data-testid=break-timer] .timer');
    const seconds = async () => {
      const [m, s] = (await textOf(page, '[data-testid=break-timer] .timer')).split(':').map(Number);
      return m! * 60 + s!;
    };
    const first = await seconds();
    expect(first).toBeGreaterThan(60);
    // Bracketed, not timed: a later reading is lower.
    expect(await poll(async () => (await seconds()) < first, true, 10_000)).toBe(true);
    const layout = await page.evaluate(() => {
      const circle = document.querySelector('.breath')!.getBoundingClientRect();
      const cue = document.querySelector('.breath-words .cue')!.getBoundingClientRect();
      return { circleBottom: circle.bottom, cueTop: cue.top };
    });
    expect(layout.cueTop).toBeGreaterThanOrEqual(layout.circleBottom);
    await page.close();
  });
});
