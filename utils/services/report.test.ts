import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportFailure } from './report';

afterEach(() => vi.restoreAllMocks());

describe('reportFailure', () => {
  it('logs a failure with what failed, but not the browser closing', () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    reportFailure('exposure clock')(new Error('The browser is shutting down.'));
    expect(logged).not.toHaveBeenCalled();
    const failure = new Error('QuotaExceededError');
    reportFailure('exposure clock')(failure);
    expect(logged).toHaveBeenCalledWith('Gauze: exposure clock', failure);
  });
});
