import { describe, expect, it, vi } from 'vitest';
import { MessageError, sendTyped } from './message-client';
import { classifySender, createMessageRouter, type SenderInfo } from './messaging';

const ID = 'lccfjmnjilackiclhpecehclojlgbopb';
const ORIGIN = `chrome-extension://${ID}/`;
const page: SenderInfo = { id: ID, url: `${ORIGIN}popup.html`, hasTab: false };
const content: SenderInfo = { id: ID, url: 'https://example.org/case/12', hasTab: true };

function router() {
  const rejected: string[] = [];
  const ping = vi.fn((payload: { echo: string }) => ({ echo: payload.echo, version: '1.2.3', records: true }));
  const route = createMessageRouter({
    extensionId: ID,
    extensionOrigin: ORIGIN,
    handlers: { ping, 'storage/summary': () => ({ schemaVersion: 1, installedAt: null, stores: [], facts: { exposureDays: 0, sites: 0, reveals: 0, notes: 0, sharedMarks: 0, checkIns: 0, memos: 0, answers: 0, breaks: 0, overrides: 0 } }) },
    onRejected: (reason) => rejected.push(reason),
  });
  return { route, ping, rejected };
}

describe('classifySender', () => {
  it('tells extension pages from content scripts', () => {
    expect(classifySender(page, ID, ORIGIN)).toBe('page');
    expect(classifySender({ ...page, hasTab: true }, ID, ORIGIN)).toBe('page');
    expect(classifySender(content, ID, ORIGIN)).toBe('content');
  });

  it('refuses other extensions and senders without a tab or page', () => {
    expect(classifySender({ ...page, id: 'abcdefghijklmnopabcdefghijklmnop' }, ID, ORIGIN)).toBeNull();
    expect(classifySender({ id: ID, url: 'https://example.org/', hasTab: false }, ID, ORIGIN)).toBeNull();
    expect(classifySender({ hasTab: true }, ID, ORIGIN)).toBeNull();
  });
});

describe('createMessageRouter', () => {
  it('answers a valid message with the handler reply', async () => {
    const { route, ping } = router();
    await expect(route({ type: 'ping', payload: { echo: 'hi' } }, page)).resolves.toEqual({
      ok: true,
      reply: { echo: 'hi', version: '1.2.3', records: true },
    });
    expect(ping).toHaveBeenCalledWith({ echo: 'hi' }, 'page', page);
  });

  it('rejects malformed messages with the field named, without running a handler', async () => {
    const { route, ping, rejected } = router();
    const cases: Array<[unknown, RegExp]> = [
      [{ type: 'ping', payload: { echo: 42 } }, /^message\.payload\.echo: expected string.*got 42/],
      [{ type: 'ping', payload: { echo: 'x', extra: 1 } }, /message\.payload.*extra/],
      [{ type: 'nope', payload: {} }, /^message\.type: /],
      ['ping', /^message: expected object/],
      [{ type: 'ping', payload: { echo: 'x' }, sneaky: true }, /sneaky/],
    ];
    for (const [raw, expected] of cases) {
      const answer = await route(raw, page);
      expect(answer.ok).toBe(false);
      expect(answer.ok ? '' : answer.error).toMatch(expected);
    }
    expect(ping).not.toHaveBeenCalled();
    expect(rejected).toHaveLength(cases.length);
  });

  it('refuses messages a context may not send, and foreign senders', async () => {
    const { route } = router();
    const fromContent = await route({ type: 'storage/summary', payload: {} }, content);
    expect(fromContent).toEqual({ ok: false, error: expect.stringMatching(/may not be sent from a content script/) });
    const foreign = await route({ type: 'ping', payload: { echo: 'x' } }, { ...page, id: 'other' });
    expect(foreign).toEqual({ ok: false, error: expect.stringMatching(/not part of Gauze/) });
  });

  it('does not pass on a handler reply that breaks its schema', async () => {
    const route = createMessageRouter({
      extensionId: ID,
      extensionOrigin: ORIGIN,
      handlers: { ping: () => ({ echo: 'x' }) as never },
    });
    const answer = await route({ type: 'ping', payload: { echo: 'x' } }, page);
    expect(answer).toEqual({ ok: false, error: expect.stringMatching(/^reply\.version/) });
  });
});

describe('sendTyped', () => {
  it('returns the reply the background validated', async () => {
    const transport = vi.fn(async () => ({ ok: true, reply: { echo: 'a', version: '1' } }));
    await expect(sendTyped(transport, 'ping', { echo: 'a' })).resolves.toEqual({ echo: 'a', version: '1' });
    expect(transport).toHaveBeenCalledWith({ type: 'ping', payload: { echo: 'a' } });
  });

  it('throws the receiver error, or a clear one when nothing valid came back', async () => {
    await expect(sendTyped(async () => ({ ok: false, error: 'boom' }), 'ping', { echo: 'a' })).rejects.toThrow(MessageError);
    await expect(sendTyped(async () => undefined, 'ping', { echo: 'a' })).rejects.toThrow(/no valid answer/);
  });
});
