import type { z } from 'zod';

/**
 * Turns zod issues into lines a person can act on: the field's path, what was expected and what
 * was found ("policy.breaks.everyMinutes: expected a number, got "ten""). Used for messages,
 * imports, managed policy and stored data alike.
 */
export function describeIssues(error: z.ZodError, root: string, input: unknown): string[] {
  return error.issues.map((issue) => {
    const path = [root, ...issue.path.map(String)].filter(Boolean).join('.');
    const found = describeValue(valueAt(input, issue.path));
    return `${path}: ${issue.message.replace(/^Invalid input: /, '')}${found ? `, got ${found}` : ''}`;
  });
}

/**
 * One problem with a file a person gave Gauze, as data, so a page can say it in the person's
 * language: where (the file's own field names), what kind of problem, the limit, what was found.
 */
export interface Problem {
  path: string[];
  kind: 'not-json' | 'not-policy' | 'not-marks' | 'other-key' | 'newer-version' | 'too-large' | 'missing' | 'not-number' | 'not-text' | 'not-boolean' | 'not-list' | 'not-object' | 'too-big' | 'too-long' | 'too-many' | 'too-small' | 'empty' | 'too-few' | 'format' | 'unknown-field' | 'choice' | 'other';
  /** The bound broken, or the allowed values joined by commas. */
  limit?: string;
  /** What the file has there, shortened ("ten", 300, a list). */
  found?: string;
}

const expectedKinds: Record<string, Problem['kind']> = {
  number: 'not-number',
  int: 'not-number',
  string: 'not-text',
  boolean: 'not-boolean',
  array: 'not-list',
  object: 'not-object',
};

/** The issues of a failed parse, as problems a page can put into words. */
export function problemsOf(error: z.ZodError, input: unknown): Problem[] {
  return error.issues.flatMap((issue): Problem[] => {
    const path = issue.path.map(String);
    const raw = valueAt(input, issue.path);
    const found = describeValue(raw) || undefined;
    const at = (kind: Problem['kind'], limit?: unknown): Problem => ({ path, kind, ...(limit !== undefined ? { limit: String(limit) } : {}), ...(found ? { found } : {}) });
    switch (issue.code) {
      case 'invalid_type':
        return [raw === undefined ? { path, kind: 'missing' } : at(expectedKinds[issue.expected] ?? 'other')];
      case 'too_big':
        return [at(issue.origin === 'string' ? 'too-long' : issue.origin === 'array' || issue.origin === 'set' ? 'too-many' : 'too-big', issue.maximum)];
      case 'too_small':
        if (issue.origin === 'string') return [at(Number(issue.minimum) <= 1 ? 'empty' : 'too-small', issue.minimum)];
        return [at(issue.origin === 'array' || issue.origin === 'set' ? 'too-few' : 'too-small', issue.minimum)];
      case 'invalid_format':
        return [at('format')];
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({ path: [...path, key], kind: 'unknown-field' as const }));
      case 'invalid_value':
        return [at('choice', issue.values.map((value) => JSON.stringify(value)).join(', '))];
      default:
        return [at(issue.message.includes('expected a host name') ? 'format' : 'other')];
    }
  });
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return Array.isArray(value) ? 'a list' : 'an object';
}

/** Thrown with every problem found, so callers can show all of them at once. */
export class ValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'ValidationError';
  }
}

/** Parses or throws a ValidationError naming each bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, root: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(describeIssues(result.error, root, input));
  return result.data;
}
