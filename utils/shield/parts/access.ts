import type { ShieldPart } from '../part';

/**
 * Covered items are reachable by keyboard (each takes focus, in the page's order) and tell screen
 * readers they are covered and how to reveal them; the page's own name for the item (its alt text)
 * is kept. The description (translated by the background) is given to an item as it takes focus,
 * before a screen reader announces it, or the pointer comes to it: one attribute for the item a
 * person is at, not thousands at page load.
 */
export const access: ShieldPart = {
  id: 'access',
  start({ doc, signal, events, items, texts }) {
    events.on('item', (element) => {
      const item = items.get(element);
      if (!item || item.kind === 'audio' || item.kind === 'frame') return;
      // (A video without controls reports tabIndex 0 yet takes no focus: the attribute is what counts.)
      if ((element instanceof HTMLElement || element instanceof SVGElement) && !element.hasAttribute('tabindex')) element.setAttribute('tabindex', '0');
    }, signal);
    const describe = (element: Element | null) => {
      const description = texts()?.coveredDescription;
      const item = element && items.get(element);
      if (!element || !item || item.harmless || item.kind === 'audio' || !description) return;
      if (element.getAttribute('aria-description') !== description) element.setAttribute('aria-description', description);
    };
    doc.addEventListener('focusin', (event) => describe(event.composedPath()[0] as Element), { capture: true, signal });
    events.on('looking', describe, signal);
  },
};
