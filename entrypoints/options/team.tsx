import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Group } from '../../utils/core/policy/strictness';
import { t } from '../../utils/browser/i18n';

/** The team policy's floors, for the settings sections: which fields the team sets, and to what. */
export interface TeamFloors {
  team: string;
  floors: Partial<Record<Group, Record<string, unknown>>>;
}

export const TeamContext = createContext<TeamFloors | null>(null);

/** The team's value for one field, if its policy sets one. */
export function useFloor(group: Group, field: string): { team: string; value: unknown } | null {
  const team = useContext(TeamContext);
  const value = team?.floors[group]?.[field];
  return team && value !== undefined ? { team: team.team, value } : null;
}

/** A padlock, drawn (an emoji shows as an empty box where no emoji font is installed). */
export function LockIcon() {
  return (
    <svg class="lock-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2" fill="none" stroke="currentColor" stroke-width="1.6" />
      <rect x="2.5" y="7" width="11" height="8" rx="1.5" fill="currentColor" />
    </svg>
  );
}

/** A lock beside a control the team's policy sets; the section's TeamNote says what it means. */
export function TeamLock({ group, field }: { group: Group; field: string }) {
  const floor = useFloor(group, field);
  if (!floor) return null;
  return (
    <span class="team-lock" data-testid={`lock-${group}-${field}`}>
      <LockIcon />
      <span class="visually-hidden">{t('teamLockShort')}</span>
    </span>
  );
}

/** Once per section, where the team sets any of its fields: who, and that it can only be made stricter. */
export function TeamNote({ group }: { group: Group }) {
  const team = useContext(TeamContext);
  if (!team || !team.floors[group] || Object.keys(team.floors[group]!).length === 0) return null;
  return (
    <p class="team-note" data-testid={`team-note-${group}`}>
      <LockIcon /> {t('teamLock', team.team)}
    </p>
  );
}

/** Number input bounds from a floor: a "smaller is stricter" field cannot go above the team's value, and so on. */
export function boundsFor(floor: { value: unknown } | null, rule: 'min' | 'max' | 'cap', base: { min: number; max: number }) {
  if (!floor || typeof floor.value !== 'number') return base;
  if (rule === 'min') return { ...base, max: Math.min(base.max, floor.value) };
  if (rule === 'max') return { ...base, min: Math.max(base.min, floor.value) };
  return floor.value > 0 ? { min: Math.max(base.min, 1), max: Math.min(base.max, floor.value) } : base;
}
