// Part of `npm run bench`: what encryption at rest costs, measured in the real extension in
// Chromium. Turning it on, unlocking (600,000 PBKDF2 rounds), and writing one record (a check-in,
// the same path as an exposure segment) with encryption off, on and open, and on and locked
// (sealed to the public key with a fresh ephemeral key). Results: docs/performance.md.
import type { Page } from 'puppeteer';
import { launchChromium } from '../scripts/lib/launch.ts';

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const writes = 40;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Sends a message from the page and returns how long the answer took, in ms. */
const timed = (page: Page, type: string, payload: unknown) =>
  page.evaluate(async (message) => {
    const start = performance.now();
    const answer = (await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome.runtime.sendMessage(message));
    if (!answer.ok) throw new Error(answer.error);
    return performance.now() - start;
  }, { type, payload });

async function writeCost(page: Page): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < writes; i++) samples.push(await timed(page, 'checkins/add', { rating: 5, note: 'a bench check-in' }));
  return median(samples.slice(5));
}

const gauze = await launchChromium();
try {
  const page = await gauze.openPage('options.html');
  const off = await writeCost(page);
  const enable = await timed(page, 'vault/enable', { passphrase: 'a bench passphrase' });
  const open = await writeCost(page);
  const unlocks: number[] = [];
  for (let round = 0; round < rounds; round++) {
    await timed(page, 'vault/lock', {});
    unlocks.push(await timed(page, 'vault/unlock', { passphrase: 'a bench passphrase' }));
  }
  await timed(page, 'vault/lock', {});
  const locked = await writeCost(page);
  console.log(`\nEncryption at rest in Chromium (medians in ms; ${rounds} unlocks, ${writes - 5} writes each)\n`);
  console.log('| measure | ms |');
  console.log('|---|---:|');
  console.log(`| turn encryption on (no records yet) | ${enable.toFixed(1)} |`);
  console.log(`| unlock with the passphrase (600,000 PBKDF2-SHA-256 rounds) | ${median(unlocks).toFixed(1)} |`);
  console.log(`| write one record, encryption off | ${off.toFixed(2)} |`);
  console.log(`| write one record, encryption on and open (AES-GCM) | ${open.toFixed(2)} |`);
  console.log(`| write one record, encryption on and locked (ECDH P-256 + AES-GCM) | ${locked.toFixed(2)} |`);
} finally {
  await gauze.browser.close();
}
