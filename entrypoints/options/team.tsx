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

/** A lock beside a control the team's policy sets: who sets it and that it can only be made stricter. */
export function TeamLock({ group, field }: { group: Group; field: string }) {
  const floor = useFloor(group, field);
  if (!floor) return null;
  return (
    <span class="team-lock" data-testid={`lock-${group}-${field}`}>
      <span aria-hidden="true">🔒 </span>
      {t('teamLock', floor.team)}
    </span>
  );
}

/** Number input bounds from a floor: a "smaller is stricter" field cannot go above the team's value, and so on. */
export function boundsFor(floor: { value: unknown } | null, rule: 'min' | 'max' | 'cap', base: { min: number; max: number }) {
  if (!floor || typeof floor.value !== 'number') return base;
  if (rule === 'min') return { ...base, max: Math.min(base.max, floor.value) };
  if (rule === 'max') return { ...base, min: Math.max(base.min, floor.value) };
  return floor.value > 0 ? { min: Math.max(base.min, 1), max: Math.min(base.max, floor.value) } : base;
}
