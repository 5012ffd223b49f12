import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromeManagedSchema, policyJsonSchema } from './json-schema';

const root = join(import.meta.dirname, '../../..');
const files = {
  'docs/policy.schema.json': policyJsonSchema,
  'public/managed_schema.json': chromeManagedSchema,
};

// `npm run policy:schema` sets UPDATE_POLICY_SCHEMA=1 and writes the files; otherwise they must match.
describe('generated schemas', () => {
  it.each(Object.entries(files))('%s is generated from the zod schema and up to date', (path, make) => {
    const text = `${JSON.stringify(make(), null, 2)}\n`;
    if (process.env.UPDATE_POLICY_SCHEMA) writeFileSync(join(root, path), text);
    expect(readFileSync(join(root, path), 'utf8'), 'run npm run policy:schema').toBe(text);
  });

  it('the managed schema keeps to what Chrome accepts: an object of policies, each node with exactly one type', () => {
    const schema = chromeManagedSchema();
    expect(schema.type).toBe('object');
    expect(schema).not.toHaveProperty('additionalProperties');
    const visit = (node: Record<string, unknown>, path: string) => {
      expect(typeof node.type, path).toBe('string');
      // "Only integers can have minimum and maximum" (Chrome refuses to load the extension otherwise).
      if (node.type !== 'integer') expect(node, path).not.toHaveProperty('minimum');
      if (node.type !== 'integer') expect(node, path).not.toHaveProperty('maximum');
      for (const key of Object.keys(node)) expect(['type', 'properties', 'items', 'additionalProperties', 'enum', 'minimum', 'maximum', 'pattern', 'title', 'description'], `${path}.${key}`).toContain(key);
      for (const [name, child] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) visit(child, `${path}.${name}`);
      if (node.items) visit(node.items as Record<string, unknown>, `${path}[]`);
    };
    visit(schema, 'schema');
  });
});
