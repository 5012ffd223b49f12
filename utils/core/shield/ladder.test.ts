import { describe, expect, it } from 'vitest';
import { nextStep, revealSteps } from './ladder';

describe('reveal ladder', () => {
  const all = revealSteps.slice(1);

  it('opens one step at a time and stops at the last allowed one', () => {
    expect(nextStep('cover', all)).toBe('blur');
    expect(nextStep('blur', all)).toBe('outline');
    expect(nextStep('outline', all)).toBe('full');
    expect(nextStep('full', all)).toBe('full');
  });

  it('skips steps a policy leaves out, and never goes past them', () => {
    expect(nextStep('cover', ['outline'])).toBe('outline');
    expect(nextStep('blur', ['blur', 'outline'])).toBe('outline');
    expect(nextStep('outline', ['blur', 'outline'])).toBe('outline');
    expect(nextStep('cover', [])).toBe('cover');
  });
});
