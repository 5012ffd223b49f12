// `npm run bench:profile`: where Gauze's time goes on the heavy page. Loads bench/heavy.html once
// in Chromium with Gauze (an unminified build, so names are readable), takes a CPU profile of the
// page's main thread, and prints Gauze's functions by self time, then the browser's own work done
// under them (a forced style recalculation shows up there).
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { launchChromium, root } from '../scripts/lib/launch.ts';
import { patternPng } from '../tests/e2e/support/png.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

const html = await readFile(join(root, 'bench/heavy.html'));
const picture = patternPng(96, 72);
const server = createServer((request, response) => {
  const isPicture = request.url?.startsWith('/pattern.png');
  response.setHeader('Content-Type', isPicture ? 'image/png' : 'text/html; charset=utf-8');
  response.end(isPicture ? picture : html);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://bench.localhost:${(server.address() as AddressInfo).port}/heavy.html`;
const gauze = await launchChromium();
try {
  const controller = await gauze.openPage('options.html');
  await controller.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'sites/flag', payload: { input: 'bench.localhost' } }));
  const tab = await gauze.browser.newPage();
  await tab.setViewport({ width: 1280, height: 900 });
  await tab.bringToFront();
  const cdp = await tab.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await tab.goto(url, { waitUntil: 'load' });
  await tab.waitForFunction(() => (window as unknown as { feedDone?: boolean }).feedDone === true, { timeout: 20_000 });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };

  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const selfTime = new Map<number, number>();
  profile.samples.forEach((id, index) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const isGauze = (node: ProfileNode) => node.callFrame.url.includes('extension://');
  const own = new Map<string, number>();
  const under = new Map<string, number>();
  let total = 0;
  for (const [id, microseconds] of selfTime) {
    const node = byId.get(id)!;
    if (isGauze(node)) {
      const key = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;
      own.set(key, (own.get(key) ?? 0) + microseconds);
      total += microseconds;
      continue;
    }
    for (let parent = parentOf.get(id); parent !== undefined; parent = parentOf.get(parent)) {
      const caller = byId.get(parent)!;
      if (!isGauze(caller)) continue;
      const key = `${node.callFrame.functionName || '(native)'} under ${caller.callFrame.functionName || '(anonymous)'}:${caller.callFrame.lineNumber}`;
      under.set(key, (under.get(key) ?? 0) + microseconds);
      total += microseconds;
      break;
    }
  }
  const list = (entries: Map<string, number>) => [...entries].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([key, us]) => `${(us / 1000).toFixed(1).padStart(7)} ms  ${key}`).join('\n');
  console.log(`Gauze on the page's main thread: ${(total / 1000).toFixed(1)} ms (sampled every 0.1 ms)\n\nBy function (self time):\n${list(own)}\n\nThe browser's work under Gauze's functions:\n${list(under)}`);
} finally {
  await gauze.browser.close();
  server.close();
}
