import { describe, expect, it } from 'vitest';
import { capLock, sameLock, strongestLock } from './lock';
import { defaultLimits, limitsSchema } from './limits';

describe('reveal lock', () => {
  it('picks the lock that holds longest and drops ended ones', () => {
    const now = 1_000;
    expect(strongestLock([null, null], now)).toBeNull();
    expect(strongestLock([{ reason: 'break', until: 999 }], now)).toBeNull();
    expect(strongestLock([{ reason: 'break', until: 5_000 }, { reason: 'cap', until: 9_000 }, null], now)).toEqual({ reason: 'cap', until: 9_000 });
    expect(strongestLock([{ reason: 'bedtime', until: 9_500 }, { reason: 'cap', until: 9_000 }], now)?.reason).toBe('bedtime');
  });

  it('locks at the hard cap until the next exposure day, and never without one', () => {
    expect(capLock(3 * 3600, 0, 50)).toBeNull();
    expect(capLock(179 * 60, 180, 50)).toBeNull();
    expect(capLock(180 * 60, 180, 50)).toEqual({ reason: 'cap', until: 50 });
  });

  it('compares locks by value', () => {
    expect(sameLock(null, null)).toBe(true);
    expect(sameLock({ reason: 'cap', until: 1 }, { reason: 'cap', until: 1 })).toBe(true);
    expect(sameLock({ reason: 'cap', until: 1 }, { reason: 'break', until: 1 })).toBe(false);
    expect(sameLock({ reason: 'cap', until: 1 }, null)).toBe(false);
  });
});

describe('limits', () => {
  it('reads a record from an older version (fewer fields) with defaults for the rest', () => {
    expect(limitsSchema.parse({ strictBreaks: true })).toEqual({ ...defaultLimits, strictBreaks: true });
  });
  it('rejects unknown fields and out-of-range values', () => {
    expect(limitsSchema.safeParse({ hardCapMinutes: -1 }).success).toBe(false);
    expect(limitsSchema.safeParse({ softCapMinutes: 30.5 }).success).toBe(false);
    expect(limitsSchema.safeParse({ extra: 1 }).success).toBe(false);
  });
});
