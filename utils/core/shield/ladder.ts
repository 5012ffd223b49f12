/**
 * The reveal ladder: a covered item is opened one deliberate step at a time. Stylised views come
 * before the full picture because they keep most of the information with less of the impact; the
 * outline (line drawing) is the first real look by default, and blur, which did not reduce anxiety
 * in a randomised study, is offered before it only if the person turns it on (docs/evidence.md).
 * A team policy may leave steps out (e.g. no full view); "cover" is always there.
 */
export const revealSteps = ['cover', 'blur', 'outline', 'full'] as const;
export type RevealStep = (typeof revealSteps)[number];

export function nextStep(current: RevealStep, allowed: readonly RevealStep[]): RevealStep {
  const order = revealSteps.filter((step) => step === 'cover' || allowed.includes(step));
  const index = order.indexOf(current);
  return order[Math.min(index + 1, order.length - 1)] ?? 'cover';
}

/**
 * What a person saw of an item in one reveal, from least to most: the blurred or outline view,
 * frames of a video as stills in its storyboard (thumbnails, never played), the picture itself in
 * the small view, the picture at its own size. Recorded as the furthest reached (the dashboard
 * counts reveals by it).
 */
export const revealViews = ['blur', 'outline', 'storyboard', 'small', 'full'] as const;
export type RevealView = (typeof revealViews)[number];

/** The view a step shows: the full step is 'small' while the small view holds it. */
export function viewOf(step: Exclude<RevealStep, 'cover'>, small: boolean): RevealView {
  return step === 'full' && small ? 'small' : step;
}

/** The further of two views (null: none yet). */
export function furtherView(a: RevealView | null, b: RevealView): RevealView {
  return a !== null && revealViews.indexOf(a) > revealViews.indexOf(b) ? a : b;
}

/**
 * The small view's scale for an item painted this large, in percent, in steps of 5 (the stylesheet
 * has one rule per step): the largest that keeps its longer side within `limit` CSS pixels. Null
 * when no scaling is needed (already small enough, nothing painted yet, or the small view off).
 */
export function smallScale(width: number, height: number, limit: number): number | null {
  const longer = Math.max(width, height);
  if (limit <= 0 || !(longer > limit)) return null;
  return Math.max(SMALL_SCALE_STEP, Math.floor((limit / longer) * (100 / SMALL_SCALE_STEP)) * SMALL_SCALE_STEP);
}
export const SMALL_SCALE_STEP = 5;
