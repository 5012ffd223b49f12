import { describe, expect, it } from 'vitest';
import { formatDuration, formatTimer } from './format';

describe('formatDuration', () => {
  it('says hours and minutes in the person\'s language', () => {
    expect(formatDuration(0, 'en')).toBe('0 minutes');
    expect(formatDuration(59, 'en')).toBe('0 minutes');
    expect(formatDuration(61, 'en')).toBe('1 minute');
    expect(formatDuration(3 * 3600 + 5 * 60, 'en')).toBe('3 hours 5 minutes');
    expect(formatDuration(3600, 'de')).toBe('1 Stunde 0 Minuten');
  });
});

describe('formatTimer', () => {
  it('writes minutes and two-digit seconds in the language\'s digits, never below zero', () => {
    expect(formatTimer(272, 'en')).toBe('4:32');
    expect(formatTimer(900, 'en')).toBe('15:00');
    expect(formatTimer(4.2, 'en')).toBe('0:05');
    expect(formatTimer(-3, 'en')).toBe('0:00');
    expect(formatTimer(272, 'ar-EG')).toBe('٤:٣٢');
  });
});
