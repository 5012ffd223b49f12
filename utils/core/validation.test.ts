import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseOrThrow, ValidationError } from './validation';

const schema = z.object({ breaks: z.object({ everyMinutes: z.number().int().min(5).max(240) }) }).strict();

describe('parseOrThrow', () => {
  it('returns the parsed value when valid', () => {
    expect(parseOrThrow(schema, { breaks: { everyMinutes: 50 } }, 'policy')).toEqual({ breaks: { everyMinutes: 50 } });
  });

  it('names the field, the expectation and what was found', () => {
    try {
      parseOrThrow(schema, { breaks: { everyMinutes: 'ten' } }, 'policy');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      const [problem] = (error as ValidationError).problems;
      expect(problem).toMatch(/^policy\.breaks\.everyMinutes: expected number/);
      expect(problem).toContain('got "ten"');
    }
  });

  it('reports every bad field, including unknown keys', () => {
    const result = () => parseOrThrow(schema, { breaks: { everyMinutes: 2 }, extra: true }, 'policy');
    expect(result).toThrow(ValidationError);
    try {
      result();
    } catch (error) {
      const problems = (error as ValidationError).problems;
      expect(problems).toHaveLength(2);
      expect(problems.some((p) => p.startsWith('policy.breaks.everyMinutes: ') && p.endsWith('got 2'))).toBe(true);
      expect(problems.some((p) => p.includes('extra'))).toBe(true);
    }
  });
});
