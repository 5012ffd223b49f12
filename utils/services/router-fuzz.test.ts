import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { createMessageRouter, messageSpecs, type Handlers, type MessageType, type SenderInfo } from '../core/messaging';
import { createServices, startServices } from './index';
import { fakeAdapters, serviceBase, storagePerTest } from './testing';

const newStorage = storagePerTest();
const ID = 'gauze-test-id';
const ORIGIN = 'chrome-extension://gauze-test-id/';
const types = Object.keys(messageSpecs) as MessageType[];

const senders: Record<string, SenderInfo> = {
  page: { id: ID, url: `${ORIGIN}options.html`, hasTab: false },
  content: { id: ID, url: 'https://x.com/status/1', hasTab: true, tabId: 7, frameId: 0, tabUrl: 'https://x.com/status/1' },
  'another extension': { id: 'someone-else', url: 'chrome-extension://someone-else/page.html', hasTab: false },
  'a web page': { url: 'https://evil.example/', hasTab: true, tabId: 9, frameId: 0 },
};

/** The field names a payload schema knows, so generated payloads come close to valid ones. */
const fieldsOf = (type: MessageType): string[] => {
  const schema = messageSpecs[type].payload as z.ZodType;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : ['input', 'suggestion', 'hosts', 'rules', 'limits'];
};

/** Nearly right messages (known types, known field names, wrong values) and plain garbage. */
const message = fc.oneof(
  fc.anything(),
  fc.record({ type: fc.oneof(fc.constantFrom(...types), fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString')), payload: fc.anything() }),
  fc.constantFrom(...types).chain((type) =>
    fc.record({
      type: fc.constant(type),
      payload: fc.dictionary(fc.constantFrom(...fieldsOf(type), 'extra'), fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.array(fc.string()), fc.constant(null))),
    }),
  ),
);

/** Whether the router should let this message through from this sender: the schemas decide. */
function acceptable(raw: unknown, sender: SenderInfo): boolean {
  if (sender.id !== ID) return false;
  const from = sender.url?.startsWith(ORIGIN) ? 'page' : sender.hasTab ? 'content' : null;
  if (!from || raw === null || typeof raw !== 'object') return false;
  const { type, payload } = raw as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.hasOwn(messageSpecs, type)) return false;
  const spec = messageSpecs[type as MessageType];
  return (spec.from as readonly string[]).includes(from) && (spec.payload as z.ZodType).safeParse(payload).success;
}

describe('the message router against generated messages', () => {
  it('10,000 messages from pages, content scripts and strangers: no crash, no handler for a bad one, nothing stored changes', async () => {
    const storage = newStorage();
    const real = startServices(createServices(fakeAdapters()), serviceBase({ storage, now: () => 1_000_000 }));
    await real.ping!({ echo: 'ready' }, 'page', senders.page!);
    await real['sites/flag']!({ input: 'x.com' }, 'page', senders.page!);
    const ran: string[] = [];
    const spied = Object.fromEntries(
      Object.entries(real).map(([type, handler]) => [type, (...args: unknown[]) => (ran.push(type), (handler as (...a: unknown[]) => unknown)(...args))]),
    ) as Handlers;
    const route = createMessageRouter({ extensionId: ID, extensionOrigin: ORIGIN, handlers: spied });
    const snapshot = async () => JSON.stringify([await storage.everything(), await storage.summary(), ...(await Promise.all((['breaks', 'limits', 'bedtime', 'shield'] as const).map((group) => storage.settings.get(group))))]);
    const before = await snapshot();

    let sent = 0;
    await fc.assert(
      fc.asyncProperty(message, fc.constantFrom(...Object.keys(senders)), async (raw, who) => {
        const sender = senders[who]!;
        // A message that happens to be valid would rightly run; only invalid ones are sent.
        fc.pre(!acceptable(raw, sender));
        sent++;
        const answer = await route(raw, sender);
        expect(answer.ok).toBe(false);
        expect(typeof (answer as { error?: unknown }).error).toBe('string');
        expect(ran).toEqual([]);
      }),
      { numRuns: 10_000, seed: 20261201 },
    );
    expect(sent).toBeGreaterThanOrEqual(10_000);
    expect(await snapshot()).toBe(before);
  }, 120_000);
});
