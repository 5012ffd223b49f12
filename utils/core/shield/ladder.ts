/**
 * The reveal ladder: a covered item is opened one deliberate step at a time. Stylised views come
 * before the full picture because they keep most of the information with less of the impact
 * (docs/evidence.md). A team policy may leave steps out (e.g. no full view); "cover" is always there.
 */
export const revealSteps = ['cover', 'blur', 'outline', 'full'] as const;
export type RevealStep = (typeof revealSteps)[number];

export function nextStep(current: RevealStep, allowed: readonly RevealStep[]): RevealStep {
  const order = revealSteps.filter((step) => step === 'cover' || allowed.includes(step));
  const index = order.indexOf(current);
  return order[Math.min(index + 1, order.length - 1)] ?? 'cover';
}
