import type { ShieldPart } from '../part';

/**
 * Icons are not media: a picture no larger than the icon size (32 px unless the settings say
 * otherwise) is shown as it is, once its size is known. Size is known only after layout, so the
 * cover holds until then; ResizeObserver reports after layout and before paint, so a picture that
 * grows past the icon size is covered again before it is drawn larger. The size judged is the
 * painted one (transforms included).
 */
export const icons: ShieldPart = {
  id: 'icons',
  start({ events, signal, items, settings, mark }) {
    /** Whether an element is an icon as painted (reads only: layout is up to date here). */
    const isIcon = (element: Element, layout?: ResizeObserverSize) => {
      const limit = settings().iconMaxPixels;
      // Larger than an icon in layout: no need to ask for the painted box (most pictures). Small
      // in layout: the painted box decides (a transform may make it large).
      if (layout && (layout.inlineSize > limit || layout.blockSize > limit)) return false;
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && box.width <= limit && box.height <= limit;
    };
    /** Every judgement first, then every mark: a mark between two reads would force a layout. */
    const judge = (entries: Array<[Element, ResizeObserverSize | undefined]>) => {
      const changed = entries.filter(([element, layout]) => {
        const item = items.get(element);
        return !!item && isIcon(element, layout) !== item.harmless;
      });
      for (const [element] of changed) {
        const item = items.get(element)!;
        item.harmless = !item.harmless;
        mark(element);
      }
    };
    const observer = new ResizeObserver((entries) => judge(entries.map((entry) => [entry.target, entry.borderBoxSize[0]])));
    const observed = new Set<Element>();
    events.on('item', (element) => {
      const item = items.get(element);
      if (!item || item.step !== 'cover' || !(item.kind === 'image' || item.kind === 'canvas' || item.kind === 'background')) return;
      observed.add(element);
      observer.observe(element);
    }, signal);
    // Another icon size: every picture is judged again, after the next layout (observing anew
    // reports each size once more), never by forcing one now.
    let limit = settings().iconMaxPixels;
    events.on('settings', ({ iconMaxPixels }) => {
      if (iconMaxPixels === limit) return;
      limit = iconMaxPixels;
      for (const element of observed) {
        if (!element.isConnected) {
          observed.delete(element);
          continue;
        }
        observer.unobserve(element);
        observer.observe(element);
      }
    }, signal);
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  },
};
