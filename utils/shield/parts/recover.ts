import type { ShieldPart } from '../part';

/**
 * A revealed item does not stay revealed by itself: it is covered again some seconds after the
 * person looks away (10 unless the settings say otherwise), as soon as it is scrolled out of view,
 * when its video is paused, and when its picture changes (a new picture starts covered). Each
 * reveal is recorded when it ends: the item's kind, how long it was in view and the furthest view
 * the person saw (outline, small, full…), no address.
 */
export const recover: ShieldPart = {
  id: 'recover',
  start({ doc, signal, env, events, items, settings, setStep, looking }) {
    const timers = new Map<Element, ReturnType<typeof setTimeout>>();
    const clear = (element: Element) => {
      const timer = timers.get(element);
      if (timer !== undefined) clearTimeout(timer);
      timers.delete(element);
    };
    const schedule = (element: Element) => {
      clear(element);
      if (looking() === element || items.get(element)?.step === 'cover') return;
      timers.set(element, setTimeout(() => setStep(element, 'cover'), settings().recoverAfterSeconds * 1000));
    };
    const visibility = new IntersectionObserver((entries) => {
      for (const entry of entries) if (!entry.isIntersecting && items.get(entry.target)?.step !== 'cover') setStep(entry.target, 'cover');
    });

    let lookedAt: Element | null = null;
    events.on('looking', (element) => {
      const left = lookedAt;
      lookedAt = element;
      if (left && left !== element) schedule(left);
      if (element) clear(element);
    }, signal);

    events.on('step', ({ item: element, step, before }) => {
      const item = items.get(element);
      if (step === 'cover') {
        clear(element);
        visibility.unobserve(element);
        if (item && before !== 'cover') env.send.revealed(item.kind, Math.max(0, Math.round((env.now() - (item.revealedAt ?? env.now())) / 1000)), item.furthest ?? before);
        return;
      }
      if (before === 'cover') visibility.observe(element);
      schedule(element);
    }, signal);

    // A new picture in a revealed element starts covered.
    events.on('source', (element) => {
      if (items.get(element)?.step !== 'cover') setStep(element, 'cover');
    }, signal);

    // Pausing a revealed video covers it (playing again starts from the cover). Media events do
    // not leave shadow roots: each root is listened to as well.
    const onPause = (event: Event) => {
      const media = event.target;
      if (media instanceof HTMLVideoElement && !media.ended && media.readyState > 0 && (items.get(media)?.step ?? 'cover') !== 'cover') setStep(media, 'cover');
    };
    doc.addEventListener('pause', onPause, { capture: true, signal });
    events.on('root', (root) => root.addEventListener('pause', onPause, { capture: true, signal }), signal);

    signal.addEventListener('abort', () => {
      for (const timer of timers.values()) clearTimeout(timer);
      visibility.disconnect();
    }, { once: true });
  },
};
