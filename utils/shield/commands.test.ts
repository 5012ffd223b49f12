import { describe, expect, it } from 'vitest';
import { parseShieldCommand } from './commands';

describe('parseShieldCommand', () => {
  it('accepts the commands without a payload', () => {
    for (const type of ['shield/stop', 'shield/recover-all', 'shield/reveal-all', 'shield/refresh']) expect(parseShieldCommand({ type })).toEqual({ type });
  });

  it('accepts a lock or its end', () => {
    expect(parseShieldCommand({ type: 'shield/lock', lock: { reason: 'cap', until: 5 } })).toEqual({ type: 'shield/lock', lock: { reason: 'cap', until: 5 } });
    expect(parseShieldCommand({ type: 'shield/lock', lock: null })).toEqual({ type: 'shield/lock', lock: null });
    const bedtime = { type: 'shield/lock', lock: { reason: 'bedtime', until: 5, override: true } };
    expect(parseShieldCommand(bedtime)).toEqual(bedtime);
  });

  it.each([
    { type: 'shield/lock' },
    { type: 'shield/lock', lock: { reason: 'nap', until: 5 } },
    { type: 'shield/lock', lock: { reason: 'cap', until: 'later' } },
    { type: 'shield/lock', lock: { reason: 'cap', until: 5, extra: 1 } },
    { type: 'shield/lock', lock: 'cap' },
    { type: 'shield/lock', lock: { reason: 'bedtime', until: 5, override: 'yes' } },
  ])('refuses the malformed lock %j', (message) => {
    expect(parseShieldCommand(message)).toBeNull();
  });

  it.each([null, 'shield/stop', {}, { type: 'shield/erase' }, { type: 'shield/stop', extra: 1 }, { type: 42 }])('refuses %j', (message) => {
    expect(parseShieldCommand(message)).toBeNull();
  });
});
