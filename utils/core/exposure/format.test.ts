import { describe, expect, it } from 'vitest';
import { formatDuration } from './format';

describe('formatDuration', () => {
  it('says hours and minutes in the person\'s language', () => {
    expect(formatDuration(0, 'en')).toBe('0 minutes');
    expect(formatDuration(59, 'en')).toBe('0 minutes');
    expect(formatDuration(61, 'en')).toBe('1 minute');
    expect(formatDuration(3 * 3600 + 5 * 60, 'en')).toBe('3 hours 5 minutes');
    expect(formatDuration(3600, 'de')).toBe('1 Stunde 0 Minuten');
  });
});
