import { strictness, type Group } from '../../utils/core/policy/strictness';
import { boundsFor, TeamLock, useFloor } from './team';

/** A number setting, bounded by the team's floor when its policy sets one (and marked with a lock). */
export function NumberField({ group, field, label, base, step, value, onChange }: {
  group: Group;
  field: string;
  label: string;
  base: { min: number; max: number };
  step: number;
  value: number;
  onChange(value: number): void;
}) {
  const floor = useFloor(group, field);
  const rule = (strictness[group] as Record<string, unknown>)[field] as 'min' | 'max' | 'cap';
  const { min, max } = boundsFor(floor, rule, base);
  return (
    <label class="row number">
      <span>
        {label} <TeamLock group={group} field={field} />
      </span>
      <input type="number" name={field} min={min} max={max} step={step} value={value} onInput={(event) => onChange(Number((event.target as HTMLInputElement).value))} />
    </label>
  );
}
