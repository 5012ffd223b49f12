// `npm run bench`: the cost of Gauze on a heavy page, against the same browser without Gauze.
// Loads bench/heavy.html alternately in Chromium with Gauze (the page's site flagged) and in
// Chromium without any extension, and prints medians and ratios. Results: docs/performance.md.
import type { Browser, Page } from 'puppeteer';
import puppeteer from 'puppeteer';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromiumArgs, launchChromium, root } from '../scripts/lib/launch.ts';
import { findBrowser } from '../scripts/lib/browsers.ts';
import { patternPng } from '../tests/e2e/support/png.ts';

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);

interface Sample {
  load: number;
  /** First contentful paint (ms from navigation start). */
  firstPaint: number;
  /** All main-thread task time (script, style, layout, paint, ...). */
  tasks: number;
  script: number;
  style: number;
  layout: number;
  longestTask: number;
}

async function serve() {
  const page = await readFile(join(root, 'bench/heavy.html'));
  const cache = new Map<string, Buffer>();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    if (url.pathname === '/pattern.png') {
      const key = `${url.searchParams.get('w')}x${url.searchParams.get('h')}`;
      if (!cache.has(key)) cache.set(key, patternPng(Number(url.searchParams.get('w')), Number(url.searchParams.get('h'))));
      response.setHeader('Content-Type', 'image/png');
      response.setHeader('Cache-Control', 'no-store');
      response.end(cache.get(key));
      return;
    }
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://bench.localhost:${(server.address() as AddressInfo).port}/heavy.html` };
}

/** Collected in the page from document start: the length of every long task (50 ms or more). */
const observe = () => {
  const w = window as unknown as { benchTasks: number[] };
  w.benchTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.benchTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
};

async function measure(browser: Browser, url: string): Promise<Sample> {
  const page: Page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.bringToFront();
  await page.evaluateOnNewDocument(observe);
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as { feedDone?: boolean }).feedDone === true, { timeout: 20_000 });
  await new Promise((resolve) => setTimeout(resolve, 1000)); // idle work after the feed stops
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  const inPage = await page.evaluate(() => {
    const w = window as unknown as { benchTasks: number[] };
    const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return { load: nav!.loadEventEnd - nav!.startTime, firstPaint: paint?.startTime ?? 0, longestTask: Math.max(0, ...w.benchTasks) };
  });
  await page.close();
  return {
    load: inPage.load,
    firstPaint: inPage.firstPaint,
    tasks: metric('TaskDuration'),
    script: metric('ScriptDuration'),
    style: metric('RecalcStyleDuration'),
    layout: metric('LayoutDuration'),
    longestTask: inPage.longestTask,
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; scriptName?: string } };
}

interface Traced {
  /** The page's main thread: Gauze's scripts there delay the page (their time in all, and in the worst task). */
  page: { worst: number; tasks: number; total: number };
  /** Gauze's background worker, on its own thread: its work does not hold up the page. */
  worker: { tasks: number; ms: number };
}

/**
 * Traces one load with Gauze. On the page's main thread: for the task where Gauze's scripts ran
 * longest, how long they ran (ms), and in how many tasks they ran at all (script calls whose
 * source is an extension:// address, summed within each task). The background worker's tasks
 * during the load are counted apart: they run on another thread.
 */
async function traceGauze(browser: Browser, url: string): Promise<Traced> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.bringToFront();
  await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as { feedDone?: boolean }).feedDone === true, { timeout: 20_000 });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const trace = JSON.parse(Buffer.from((await page.tracing.stop())!).toString('utf8')) as { traceEvents: TraceEvent[] };
  await page.close();
  const threadNames = new Map(trace.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, (e.args as { name?: string } | undefined)?.name ?? '']));
  const events = trace.traceEvents.filter((e) => e.ph === 'X' && e.dur !== undefined);
  const tasks = events.filter((e) => e.name === 'RunTask');
  const gauze = events.filter((e) => (e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'V8.Execute') && /extension:\/\//.test(e.args?.data?.url ?? e.args?.data?.scriptName ?? ''));
  const traced: Traced = { page: { worst: 0, tasks: 0, total: 0 }, worker: { tasks: 0, ms: 0 } };
  /** With BENCH_DEBUG: how many page tasks each entry point (first outer call) accounts for. */
  const entries = new Map<string, number>();
  for (const task of tasks) {
    const inside = gauze.filter((e) => e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur!);
    if (!inside.length) continue;
    // Nested calls are counted once: only those not inside another of Gauze's calls.
    const outer = inside.filter((e) => !inside.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur! >= e.ts + e.dur! && o.dur! > e.dur!));
    const total = outer.reduce((sum, e) => sum + e.dur!, 0) / 1000;
    if (threadNames.get(`${task.pid}:${task.tid}`) !== 'CrRendererMain') {
      traced.worker.tasks++;
      traced.worker.ms += total;
      continue;
    }
    traced.page.tasks++;
    traced.page.total += total;
    if (process.env.BENCH_DEBUG && total > 20) console.log(`task ${(task.dur! / 1000).toFixed(1)} ms, Gauze ${total.toFixed(1)} ms:`, outer.map((e) => `${e.name} ${(e.args?.data as { functionName?: string })?.functionName ?? ''} ${(e.dur! / 1000).toFixed(1)}`).join(', '));
    traced.page.worst = Math.max(traced.page.worst, total);
    const first = outer.sort((a, b) => a.ts - b.ts)[0]!;
    const data = first.args?.data as { functionName?: string; lineNumber?: number; columnNumber?: number; url?: string } | undefined;
    const entry = `${first.name} ${data?.functionName || '(anonymous)'} ${data?.url?.split('/').pop() ?? ''}:${data?.lineNumber ?? ''}:${data?.columnNumber ?? ''}`;
    entries.set(entry, (entries.get(entry) ?? 0) + 1);
  }
  if (process.env.BENCH_DEBUG) console.log('Gauze page tasks by entry:', [...entries].sort((a, b) => b[1] - a[1]));
  return traced;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const { server, url } = await serve();
const withGauze = await launchChromium();
const controller = await withGauze.openPage('options.html');
await controller.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'sites/flag', payload: { input: 'bench.localhost' } }));
const without = await puppeteer.launch({ executablePath: findBrowser('chromium'), headless: true, pipe: true, args: chromiumArgs(), defaultViewport: null });

const samples: Record<'without' | 'with', Sample[]> = { without: [], with: [] };
let traced: Traced = { page: { worst: 0, tasks: 0, total: 0 }, worker: { tasks: 0, ms: 0 } };
try {
  // One warm-up each, then alternate so machine noise falls on both sides alike.
  await measure(without, url);
  await measure(withGauze.browser, url);
  for (let round = 0; round < rounds; round++) {
    samples.without.push(await measure(without, url));
    samples.with.push(await measure(withGauze.browser, url));
    process.stdout.write(`round ${round + 1}/${rounds}\n`);
  }
  traced = await traceGauze(withGauze.browser, url);
} finally {
  await withGauze.browser.close();
  await without.close();
  server.close();
}

const rows: Array<[string, keyof Sample]> = [
  ['load (navigation start to load event)', 'load'],
  ['first contentful paint', 'firstPaint'],
  ['main-thread task time', 'tasks'],
  ['script time', 'script'],
  ['style recalculation', 'style'],
  ['layout', 'layout'],
  ['longest task', 'longestTask'],
];
console.log(`\nHeavy page, ${rounds} alternating rounds, medians in ms (Chromium ${(await import('node:child_process')).execFileSync(findBrowser('chromium'), ['--version']).toString().trim()})\n`);
console.log('| measure | without Gauze | with Gauze | ratio |');
console.log('|---|---:|---:|---:|');
for (const [label, key] of rows) {
  const a = median(samples.without.map((s) => s[key]));
  const b = median(samples.with.map((s) => s[key]));
  console.log(`| ${label} | ${a.toFixed(1)} | ${b.toFixed(1)} | ${(b / a).toFixed(2)} |`);
}
/** The heavy page's media items: 3,000 pictures and 300 background pictures (bench/heavy.html). */
const MEDIA_ITEMS = 3300;
console.log(
  `\nOne traced load: on the page's main thread Gauze's scripts ran ${traced.page.total.toFixed(1)} ms in all (${((traced.page.total / MEDIA_ITEMS) * 1000).toFixed(1)} ms per 1,000 media items) in ${traced.page.tasks} tasks, the most in one task ${traced.page.worst.toFixed(1)} ms (goal: under 16 ms);` +
    ` the background worker ran ${traced.worker.tasks} tasks on its own thread (${traced.worker.ms.toFixed(1)} ms in all).`,
);
