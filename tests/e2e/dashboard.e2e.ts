import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchedGauze } from '../../scripts/lib/launch.ts';
import { allowDownloads, launchSavingTo, savedJson } from './support/downloads.ts';
import { ask, browsers, clickButton, english, reloadPage, screenshotPath } from './support/gauze.ts';
import { seedRecords, yearOfRecords } from './support/seed.ts';

describe.each(browsers)('dashboard in %s', (name) => {
  let gauze: LaunchedGauze;
  /** Where the browser saves what the person downloads. */
  let downloads: string;
  beforeAll(async () => {
    downloads = mkdtempSync(join(tmpdir(), 'gauze-summary-'));
    gauze = await launchSavingTo(name, downloads);
  });
  afterAll(async () => {
    await gauze?.browser.close();
    rmSync(downloads, { recursive: true, force: true });
  });

  it('draws a year of exposure by day, week and month, with the same figures as a table', async () => {
    const page = await gauze.openPage('dashboard.html');
    const records = yearOfRecords(Date.now());
    await seedRecords(page, records);
    await reloadPage(page);
    await page.waitForSelector('[data-testid=chart] canvas');
    // Thirty rows by day; over the whole year, every stored second and reveal is counted once.
    expect(await page.$$eval('[data-testid=table] tbody tr', (rows) => rows.length)).toBe(30);
    const year = (await ask(page, 'dashboard/data', { days: 400 })).reply as { days: Array<{ exposure: number; reveals: number }> };
    const storedSeconds = records.exposure.reduce((sum, s) => sum + (s.end - s.start) / 1000, 0);
    const countedSeconds = year.days.reduce((sum, day) => sum + day.exposure, 0);
    expect(Math.abs(countedSeconds - storedSeconds)).toBeLessThanOrEqual(year.days.length); // rounding per day
    expect(year.days.reduce((sum, day) => sum + day.reveals, 0)).toBe(records.reveals.length);
    // Reveals by the furthest view seen; older records without a view are counted above, not here.
    const { views } = (await ask(page, 'dashboard/data', { days: 400 })).reply as { views: Array<{ view: string; count: number }> };
    expect(views.map(({ view }) => view)).toEqual(['outline', 'small', 'full']);
    expect(views.reduce((sum, { count }) => sum + count, 0)).toBe(records.reveals.filter((reveal) => reveal.view).length);
    const byView = await page.$eval('[data-testid=revealed-views]', (line) => line.textContent);
    expect(byView).toContain(english('dashboardViewSmall'));
    expect(byView).toContain(english('shieldStepOutline'));
    if (name === 'chromium') await page.screenshot({ path: screenshotPath('dashboard'), fullPage: true });

    await page.click('input[name=period][value=week]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=table] tbody tr').length >= 26);
    await page.click('input[name=period][value=month]');
    await page.waitForFunction(() => {
      const rows = document.querySelectorAll('[data-testid=table] tbody tr').length;
      return rows >= 12 && rows <= 13;
    });
    await page.close();
  });

  it('a check-in is stored with its note and drawn beside exposure', async () => {
    const page = await gauze.openPage('dashboard.html');
    // The form appears with the figures and stays where it is: nothing arrives above it later.
    const form = await page.waitForSelector('[data-testid=check-in]');
    const top = async () => (await form!.boundingBox())!.y;
    const firstTop = await top();
    await page.waitForSelector('[data-testid=chart] canvas');
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await top()).toBe(firstTop);
    await page.click('[data-testid=check-in] button[type=submit]');
    await page.waitForFunction((text) => document.querySelector('[data-testid=check-in] [role=status]')?.textContent === text, {}, english('checkInChoose'));
    await page.click('input[name=rating][value="3"]');
    await page.type('textarea[name=note]', 'heavy afternoon');
    await page.click('[data-testid=check-in] button[type=submit]');
    await page.waitForFunction((text) => document.querySelector('[data-testid=check-in] [role=status]')?.textContent === text, {}, english('checkInSaved'));
    const exported = (await ask(page, 'data/export', {})).reply as { checkins: Array<{ rating: number; note: string }> };
    expect(exported.checkins.at(-1)).toMatchObject({ rating: 3, note: 'heavy afternoon' });
    const reply = (await ask(page, 'dashboard/data', { days: 1 })).reply as { days: Array<{ checkIns: number }> };
    expect(reply.days[0]!.checkIns).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it('a weekly summary file holds totals only, and the team view adds several up', async () => {
    const page = await gauze.openPage('dashboard.html');
    await allowDownloads(page, name, downloads);
    await page.waitForSelector('[data-testid=share] button');
    await page.click('input[name=share-check-ins]');
    await page.click('[data-testid=share] button');
    const file = await savedJson(downloads);
    expect(file).not.toBeNull();
    const text = readFileSync(join(downloads, file!), 'utf8');
    const summary = JSON.parse(text) as { format: string; exposureSeconds: number; checkIns?: { count: number } };
    expect(summary.format).toBe('gauze-weekly-summary');
    expect(summary.checkIns).toBeDefined();
    expect(text).not.toMatch(/x\.com|case\.example|http/); // no sites, no addresses
    const week = (await ask(page, 'dashboard/data', { days: 7 })).reply as { days: Array<{ exposure: number }> };
    expect(summary.exposureSeconds).toBe(week.days.reduce((sum, day) => sum + day.exposure, 0));
    await page.close();

    // Two members' files (the same one twice here) and one that is not a summary.
    copyFileSync(join(downloads, file!), join(downloads, 'second.json'));
    writeFileSync(join(downloads, 'broken.txt'), '{"format":"gauze-weekly-summary","version":1}');
    const team = await gauze.openPage('team.html');
    const input = await team.waitForSelector('input[name=summaries]');
    await input!.uploadFile(join(downloads, file!), join(downloads, 'second.json'), join(downloads, 'broken.txt'));
    await team.waitForSelector('[data-testid=team-total]');
    expect(await team.$eval('#team-total', (el) => el.textContent)).toBe(english('teamTotalHeading', '2'));
    expect(await team.$$eval('[data-testid=team-errors] li', (items) => items.length)).toBeGreaterThan(0);
    // In words, not a validation library's: each missing field is named as the file names it.
    expect(await team.$$eval('[data-testid=team-errors] li', (items) => items.map((item) => item.textContent))).toContain(english('problemMissing', 'weekStarting', '', ''));
    await team.close();
  });

  it("the organisation's questionnaire is answered whole, scored, kept here, and listed", async () => {
    const setup = await gauze.openPage('dashboard.html');
    const policy = {
      format: 'gauze-policy',
      version: 2,
      team: { name: 'Investigations unit' },
      questionnaires: [
        {
          id: 'weekly-load',
          title: 'Weekly load',
          licence: 'Written by the unit for its own staff.',
          items: [
            { id: 'sleep', text: 'This week I slept well.', reverse: true },
            { id: 'intrusive', text: 'This week, images from work came back when I did not want them to.' },
          ],
          scale: { min: 0, max: 4, labels: [{ value: 0, text: 'Not at all' }, { value: 4, text: 'Very much' }] },
          scoring: { method: 'sum', bands: [{ from: 0, to: 3, label: 'Lighter' }, { from: 4, to: 8, label: 'Heavier' }] },
        },
      ],
    };
    expect((await ask(setup, 'policy/import', { text: JSON.stringify(policy) })).reply).toMatchObject({ imported: true });
    try {
      const page = await gauze.openPage('dashboard.html');
      const questionnaire = await page.waitForSelector('[data-questionnaire=weekly-load]');
      expect(await questionnaire!.$eval('summary', (el) => el.textContent)).toContain(english('questionnaireNever'));
      await questionnaire!.$eval('summary', (el) => (el as HTMLElement).click());
      // Half answered: refused, nothing stored, and the first unanswered question has the focus.
      await page.click('input[name="weekly-load--sleep"][value="1"]');
      await clickButton(page, english('questionnaireSave'));
      await page.waitForFunction((text) => document.querySelector('[data-questionnaire] [role=status]')?.textContent === text, {}, english('questionnaireMissing', '1'));
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('weekly-load--intrusive');
      expect(((await ask(page, 'data/export', {})).reply as { answers: unknown[] }).answers).toEqual([]);

      // Whole: sleep 1 counts as 3 (reverse-keyed), plus 3 = 6 of 8, "Heavier".
      await page.click('input[name="weekly-load--intrusive"][value="3"]');
      await clickButton(page, english('questionnaireSave'));
      const score = english('questionnaireScoreBand', '6', '8', 'Heavier');
      await page.waitForFunction((text) => document.querySelector('[data-questionnaire] [role=status]')?.textContent === text, {}, english('questionnaireSaved', score));
      await page.waitForSelector('[data-testid=questionnaire-results] tbody tr');
      expect(await page.$$eval('[data-testid=questionnaire-results] tbody td', (cells) => cells.slice(1).map((c) => c.textContent))).toEqual(['Weekly load', score]);
      const exported = (await ask(page, 'data/export', {})).reply as { answers: Array<{ questionnaire: string; answers: object; score: number; band: string }> };
      expect(exported.answers).toEqual([expect.objectContaining({ questionnaire: 'weekly-load', answers: { sleep: 1, intrusive: 3 }, score: 6, band: 'Heavier' })]);
      if (name === 'chromium') await page.screenshot({ path: screenshotPath('questionnaire'), fullPage: true });
      await page.close();
    } finally {
      await ask(setup, 'policy/remove', {});
      await setup.close();
    }
  });

  it('early-warning signals are shown with their explanation', async () => {
    const page = await gauze.openPage('dashboard.html');
    await page.waitForSelector('[data-testid=signals]');
    const reply = (await ask(page, 'dashboard/data', { days: 35 })).reply as { signals: Array<{ id: string }> };
    const shown = await page.$$eval('[data-signal]', (items) => items.map((item) => item.getAttribute('data-signal')));
    expect(shown).toEqual(reply.signals.map((signal) => signal.id));
    if (shown.length === 0) expect(await page.$eval('[data-testid=signals] p', (el) => el.textContent)).toBe(english('dashboardNoSignals'));
    await page.close();
  });
});
