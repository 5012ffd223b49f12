import { COVER_PROPERTIES } from '../../core/shield/cover-style';
import type { ShieldPart } from '../part';

/**
 * Gauze's marks mean only what Gauze decided. A mark the page sets, changes or removes, on an
 * element already in the page or before inserting it, is drawn again from Gauze's own record (kept
 * in this script's memory) before the next paint: mutation records are delivered before the
 * browser renders. Marks on inserted elements are checked by discovery as they arrive.
 *
 * The cover's rules win over every stylesheet of the page (utils/core/shield/cover-style.ts); only a
 * style attribute's !important ranks higher. On an element the cover holds (not released, not
 * shown in full), such a declaration of a property the cover sets is taken off as it is written.
 */
export const guard: ShieldPart = {
  id: 'guard',
  start({ events, signal, mark, items }) {
    const unforce = (element: Element) => {
      const text = element.getAttribute('style');
      if (!text || !text.includes('important') || !(element instanceof HTMLElement || element instanceof SVGElement)) return;
      const item = items.get(element);
      // (The small view's scale holds a picture shown in full too, until the person enlarges it.)
      if (item && (item.harmless || (item.step === 'full' && item.smallScale === null))) return;
      const style = element.style;
      for (let index = style.length - 1; index >= 0; index--) {
        const property = style.item(index);
        if (style.getPropertyPriority(property) === 'important' && COVER_PROPERTIES.test(property)) style.removeProperty(property);
      }
    };
    events.on('attribute', ({ element, name }) => (name === 'style' ? unforce(element) : mark(element, true)), signal);
    events.on('styled', unforce, signal);
  },
};
