import { describe, expect, it } from 'vitest';
import { nextStep, revealSteps } from './ladder';
import { shieldDefaults } from './defaults';

describe('reveal ladder', () => {
  const all = revealSteps.slice(1);

  it('opens one step at a time and stops at the last allowed one', () => {
    expect(nextStep('cover', all)).toBe('blur');
    expect(nextStep('blur', all)).toBe('outline');
    expect(nextStep('outline', all)).toBe('full');
    expect(nextStep('full', all)).toBe('full');
  });

  it('gives the outline as the first look by default; blur comes before it only when turned on', () => {
    expect(nextStep('cover', shieldDefaults.allowedSteps)).toBe('outline');
    expect(nextStep('outline', shieldDefaults.allowedSteps)).toBe('full');
    expect(nextStep('cover', ['blur', ...shieldDefaults.allowedSteps])).toBe('blur');
  });

  it('skips steps a policy leaves out, and never goes past them', () => {
    expect(nextStep('cover', ['outline'])).toBe('outline');
    expect(nextStep('blur', ['blur', 'outline'])).toBe('outline');
    expect(nextStep('outline', ['blur', 'outline'])).toBe('outline');
    expect(nextStep('cover', [])).toBe('cover');
  });
});
