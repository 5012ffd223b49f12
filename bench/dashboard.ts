// Part of `npm run bench`: how long the dashboard takes with a year of data. Seeds 365 days of
// records into Gauze's IndexedDB, then opens the dashboard repeatedly and reads the time from
// navigation start to the chart drawn (a performance mark the page sets). Results: docs/performance.md.
import { launchChromium } from '../scripts/lib/launch.ts';
import { seedRecords, yearOfRecords } from '../tests/e2e/support/seed.ts';

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const gauze = await launchChromium();
try {
  const page = await gauze.openPage('dashboard.html');
  const records = yearOfRecords(Date.now());
  await seedRecords(page, records);
  const drawn: number[] = [];
  const data: number[] = [];
  for (let round = 0; round <= rounds; round++) {
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(() => performance.getEntriesByName('gauze-dashboard-drawn').length > 0, { timeout: 20_000 });
    const sample = await page.evaluate(async () => {
      const mark = performance.getEntriesByName('gauze-dashboard-drawn')[0]!.startTime;
      const start = performance.now();
      await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'dashboard/data', payload: { days: 365 } });
      return { mark, year: performance.now() - start };
    });
    if (round === 0) continue; // warm-up
    drawn.push(sample.mark);
    data.push(sample.year);
  }
  console.log(`\nDashboard with a year of data (${records.exposure.length} exposure segments, ${records.reveals.length} reveals, ${records.breaks.length} break records, ${records.checkins.length} check-ins), ${rounds} loads, medians in ms\n`);
  console.log('| measure | ms |');
  console.log('|---|---:|');
  console.log(`| navigation start to chart drawn (30 days) | ${median(drawn).toFixed(1)} |`);
  console.log(`| a year aggregated in the background and returned (365 days) | ${median(data).toFixed(1)} |`);
} finally {
  await gauze.browser.close();
}
