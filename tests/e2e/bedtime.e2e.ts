import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type LaunchedGauze } from '../../scripts/lib/launch.ts';
import { startFixtureServer, type FixtureServer } from './support/server.ts';
import { ask, flagSite } from './support/sites.ts';
import { clickButton, english } from './support/gauze.ts';
import type { Page } from 'puppeteer';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('bedtime guard in chromium', () => {
  let server: FixtureServer;
  let gauze: LaunchedGauze;
  let controller: Page;
  let defaults: Record<string, unknown>;

  beforeAll(async () => {
    server = await startFixtureServer();
    gauze = await launchChromium();
    controller = await flagSite(gauze, 'localhost');
    defaults = ((await ask(controller, 'bedtime', {})).reply as { bedtime: Record<string, unknown> }).bedtime;
  });
  afterAll(async () => {
    await gauze?.browser.close();
    await server?.close();
  });

  /** A schedule whose night covers now on every weekday: bedtime an hour ago, wake in two hours (local). */
  async function coverNow(strength: 'gentle' | 'firm', enabled = true) {
    const clock = await controller.evaluate(() => {
      const at = (offset: number) => new Date(Date.now() + offset).toTimeString().slice(0, 5);
      return { bedtime: at(-3_600_000), wake: at(2 * 3_600_000) };
    });
    const bedtime = { ...defaults, enabled, strength, nights: Array.from({ length: 7 }, () => ({ on: true, ...clock })) };
    const answer = await ask(controller, 'bedtime', { bedtime });
    expect(answer.ok).toBe(true);
    return answer.reply as { phase: string; current: { end: number } | null };
  }

  /** The centre of a button with this text anywhere in the page, closed shadow roots included. */
  async function closedShadowButton(page: Page, text: string): Promise<{ x: number; y: number }> {
    const cdp = await page.createCDPSession();
    type Node = { nodeId: number; backendNodeId: number; nodeName: string; nodeValue?: string; children?: Node[]; shadowRoots?: Node[] };
    const find = (node: Node, parent?: Node): Node | undefined => {
      if (node.nodeName === '#text' && node.nodeValue === text && parent?.nodeName === 'BUTTON') return parent;
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
        const found = find(child, node);
        if (found) return found;
      }
      return undefined;
    };
    for (let attempt = 0; attempt < 20; attempt++) {
      const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
      const button = find(root);
      if (button) {
        const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: button.backendNodeId })) as { model: { content: number[] } };
        await cdp.detach();
        const [x1, y1, , , x3, y3] = model.content;
        return { x: (x1! + x3!) / 2, y: (y1! + y3!) / 2 };
      }
      await pause(100);
    }
    await cdp.detach();
    throw new Error(`no button "${text}" on the page`);
  }

  const viewOf = (page: Page, selector: string) => page.$eval(selector, (el) => el.getAttribute('data-cover-view'));

  it('gentle: the site stays readable, its media covered and not revealable; the card offers more time', async () => {
    expect((await coverNow('gentle')).phase).toBe('night');
    const page = await gauze.browser.newPage();
    await page.goto(server.flagged('/images.html'), { waitUntil: 'load' });
    expect(page.url()).toBe(server.flagged('/images.html'));
    expect(await page.$eval('body', (el) => el.textContent?.length ?? 0)).toBeGreaterThan(0);
    await page.click('#plain');
    await page.focus('#plain');
    await page.keyboard.press('Enter');
    await pause(200);
    expect(await viewOf(page, '#plain')).toBeNull();
    // The card (a closed shadow root, reached through the DevTools protocol) offers more time,
    // which opens the bedtime page where an override is asked for.
    await page.hover('#plain');
    const ask = await closedShadowButton(page, english('shieldAskOverride'));
    const opened = gauze.browser.waitForTarget((t) => t.url() === `${gauze.origin}bedtime.html`);
    await page.mouse.click(ask.x, ask.y);
    const bedtimePage = await (await opened).asPage();
    await bedtimePage.waitForSelector('[data-testid=guard-ends]');
    await bedtimePage.close();
    await page.close();
  });

  it('firm: a flagged page shows the bedtime page instead; an override with reason and countdown opens it and is recorded', async () => {
    const state = await coverNow('firm');
    expect(state.phase).toBe('night');
    const page = await gauze.browser.newPage();
    const address = server.flagged('/images.html');
    await page.goto(address).catch(() => undefined); // the navigation is replaced by the bedtime page
    await page.waitForFunction((origin) => location.href.startsWith(`${origin}bedtime.html`), {}, gauze.origin);
    await page.waitForSelector('[data-testid=guard-ends]');
    expect(decodeURIComponent(page.url().split('#return=')[1]!)).toBe(address);
    expect(await page.$eval('h1', (el) => el.textContent)).toBe(english('bedtimeOnHeading'));

    // Friction: a reason of ten characters, then a countdown, then the confirmation.
    await page.click('details.override summary');
    const start = await page.$$eval('details.override button', (buttons) => buttons.map((b) => (b as HTMLButtonElement).disabled));
    expect(start).toEqual([true]);
    await page.type('textarea[name=reason]', 'filing due at 9');
    await clickButton(page, english('bedtimeOverrideStart'));
    await page.waitForSelector('[data-testid=countdown]');
    const confirmText = english('bedtimeOverrideConfirm', '30');
    await page.waitForFunction((text) => [...document.querySelectorAll('button')].some((b) => b.textContent === text), { timeout: 15_000 }, confirmText);
    await clickButton(page, confirmText);
    await page.waitForFunction((url) => location.href === url, {}, address);
    await page.waitForSelector('#plain');
    // Back on the site, covered as always, and revealable during the override.
    await page.click('#plain');
    expect(await viewOf(page, '#plain')).toBe('blur');
    const exported = (await ask(controller, 'data/export', {})).reply as { overrides: Array<{ reason: string; minutes: number }> };
    expect(exported.overrides).toEqual([expect.objectContaining({ reason: 'filing due at 9', minutes: 30 })]);
    await page.close();
  });

  it('warns with a notification before the wind-down; the schedule it leads to opens in Settings', async () => {
    // Wind-down (60 min by default) begins in 10 minutes: inside the 15-minute warning.
    const clock = await controller.evaluate(() => {
      const at = (offset: number) => new Date(Date.now() + offset).toTimeString().slice(0, 5);
      return { bedtime: at(70 * 60_000), wake: at(9 * 3_600_000) };
    });
    await ask(controller, 'bedtime', { bedtime: { ...defaults, enabled: true, nights: Array.from({ length: 7 }, () => ({ on: true, ...clock })) } });
    const target = await gauze.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(gauze.origin));
    const worker = (await target.worker())!;
    const shown = () => worker.evaluate(async () => Object.keys(await (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } } }).chrome.notifications.getAll()));
    const deadline = Date.now() + 10_000;
    while (!(await shown()).includes('gauze-wind-down') && Date.now() < deadline) await pause(200);
    expect(await shown()).toContain('gauze-wind-down');
    // A click on it opens Settings at the schedule, with the focus there for keyboard and screen-reader users.
    const options = await gauze.openPage('options.html#bedtime');
    await options.waitForFunction(() => document.activeElement?.id === 'bedtime-heading');
    await options.close();
    await ask(controller, 'bedtime', { bedtime: defaults });
  });

  it('outside the window, everything behaves as usual', async () => {
    await coverNow('firm', false);
    const page = await gauze.browser.newPage();
    await page.goto(server.flagged('/images.html'), { waitUntil: 'load' });
    expect(page.url()).toBe(server.flagged('/images.html'));
    await page.click('#plain');
    expect(await viewOf(page, '#plain')).toBe('blur');
    await page.close();
    await ask(controller, 'bedtime', { bedtime: defaults });
  });
});
