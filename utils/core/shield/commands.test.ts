import { describe, expect, it } from 'vitest';
import { parseShieldCommand } from './commands';

describe('parseShieldCommand', () => {
  it('accepts the commands without a payload', () => {
    for (const type of ['shield/stop', 'shield/recover-all', 'shield/reveal-all', 'shield/refresh', 'shield/alive']) expect(parseShieldCommand({ type })).toEqual({ type });
  });

  it('accepts a lock (with what its card says) or its end', () => {
    const cap = { type: 'shield/lock', lock: { reason: 'cap', until: 5, text: 'Covered for the rest of the day.' } };
    expect(parseShieldCommand(cap)).toEqual(cap);
    expect(parseShieldCommand({ type: 'shield/lock', lock: null })).toEqual({ type: 'shield/lock', lock: null });
    const bedtime = { type: 'shield/lock', lock: { reason: 'bedtime', until: 5, override: true, text: null } };
    expect(parseShieldCommand(bedtime)).toEqual(bedtime);
  });

  it('accepts a frame\'s state, by its frame id', () => {
    expect(parseShieldCommand({ type: 'shield/frame', frameId: 3, inner: true })).toEqual({ type: 'shield/frame', frameId: 3, inner: true });
    expect(parseShieldCommand({ type: 'shield/frame', frameId: -1, inner: true })).toBeNull();
    expect(parseShieldCommand({ type: 'shield/frame', frameId: 3, inner: 'yes' })).toBeNull();
    expect(parseShieldCommand({ type: 'shield/frame', frameId: 3, inner: true, token: 'x' })).toBeNull();
  });

  it.each([
    { type: 'shield/lock' },
    { type: 'shield/lock', lock: { reason: 'nap', until: 5 } },
    { type: 'shield/lock', lock: { reason: 'cap', until: 'later' } },
    { type: 'shield/lock', lock: { reason: 'cap', until: 5, text: null, extra: 1 } },
    { type: 'shield/lock', lock: { reason: 'cap', until: 5 } },
    { type: 'shield/lock', lock: { reason: 'cap', until: 5, text: 42 } },
    { type: 'shield/lock', lock: 'cap' },
    { type: 'shield/lock', lock: { reason: 'bedtime', until: 5, override: 'yes' } },
  ])('refuses the malformed lock %j', (message) => {
    expect(parseShieldCommand(message)).toBeNull();
  });

  it.each([null, 'shield/stop', {}, { type: 'shield/erase' }, { type: 'shield/stop', extra: 1 }, { type: 42 }])('refuses %j', (message) => {
    expect(parseShieldCommand(message)).toBeNull();
  });
});
