import { z } from 'zod';
import { bedtimeSchema, nightSchema } from '../bedtime/schedule';
import { breakRulesSchema } from '../breaks/schedule';
import { limitsSchema } from '../limits/limits';
import { shieldSettingsSchema } from '../shield/settings';
import { hostSchema } from '../sites/site-entry';
import { marksKeySchema } from '../marks/shared-marks';
import { describeIssues, problemsOf, type Problem } from '../validation';

/**
 * A team's Gauze policy: one versioned format for a file a member imports and for the enterprise
 * managed-storage key `policy`. Every setting is optional (a policy sets only what the team
 * cares about) and acts as a floor: see utils/core/policy/strictness.ts and docs/policy.md.
 */
export const POLICY_VERSION = 2;

/** Makes every field of a settings schema optional without filling in defaults (a policy sets only what it names). */
const floors = <T extends z.ZodRawShape>(schema: z.ZodObject<T>) =>
  z.object(Object.fromEntries(Object.entries(schema.shape).map(([key, field]) => [key, unwrapDefault(field as z.ZodType).optional()])) as { [K in keyof T]: z.ZodOptional<z.ZodType<z.output<T[K]>>> }).strict();

function unwrapDefault(field: z.ZodType): z.ZodType {
  return field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field;
}

export const questionnaireSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and hyphens'),
    title: z.string().min(1).max(120),
    /** The licence or permission under which the organisation uses this questionnaire. */
    licence: z.string().min(1).max(1000),
    instructions: z.string().max(1000).optional(),
    items: z
      .array(
        z
          .object({
            id: z.string().min(1).max(40),
            text: z.string().min(1).max(500),
            /** Reverse-keyed: scored as min + max - answer (e.g. "I slept well" on a scale of difficulty). */
            reverse: z.boolean().optional(),
          })
          .strict(),
      )
      .min(1)
      .max(60)
      .refine((items) => new Set(items.map((item) => item.id)).size === items.length, 'item ids must be unique'),
    scale: z
      .object({
        min: z.number().int().min(0).max(10),
        max: z.number().int().min(1).max(10),
        labels: z.array(z.object({ value: z.number().int(), text: z.string().min(1).max(80) }).strict()).max(11).default([]),
      })
      .strict()
      .refine((scale) => scale.max > scale.min, 'max must be above min'),
    scoring: z
      .object({
        method: z.enum(['sum', 'mean']),
        bands: z.array(z.object({ from: z.number(), to: z.number(), label: z.string().min(1).max(120) }).strict()).max(10).default([]),
      })
      .strict(),
  })
  .strict();

export const policySchema = z
  .object({
    format: z.literal('gauze-policy'),
    version: z.literal(POLICY_VERSION),
    team: z.object({ name: z.string().trim().min(1).max(80), contact: z.string().trim().max(200).optional() }).strict(),
    /** Sites the whole team flags; members cannot unflag them. */
    sites: z.array(z.object({ host: hostSchema, subdomains: z.boolean().default(true) }).strict()).max(1000).default([]),
    shield: floors(shieldSettingsSchema).optional(),
    breaks: floors(breakRulesSchema).optional(),
    limits: floors(limitsSchema).optional(),
    bedtime: floors(bedtimeSchema).extend({ nights: z.array(nightSchema).length(7).optional() }).optional(),
    data: z.object({ retentionDays: z.number().int().min(7).max(3650).optional() }).strict().optional(),
    /** Whether the team requires Gauze's local data to be encrypted at rest. */
    encryption: z.object({ required: z.boolean() }).strict().optional(),
    questionnaires: z.array(questionnaireSchema).max(10).optional(),
    /**
     * The team's secret for sharing reviewed marks (docs/policy.md): items are named in a shared
     * file by a keyed hash of their address under it. Anyone holding it can test addresses
     * against a shared file, so it travels only with the policy.
     */
    marksKey: marksKeySchema.optional(),
  })
  .strict();

export type Policy = z.infer<typeof policySchema>;

/** Version 1: a team name, a list of hosts and one break interval. Read and upgraded, never written. */
const policyV1Schema = z
  .object({
    format: z.literal('gauze-policy'),
    version: z.literal(1),
    teamName: z.string().trim().min(1).max(80),
    flaggedSites: z.array(hostSchema).max(1000).default([]),
    breakEveryMinutes: z.number().min(5).max(240).optional(),
  })
  .strict();

function upgradeV1(v1: z.infer<typeof policyV1Schema>): unknown {
  return {
    format: 'gauze-policy',
    version: 2,
    team: { name: v1.teamName },
    sites: v1.flaggedSites.map((host) => ({ host, subdomains: true })),
    ...(v1.breakEveryMinutes !== undefined ? { breaks: { pauseEveryMinutes: v1.breakEveryMinutes } } : {}),
  };
}

export type PolicyParse = { ok: true; policy: Policy; upgradedFrom: number | null } | { ok: false; errors: string[]; problems: Problem[] };

/** The most characters a policy file may have (the message that carries it allows as many). */
export const POLICY_MAX_CHARACTERS = 1_000_000;

/**
 * Reads a policy (an object, or a file's text): the current version, or an older one upgraded.
 * A malformed policy gets one line per bad field (path, expected, found: for logs and
 * administrators) and the same as data (`problems`, which a page says in the person's language).
 */
export function parsePolicy(input: unknown): PolicyParse {
  let value = input;
  if (typeof input === 'string') {
    if (input.length > POLICY_MAX_CHARACTERS) return { ok: false, errors: [`policy: more than ${POLICY_MAX_CHARACTERS} characters`], problems: [{ path: [], kind: 'too-large' }] };
    try {
      value = JSON.parse(input);
    } catch (error) {
      return { ok: false, errors: [`policy: not JSON (${error instanceof Error ? error.message : String(error)})`], problems: [{ path: [], kind: 'not-json' }] };
    }
  }
  const fields = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as { format?: unknown; version?: unknown }) : null;
  if (!fields || fields.format !== 'gauze-policy') {
    return { ok: false, errors: ['policy.format: expected "gauze-policy"'], problems: [{ path: [], kind: 'not-policy' }] };
  }
  if (typeof fields.version === 'number' && fields.version > POLICY_VERSION) {
    return { ok: false, errors: [`policy.version: ${fields.version} is newer than this Gauze reads (${POLICY_VERSION})`], problems: [{ path: ['version'], kind: 'newer-version', found: String(fields.version) }] };
  }
  const failed = (error: z.ZodError): PolicyParse => ({ ok: false, errors: describeIssues(error, 'policy', value), problems: problemsOf(error, value) });
  if (fields.version === 1) {
    const old = policyV1Schema.safeParse(value);
    if (!old.success) return failed(old.error);
    const upgraded = policySchema.safeParse(upgradeV1(old.data));
    return upgraded.success ? { ok: true, policy: upgraded.data, upgradedFrom: 1 } : failed(upgraded.error);
  }
  const parsed = policySchema.safeParse(value);
  return parsed.success ? { ok: true, policy: parsed.data, upgradedFrom: null } : failed(parsed.error);
}
