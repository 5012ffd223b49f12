import { describe, expect, it } from 'vitest';
import { parseShieldCommand } from './commands';

describe('parseShieldCommand', () => {
  it('accepts the three commands', () => {
    for (const type of ['shield/stop', 'shield/recover-all', 'shield/reveal-all']) expect(parseShieldCommand({ type })).toEqual({ type });
  });

  it.each([null, 'shield/stop', {}, { type: 'shield/erase' }, { type: 'shield/stop', extra: 1 }, { type: 42 }])('refuses %j', (message) => {
    expect(parseShieldCommand(message)).toBeNull();
  });
});
