import type { ShieldPart } from '../part';

/**
 * Gauze's marks mean only what Gauze decided. A mark the page sets, changes or removes, on an
 * element already in the page or before inserting it, is drawn again from Gauze's own record (kept
 * in this script's memory) before the next paint: mutation records are delivered before the
 * browser renders. Marks on inserted elements are checked by discovery as they arrive.
 */
export const guard: ShieldPart = {
  id: 'guard',
  start({ events, signal, mark }) {
    events.on('attribute', ({ element }) => mark(element, true), signal);
  },
};
