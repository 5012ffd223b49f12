import { useState } from 'preact/hooks';
import { strictness, type Group } from '../../utils/core/policy/strictness';
import { t, type MessageKey } from '../../utils/browser/i18n';
import { boundsFor, TeamLock, useFloor } from './team';

export type NumberUnit = 'minutes' | 'seconds' | 'count' | 'blur';
const rangeText: Record<NumberUnit, MessageKey> = {
  minutes: 'fieldRangeMinutes',
  seconds: 'fieldRangeSeconds',
  count: 'fieldRangeCount',
  blur: 'fieldRangeBlur',
};

/**
 * A whole-number setting, kept when the person leaves the field or presses Enter. Any whole number
 * in range is accepted (the team's floor narrows the range when its policy sets one); the range is
 * said in words under the field, and a number outside it is refused there, in words, and not kept.
 */
export function NumberField({ group, field, label, base, unit, value, onCommit }: {
  group: Group;
  field: string;
  label: string;
  base: { min: number; max: number };
  unit: NumberUnit;
  value: number;
  onCommit(value: number): void;
}) {
  const floor = useFloor(group, field);
  const rule = (strictness[group] as Record<string, unknown>)[field] as 'min' | 'max' | 'cap';
  const { min, max } = boundsFor(floor, rule, base);
  const [problem, setProblem] = useState(false);
  const hintId = `${field}-range`;
  const commit = (input: HTMLInputElement) => {
    const typed = input.value.trim() === '' ? Number.NaN : Math.round(Number(input.value));
    if (!Number.isFinite(typed) || typed < min || typed > max) {
      setProblem(true);
      return;
    }
    setProblem(false);
    input.value = String(typed);
    if (typed !== value) onCommit(typed);
  };
  return (
    <div class="stack number-field">
      <label class="row number">
        <span>
          {label} <TeamLock group={group} field={field} />
        </span>
        <input
          type="number"
          name={field}
          min={min}
          max={max}
          step={1}
          inputMode="numeric"
          value={value}
          aria-describedby={hintId}
          aria-invalid={problem || undefined}
          onChange={(event) => commit(event.currentTarget)}
          onKeyDown={(event) => event.key === 'Enter' && (event.preventDefault(), commit(event.currentTarget))}
        />
      </label>
      <p id={hintId} class={problem ? 'error hint' : 'muted hint'} role={problem ? 'alert' : undefined}>
        {problem ? t('fieldOutOfRange', [min, max]) : t(rangeText[unit], [min, max])}
      </p>
    </div>
  );
}
