import type { SaveStatus as Status } from './use-settings';

/**
 * Where a section says whether its last change was kept. The live region is always there (a
 * screen reader hears a region that already exists, not one that appears with its text).
 */
export function SaveStatus({ status }: { status: Status }) {
  return (
    <p role="status" class={`save-status ${status?.kind === 'error' ? 'error' : 'muted'}`} data-testid="save-status">
      {status?.text ?? ''}
    </p>
  );
}
