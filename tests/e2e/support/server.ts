import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { patternPng } from './png.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.webm': 'video/webm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.css': 'text/css',
  '.js': 'text/javascript',
};

export interface FixtureServer {
  port: number;
  /** An address on the flagged test host (a subdomain of localhost). */
  flagged(path: string): string;
  /** An address on a host that is never flagged (for cross-origin frames). */
  other(path: string): string;
  close(): Promise<void>;
}

/**
 * Serves tests/e2e/fixtures on loopback, plus generated test patterns:
 * /pattern.png?w=W&h=H (magenta), /green.png?w=W&h=H, /pattern.svg, and ?delay=ms on any file.
 * ?pause=ms sends an HTML file in pieces, split at each `<!--pause-->` in it, as a slow network
 * would: the browser parses and paints each piece before the next arrives. ?trickle=ms sends any
 * HTML file 200 bytes at a time, `ms` apart.
 * Hosts: case.localhost (flagged in the tests) and 127.0.0.1 (never flagged) reach the same server.
 */
export async function startFixtureServer(): Promise<FixtureServer> {
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const delay = Number(url.searchParams.get('delay') ?? 0);
    if (delay) await new Promise((resolve) => setTimeout(resolve, Math.min(delay, 10_000)));
    const size = (name: string, fallback: number) => Math.min(Number(url.searchParams.get(name) ?? fallback) || fallback, 2000);
    response.setHeader('Cache-Control', 'no-store');
    if (url.pathname === '/pattern.png' || url.pathname === '/green.png') {
      response.setHeader('Content-Type', 'image/png');
      response.end(patternPng(size('w', 200), size('h', 150), url.pathname === '/green.png' ? [0, 160, 0] : [255, 0, 255]));
      return;
    }
    if (url.pathname === '/pattern.svg') {
      response.setHeader('Content-Type', 'image/svg+xml');
      response.end(`<svg xmlns="http://www.w3.org/2000/svg" width="${size('w', 200)}" height="${size('h', 150)}"><rect width="100%" height="100%" fill="#ff00ff"/></svg>`);
      return;
    }
    const path = normalize(join(fixtures, url.pathname === '/' ? 'index.html' : url.pathname));
    if (!path.startsWith(fixtures)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(path);
      response.setHeader('Content-Type', types[extname(path)] ?? 'application/octet-stream');
      const pause = Math.min(Number(url.searchParams.get('pause') ?? url.searchParams.get('trickle') ?? 0) || 0, 5000);
      if (pause && extname(path) === '.html') {
        const pieces = url.searchParams.has('trickle') ? (body.toString('utf8').match(/[^]{1,200}/g) ?? []) : body.toString('utf8').split('<!--pause-->');
        response.writeHead(200);
        for (const [index, piece] of pieces.entries()) {
          if (index) await new Promise((resolve) => setTimeout(resolve, pause));
          response.write(piece);
        }
        response.end();
        return;
      }
      response.setHeader('Accept-Ranges', 'bytes');
      // Byte ranges, as the servers sites keep their video on answer: a browser seeks in a video
      // the page has only partly loaded by asking for the part it needs.
      const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? '');
      if (range && (range[1] || range[2])) {
        const start = range[1] ? Number(range[1]) : Math.max(body.length - Number(range[2]), 0);
        const end = range[1] && range[2] ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
        response.writeHead(206, { 'Content-Range': `bytes ${start}-${end}/${body.length}` });
        response.end(body.subarray(start, end + 1));
        return;
      }
      response.end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    flagged: (path) => `http://case.localhost:${port}${path}`,
    other: (path) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The fixture server for one test file: started before its tests and closed after them. The
 * server returned can be used in any test of the file.
 */
export function fixtureServerForFile(): FixtureServer {
  let started: FixtureServer | undefined;
  beforeAll(async () => {
    started = await startFixtureServer();
  });
  afterAll(async () => {
    await started?.close();
  });
  const running = () => {
    if (!started) throw new Error('the fixture server was used before it started');
    return started;
  };
  return {
    get port() {
      return running().port;
    },
    flagged: (path) => running().flagged(path),
    other: (path) => running().other(path),
    close: () => running().close(),
  };
}
