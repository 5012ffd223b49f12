import type { Policy } from './schema';
import { combine, type Group, type Groups } from './strictness';

export type PolicySource = 'file' | 'managed';

/** The policy in force: the imported file's and the managed one's, combined field by field (the stricter wins). */
export interface ActivePolicy {
  teams: Array<{ name: string; contact?: string; source: PolicySource }>;
  groups: { [G in Group]?: Partial<Groups[G]> };
  sites: Array<{ host: string; subdomains: boolean }>;
  retentionDays: number | null;
  encryptionRequired: boolean;
  questionnaires: NonNullable<Policy['questionnaires']>;
  /** The key for sharing reviewed marks; with a file and a managed policy both holding one, the managed one's. */
  marksKey: string | null;
}

const GROUPS: Group[] = ['breaks', 'limits', 'bedtime', 'shield'];

export function activePolicy(sources: ReadonlyArray<{ policy: Policy; source: PolicySource }>): ActivePolicy | null {
  if (sources.length === 0) return null;
  const active: ActivePolicy = { teams: [], groups: {}, sites: [], retentionDays: null, encryptionRequired: false, questionnaires: [], marksKey: null };
  for (const { policy, source } of sources) {
    active.teams.push({ name: policy.team.name, ...(policy.team.contact ? { contact: policy.team.contact } : {}), source });
    for (const group of GROUPS) {
      const combined = combine(group, active.groups[group] as never, policy[group] as never);
      if (combined) (active.groups as Record<Group, unknown>)[group] = combined;
    }
    for (const site of policy.sites) {
      const known = active.sites.find((s) => s.host === site.host);
      if (known) known.subdomains ||= site.subdomains;
      else active.sites.push({ ...site });
    }
    const retention = policy.data?.retentionDays;
    if (retention !== undefined) active.retentionDays = active.retentionDays === null ? retention : Math.min(active.retentionDays, retention);
    active.encryptionRequired ||= policy.encryption?.required === true;
    // Sources come file first, managed last: the organisation's deployed key is the one in force.
    if (policy.marksKey) active.marksKey = policy.marksKey;
    for (const questionnaire of policy.questionnaires ?? []) if (!active.questionnaires.some((q) => q.id === questionnaire.id)) active.questionnaires.push(questionnaire);
  }
  return active;
}

/** "Investigations unit" or "Investigations unit and Verification desk", for lock labels. */
export const teamNames = (policy: Pick<ActivePolicy, 'teams'>) => [...new Set(policy.teams.map((team) => team.name))].join(' & ');
