import { z } from 'zod';
import { policySchema } from './schema';

/** The policy format as JSON Schema (draft 2020-12), generated from the zod schema: docs/policy.schema.json. */
export function policyJsonSchema(): Record<string, unknown> {
  return {
    ...(z.toJSONSchema(policySchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>),
    title: 'Gauze team policy',
    description: 'One policy for a team: a file a member imports, or the managed-storage key "policy". See docs/policy.md.',
  };
}

/** The keywords Chrome's managed-storage schema understands (a subset of JSON Schema draft 3). */
const CHROME_KEYWORDS = new Set(['type', 'properties', 'items', 'additionalProperties', 'enum', 'minimum', 'maximum', 'pattern', 'title', 'description']);

/** One schema node in Chrome's subset: exactly one type, no combinators, nothing it would reject. */
function toChrome(node: Record<string, unknown>): Record<string, unknown> {
  if (Array.isArray(node.anyOf) || Array.isArray(node.oneOf)) {
    // Chrome has no unions: the first branch that is not null stands for the field.
    const branches = ((node.anyOf ?? node.oneOf) as Array<Record<string, unknown>>).filter((b) => b.type !== 'null');
    return toChrome({ ...branches[0], ...(node.description ? { description: node.description } : {}) });
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (!CHROME_KEYWORDS.has(key)) continue;
    if (key === 'properties') out.properties = Object.fromEntries(Object.entries(value as Record<string, Record<string, unknown>>).map(([name, child]) => [name, toChrome(child)]));
    else if (key === 'items') out.items = toChrome(value as Record<string, unknown>);
    else if (key === 'additionalProperties') {
      if (typeof value === 'object' && value) out.additionalProperties = toChrome(value as Record<string, unknown>);
    } else out[key] = value;
  }
  if ('const' in node) {
    out.type = typeof node.const === 'number' ? (Number.isInteger(node.const) ? 'integer' : 'number') : typeof node.const;
    out.enum = [node.const];
  }
  if (!out.type && out.properties) out.type = 'object';
  // Chrome refuses to load an extension whose schema bounds anything but integers.
  if (out.type !== 'integer') {
    delete out.minimum;
    delete out.maximum;
  }
  return out;
}

/**
 * Chrome and Edge's managed_schema.json: one policy, `policy`, holding the whole policy object.
 * Chrome drops a managed value that does not fit this schema; Gauze then reports the store as
 * empty and keeps the last valid policy.
 */
export function chromeManagedSchema(): Record<string, unknown> {
  const policy = toChrome(policyJsonSchema());
  return {
    type: 'object',
    properties: {
      policy: { ...policy, title: 'Gauze team policy', description: 'The team policy object, in the same format as a policy file (docs/policy.md).' },
    },
  };
}
