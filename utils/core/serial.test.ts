import { describe, expect, it } from 'vitest';
import { createSerial } from './serial';

describe('createSerial', () => {
  it('runs work in order, one at a time, and goes on after a failure', async () => {
    const serial = createSerial();
    const log: string[] = [];
    const slow = serial(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      log.push('slow');
      return 1;
    });
    const failing = serial(async () => {
      log.push('failing');
      throw new Error('no');
    });
    const fast = serial(async () => {
      log.push('fast');
      return 3;
    });
    await expect(slow).resolves.toBe(1);
    await expect(failing).rejects.toThrow('no');
    await expect(fast).resolves.toBe(3);
    expect(log).toEqual(['slow', 'failing', 'fast']);
  });
});
