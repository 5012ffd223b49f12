import type { ShieldPart } from '../part';

/**
 * Covered items are reachable by keyboard (each takes focus, in the page's order) and tell screen
 * readers they are covered and how to reveal them; the page's own name for the item (its alt text)
 * is kept. The description comes translated from the background; items found before it answered
 * get it when it does.
 */
export const access: ShieldPart = {
  id: 'access',
  start({ signal, events, items, texts }) {
    const waiting: Element[] = [];
    const prepare = (element: Element) => {
      const item = items.get(element);
      if (!item || item.kind === 'audio' || item.kind === 'frame') return;
      // (A video without controls reports tabIndex 0 yet takes no focus: the attribute is what counts.)
      if ((element instanceof HTMLElement || element instanceof SVGElement) && !element.hasAttribute('tabindex')) element.setAttribute('tabindex', '0');
      const description = texts()?.coveredDescription;
      if (!description) {
        waiting.push(element);
        return;
      }
      if (!element.hasAttribute('aria-description')) element.setAttribute('aria-description', description);
    };
    events.on('item', prepare, signal);
    events.on('texts', () => {
      for (const element of waiting.splice(0)) prepare(element);
    }, signal);
  },
};
