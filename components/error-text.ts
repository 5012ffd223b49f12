import { t, type MessageKey } from '../utils/browser/i18n';

/**
 * What a person reads when something they asked for failed: a sentence in their language about
 * what it means for them. The technical detail goes to the console for whoever looks after the
 * computer, never onto the page.
 */
export function errorText(error: unknown, key: MessageKey = 'errorNotKept'): string {
  // Not a failure: the records are locked and this needs them open.
  if (error instanceof Error && /^locked:/.test(error.message)) return t('vaultLockedNotice');
  console.warn('Gauze:', error);
  return t(key);
}
