import type { Ref } from 'preact';

/**
 * A passphrase box with its visible label. `known` says which the browser's password manager
 * should offer: the one in use (unlock, change, turn off) or a new one.
 */
export function PassphraseField({
  label,
  name,
  value,
  onInput,
  known,
  inputRef,
  required,
  minLength,
  describedBy,
}: {
  label: string;
  name: string;
  value: string;
  onInput(value: string): void;
  known: boolean;
  inputRef?: Ref<HTMLInputElement>;
  required?: boolean;
  minLength?: number;
  describedBy?: string;
}) {
  return (
    <label class="stack">
      <span>{label}</span>
      <input
        ref={inputRef}
        type="password"
        name={name}
        autoComplete={known ? 'current-password' : 'new-password'}
        required={required}
        minLength={minLength}
        aria-describedby={describedBy}
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
    </label>
  );
}
