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
    const judge = (element: Element) => {
      const item = items.get(element);
      if (!item) return;
      const box = element.getBoundingClientRect();
      const limit = settings().iconMaxPixels;
      const small = box.width > 0 && box.height > 0 && box.width <= limit && box.height <= limit;
      if (small === item.harmless) return;
      item.harmless = small;
      mark(element);
    };
    const observer = new ResizeObserver((entries) => {
      for (const entry of entries) judge(entry.target);
    });
    const observed = new Set<Element>();
    events.on('item', (element) => {
      const item = items.get(element);
      if (!item || item.step !== 'cover' || !(item.kind === 'image' || item.kind === 'canvas' || item.kind === 'background')) return;
      observed.add(element);
      observer.observe(element);
    }, signal);
    // Another icon size: every picture is judged again.
    events.on('settings', () => {
      for (const element of observed) {
        if (!element.isConnected) observed.delete(element);
        else judge(element);
      }
    }, signal);
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  },
};
