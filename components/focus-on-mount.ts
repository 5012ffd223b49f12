/**
 * A ref that moves focus to the element when it appears: for the safe answer of a question that
 * opens after a click. The `autofocus` attribute is not enough there, as browsers honour it only
 * while nothing in the document has focus. Module-level, so it runs once per element, not on every
 * render.
 */
export function focusOnMount(element: HTMLElement | null): void {
  element?.focus();
}
