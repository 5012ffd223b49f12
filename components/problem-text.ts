import type { Problem } from '../utils/core/validation';
import { t, type MessageKey } from '../utils/browser/i18n';

const texts: Record<Problem['kind'], MessageKey> = {
  'not-json': 'problemNotJson',
  'not-policy': 'problemNotPolicy',
  'not-marks': 'problemNotMarks',
  'other-key': 'problemOtherKey',
  'newer-version': 'problemNewerVersion',
  'too-large': 'problemTooLarge',
  missing: 'problemMissing',
  'not-number': 'problemNotNumber',
  'not-text': 'problemNotText',
  'not-boolean': 'problemNotBoolean',
  'not-list': 'problemNotList',
  'not-object': 'problemNotObject',
  'too-big': 'problemTooBig',
  'too-long': 'problemTooLong',
  'too-many': 'problemTooMany',
  'too-small': 'problemTooSmall',
  empty: 'problemEmpty',
  'too-few': 'problemTooFew',
  format: 'problemFormat',
  'unknown-field': 'problemUnknownField',
  choice: 'problemChoice',
  other: 'problemOther',
};

/**
 * A problem with a file, in the person's language. The field is named as the file names it
 * (that is what they will look for in it), list positions counted from 1.
 */
export function problemText(problem: Problem): string {
  const field = problem.path.map((part) => (/^\d+$/.test(part) ? `#${Number(part) + 1}` : part)).join(' › ');
  return t(texts[problem.kind], [field, problem.limit ?? '', problem.found ?? '']);
}
