import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bedtimeSchema } from '../bedtime/schedule';
import { breakRulesSchema } from '../breaks/schedule';
import { limitsSchema } from '../limits/limits';
import { shieldSettingsSchema } from '../shield/settings';
import { parsePolicy } from './schema';
import { activePolicy } from './active';
import { atLeastAsStrict, combine, effective, looserFields, strictness, type Group, type Groups, type Rule } from './strictness';

const samples = join(import.meta.dirname, '../../../docs/policy-samples');

describe('policy format', () => {
  it.each(readdirSync(samples))('accepts the documented sample %s', (file) => {
    const parsed = parsePolicy(readFileSync(join(samples, file), 'utf8'));
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  });

  it('takes a marks key of 32 bytes in base64url, refuses anything else with the field named, and uses the managed policy\'s when both have one', () => {
    const base = { format: 'gauze-policy', version: 2, team: { name: 'Desk' } };
    const key = (marksKey: string) => parsePolicy({ ...base, marksKey });
    expect(key('AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8').ok).toBe(true);
    for (const bad of ['AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=', 'short', 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwd+h8']) {
      const parsed = key(bad);
      expect(parsed.ok ? [] : parsed.problems, bad).toEqual([expect.objectContaining({ path: ['marksKey'], kind: 'format' })]);
    }
    const file = parsePolicy({ ...base, marksKey: 'A'.repeat(43) });
    const managed = parsePolicy({ ...base, marksKey: 'B'.repeat(43) });
    const none = parsePolicy(base);
    if (!file.ok || !managed.ok || !none.ok) throw new Error('valid policies refused');
    expect(activePolicy([{ policy: file.policy, source: 'file' }, { policy: managed.policy, source: 'managed' }])?.marksKey).toBe('B'.repeat(43));
    expect(activePolicy([{ policy: file.policy, source: 'file' }])?.marksKey).toBe('A'.repeat(43));
    expect(activePolicy([{ policy: none.policy, source: 'file' }])?.marksKey).toBeNull();
  });

  it('upgrades version 1 to the current version', () => {
    const parsed = parsePolicy(readFileSync(join(samples, 'legacy-v1.json'), 'utf8'));
    expect(parsed).toMatchObject({
      ok: true,
      upgradedFrom: 1,
      policy: { version: 2, team: { name: 'Archive team' }, sites: [{ host: 'archive.org', subdomains: true }], breaks: { pauseEveryMinutes: 40 } },
    });
  });

  it('names every bad field with what was expected and what was found', () => {
    const parsed = parsePolicy({
      format: 'gauze-policy',
      version: 2,
      team: { name: '' },
      sites: [{ host: 'not a host' }],
      breaks: { pauseEveryMinutes: 'ten' },
      bedtime: { strength: 'strict' },
      colour: 'blue',
    });
    expect(parsed.ok).toBe(false);
    const errors = parsed.ok ? [] : parsed.errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^policy\.team\.name: .*, got ""$/),
        expect.stringMatching(/^policy\.sites\.0\.host: expected a host name .*, got "not a host"$/),
        expect.stringMatching(/^policy\.breaks\.pauseEveryMinutes: expected number, received string, got "ten"$/),
        expect.stringMatching(/^policy\.bedtime\.strength: .*"gentle".*"firm".*, got "strict"$/),
        expect.stringMatching(/^policy: Unrecognized key: "colour"/),
      ]),
    );
  });

  it('refuses what is not a policy at all', () => {
    expect(parsePolicy('{ not json')).toMatchObject({ ok: false, errors: [expect.stringMatching(/^policy: not JSON/)] });
    expect(parsePolicy({ format: 'gauze-policy', version: 9 })).toMatchObject({ ok: false });
    expect(parsePolicy(null)).toMatchObject({ ok: false });
  });

  it('a policy sets only what it names: no defaults are filled in', () => {
    const parsed = parsePolicy({ format: 'gauze-policy', version: 2, team: { name: 'T' }, breaks: { pauseMinutes: 10 } });
    expect(parsed.ok && parsed.policy.breaks).toEqual({ pauseMinutes: 10 });
    expect(parsed.ok && parsed.policy.limits).toBeUndefined();
  });
});

describe('bedtime nights', () => {
  it('a night-shift window (11:00 to 19:00) and an evening one (23:00 to 07:00) combine into one that holds both', () => {
    const mine = { on: true, bedtime: '23:00', wake: '07:00' };
    const team = { on: true, bedtime: '11:00', wake: '19:00' };
    const nights = (night: typeof mine) => Array.from({ length: 7 }, () => night);
    const merged = effective('bedtime', { ...schemas.bedtime.parse({}), nights: nights(mine) }, { nights: nights(team) });
    expect(merged.nights[0]).toEqual({ on: true, bedtime: '23:00', wake: '19:00' });
    expect(looserFields('bedtime', { ...schemas.bedtime.parse({}), nights: nights(mine) }, { nights: nights(team) }).map((f) => f.field)).toEqual(['nights']);
  });
});

// ---- the merge --------------------------------------------------------------------------------

const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const night = fc.record({ on: fc.boolean(), bedtime: time, wake: time });
const int = (min: number, max: number) => fc.integer({ min, max });

const arbitraries: { [G in Group]: fc.Arbitrary<Groups[G]> } = {
  breaks: fc.record({
    pauseEveryMinutes: int(1, 240),
    pauseMinutes: int(1, 60),
    breakEveryMinutes: int(1, 600),
    breakMinutes: int(1, 120),
    warnSecondsBefore: int(0, 900),
    maxPostpones: int(0, 10),
    postponeMinutes: int(1, 30),
  }),
  limits: fc.record({ strictBreaks: fc.boolean(), softCapMinutes: int(0, 1440), hardCapMinutes: int(0, 1440), lockAfterIdleMinutes: int(1, 240) }),
  bedtime: fc.record({
    enabled: fc.boolean(),
    nights: fc.array(night, { minLength: 7, maxLength: 7 }),
    windDownMinutes: int(0, 240),
    strength: fc.constantFrom('gentle' as const, 'firm' as const),
    warnMinutes: int(0, 120),
    overridesPerWeek: int(0, 14),
    overrideMinutes: int(5, 120),
    greyscale: fc.boolean(),
  }),
  shield: fc.record({
    blurPixels: int(8, 64),
    allowedSteps: fc.subarray(['blur', 'outline', 'full'] as Array<'blur' | 'outline' | 'full'>, { minLength: 1 }),
    recoverAfterSeconds: int(0, 600),
    soundAllowed: fc.boolean(),
    iconMaxPixels: int(0, 256),
    smallViewPixels: int(0, 4096),
    maxVolumePercent: int(10, 100),
  }),
};
const schemas = { breaks: breakRulesSchema, limits: limitsSchema, bedtime: bedtimeSchema, shield: shieldSettingsSchema };

/** Any subset of a group's fields, with any values: what a policy may set. */
const partial = <G extends Group>(group: G) =>
  fc.tuple(arbitraries[group], fc.subarray(Object.keys(strictness[group]))).map(([full, fields]) => Object.fromEntries(fields.map((f) => [f, (full as Record<string, unknown>)[f]])) as Partial<Groups[G]>);

describe.each(Object.keys(strictness) as Group[])('merge of %s settings', (group) => {
  const rules = strictness[group] as Record<string, Rule>;

  it('the effective settings are never looser than the policy, nor than the person, on any field', () => {
    fc.assert(
      fc.property(arbitraries[group], partial(group), (personal, policy) => {
        const result = effective(group, personal, policy) as Record<string, unknown>;
        for (const [field, rule] of Object.entries(rules)) {
          const floor = (policy as Record<string, unknown>)[field];
          if (floor !== undefined) expect(atLeastAsStrict(rule, result[field], floor), `${field} vs policy`).toBe(true);
          expect(atLeastAsStrict(rule, result[field], (personal as Record<string, unknown>)[field]), `${field} vs person`).toBe(true);
        }
        // And still a valid settings record.
        expect(schemas[group].safeParse(result).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('combining two policies is at least as strict as each', () => {
    fc.assert(
      fc.property(partial(group), partial(group), (a, b) => {
        const both = (combine(group, a, b) ?? {}) as Record<string, unknown>;
        for (const [field, rule] of Object.entries(rules))
          for (const one of [a, b] as Array<Record<string, unknown>>) if (one[field] !== undefined) expect(atLeastAsStrict(rule, both[field], one[field])).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('names exactly the fields a person set looser than the policy', () => {
    fc.assert(
      fc.property(arbitraries[group], partial(group), (personal, policy) => {
        const looser = looserFields(group, personal, policy).map((entry) => entry.field);
        const merged = effective(group, personal, policy);
        expect(looserFields(group, merged, policy)).toEqual([]);
        for (const field of looser) expect(atLeastAsStrict(rules[field]!, (personal as Record<string, unknown>)[field], (policy as Record<string, unknown>)[field])).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('reveal settings', () => {
  it('the schema-free defaults the shield script uses are the schema defaults', async () => {
    const { shieldDefaults } = await import('../shield/defaults');
    expect(shieldSettingsSchema.parse({})).toEqual(shieldDefaults);
  });
});
