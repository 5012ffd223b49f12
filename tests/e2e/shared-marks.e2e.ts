import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LaunchedGauze } from '../../scripts/lib/launch.ts';
import { allowDownloads, launchSavingTo, savedJson } from './support/downloads.ts';
import { ask, browsers, english, launchGauze, newPage, poll, reloadPage } from './support/gauze.ts';
import { startFixtureServer, type FixtureServer } from './support/server.ts';

/** One team's policy, as a team lead's builder makes it: the flagged case site and a marks key. */
const teamPolicy = {
  format: 'gauze-policy',
  version: 2,
  team: { name: 'E2E verification desk' },
  sites: [{ host: 'case.localhost', subdomains: false }],
  marksKey: 'q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80',
};
const otherTeamPolicy = { ...teamPolicy, team: { name: 'Another desk' }, marksKey: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8' };

async function importPolicy(gauze: LaunchedGauze, policy: object): Promise<Page> {
  const options = await gauze.openPage('options.html');
  const answer = await ask(options, 'policy/import', { text: JSON.stringify(policy) });
  if (!answer.ok) throw new Error(`the policy was refused: ${answer.error}`);
  return options;
}

/** The flagged fixture page, with its first picture ready for the keyboard (the shield has run). */
async function openCase(gauze: LaunchedGauze, server: FixtureServer): Promise<Page> {
  const page = await newPage(gauze);
  await page.goto(server.flagged('/images.html'), { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector<HTMLElement>('#plain')!.tabIndex === 0);
  return page;
}

/**
 * Every text in a page's closed shadow roots (where the card lives), read through the DevTools
 * protocol: Chromium only (Firefox's remote protocol has no way into a closed root).
 */
async function shadowTexts(page: Page): Promise<string[]> {
  const cdp = await page.createCDPSession();
  type Node = { nodeType: number; nodeValue: string; children?: Node[]; shadowRoots?: Node[] };
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: Node };
  const texts: string[] = [];
  const walk = (node: Node, inShadow: boolean) => {
    if (inShadow && node.nodeType === 3 && node.nodeValue.trim()) texts.push(node.nodeValue.trim());
    for (const child of node.children ?? []) walk(child, inShadow);
    for (const shadow of node.shadowRoots ?? []) walk(shadow, true);
  };
  walk(root, false);
  await cdp.detach();
  return texts;
}

describe.each(browsers)('shared reviewed marks in %s', (name) => {
  let server: FixtureServer;
  let alice: LaunchedGauze;
  let bob: LaunchedGauze | undefined;
  /** Where Alice's browser saves what she downloads. */
  let downloads: string;

  beforeAll(async () => {
    server = await startFixtureServer();
    downloads = mkdtempSync(join(tmpdir(), 'gauze-marks-'));
    alice = await launchSavingTo(name, downloads);
  });
  afterAll(async () => {
    await alice?.browser.close();
    await bob?.browser.close();
    await server?.close();
    rmSync(downloads, { recursive: true, force: true });
  });

  it("one person's reviewed item, shared as a file with no address in it, is marked reviewed by a colleague in another profile with the same policy", async () => {
    // Alice reviews the first exhibit on the case site (R, as on the card) and adds a note.
    const options = await importPolicy(alice, teamPolicy);
    const page = await openCase(alice, server);
    await page.keyboard.press('Tab');
    await page.keyboard.press('KeyR');
    await page.waitForFunction(() => document.querySelector('#plain')!.hasAttribute('data-cover-reviewed'));
    const address = server.flagged('/pattern.png?w=200&h=150');
    await poll(async () => ((await ask(options, 'notes/lookup', { addresses: [address] })).reply as { notes: unknown[] }).notes.length, 1);
    await ask(options, 'notes/put', { address, note: 'Same scene as exhibit 4; nothing new.', reviewed: true });
    await page.close();

    // She saves her marks from Settings, notes included, as a person would.
    await reloadPage(options);
    await allowDownloads(options, name, downloads);
    await options.waitForSelector('[data-testid=shared-marks] input[name=include-notes]:not([disabled])');
    await options.click('[data-testid=shared-marks] input[name=include-notes]');
    await options.waitForFunction(() => [...document.querySelectorAll<HTMLButtonElement>('[data-testid=shared-marks] button')].some((button) => !button.disabled));
    await options.click('[data-testid=shared-marks] button');
    await options.waitForSelector('[data-testid=marks-message]');
    expect(await options.$eval('[data-testid=marks-message]', (el) => el.textContent)).toBe(english('marksShared', 1));
    const file = await savedJson(downloads);
    expect(file).toMatch(/^gauze-shared-marks-\d{4}-\d{2}-\d{2}\.json$/);
    const text = readFileSync(join(downloads, file!), 'utf8');

    // Read as anyone holding the file would: an id and the note she chose to share, nothing that
    // names the picture, the page, the site or the team, and no time of day.
    const shared = JSON.parse(text) as { format: string; made: string; marks: Array<{ id: string; note?: string }> };
    expect(shared.format).toBe('gauze-shared-marks');
    expect(shared.marks).toEqual([{ id: expect.stringMatching(/^[0-9a-f]{64}$/), note: 'Same scene as exhibit 4; nothing new.' }]);
    for (const piece of ['localhost', 'case', 'pattern', '.png', 'images', 'http', '://', server.port.toString(), 'E2E verification', teamPolicy.marksKey]) expect(text, piece).not.toContain(piece);
    expect(text).not.toMatch(/T\d{2}:\d{2}/);

    // Bob, in another profile with the same team policy, adds her file and one made under another
    // team's key: the first counts, the second is refused in words, and changes nothing.
    bob = await launchGauze(name);
    const bobOptions = await importPolicy(bob, teamPolicy);
    await reloadPage(bobOptions);
    const other = await launchGauze(name);
    let foreign: string;
    try {
      const otherOptions = await importPolicy(other, otherTeamPolicy);
      await ask(otherOptions, 'notes/put', { address, note: '', reviewed: true });
      foreign = JSON.stringify(((await ask(otherOptions, 'marks/share', { includeNotes: false })).reply as { file: object }).file);
    } finally {
      await other.browser.close();
    }
    const foreignFile = join(downloads, 'another-desk.json');
    writeFileSync(foreignFile, foreign);
    const input = await bobOptions.waitForSelector('input[name=shared-marks-files]:not([disabled])');
    await input!.uploadFile(join(downloads, file!), foreignFile);
    await bobOptions.waitForSelector('[data-testid=marks-outcomes] [role=alert]');
    expect(await bobOptions.$$eval('[data-testid=marks-outcomes] [role=status]', (items) => items.map((item) => item.textContent))).toEqual([english('marksImported', file!, 1)]);
    expect(await bobOptions.$eval('[data-testid=marks-outcomes] [role=alert]', (item) => item.textContent)).toContain(english('problemOtherKey', 'keyId', '', ''));
    await bobOptions.waitForFunction((want) => document.querySelector('[data-testid=marks-imported]')?.textContent === want, {}, english('dataFactSharedMarks', 1));
    // The team view counts the shared items (how many, never who looked at what).
    const team = await bob.openPage('team.html');
    await team.waitForFunction((want) => document.querySelector('[data-testid=team-shared-marks]')?.textContent === want, {}, english('dataFactSharedMarks', 1));
    await team.close();

    // On the case site the same exhibit carries a colleague's mark (not Bob's own), the next does not.
    const bobPage = await openCase(bob, server);
    await bobPage.waitForFunction(() => document.querySelector('#plain')!.hasAttribute('data-cover-colleague'));
    expect(await bobPage.$eval('#plain', (el) => el.hasAttribute('data-cover-reviewed'))).toBe(false);
    expect(await bobPage.$eval('#srcset', (el) => el.hasAttribute('data-cover-colleague'))).toBe(false);
    const outline = await bobPage.$eval('#plain', (el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('dashed');
    if (name === 'chromium') {
      // Its card says so, with her note, where Bob's keyboard is.
      await bobPage.keyboard.press('Tab');
      expect(await poll(async () => (await shadowTexts(bobPage)).includes(english('shieldColleagueReviewed')), true)).toBe(true);
      expect(await shadowTexts(bobPage)).toContain('Same scene as exhibit 4; nothing new.');
    }
    await bobPage.close();
  });
});
