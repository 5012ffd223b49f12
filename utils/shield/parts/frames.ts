import type { ShieldPart } from '../part';

/**
 * Frames on a flagged page. The stylesheet flattens every frame element, because a page's
 * stylesheet cannot reach into another document. When Gauze also protects the frame's own
 * document item by item (its site is flagged, or it has no origin of its own), the frame element
 * is released. Which frames those are is decided by the background from what each frame's own
 * shield told it (utils/services/frames.ts), never from anything a page can read, write or replay:
 * no message passes between the documents, so no page learns whether another site is flagged.
 *
 * A frame sent to a new address is covered at once and released only once its new document has
 * loaded and the background confirms Gauze protects it; a frame document that leaves by itself
 * tells the background, which tells this page to cover the frame again.
 */
export const frames: ShieldPart = {
  id: 'frames',
  start({ signal, env, events, items, mark }) {
    const known = new Set<Element>();
    const navigating = new WeakSet<Element>();

    const setInner = (frame: Element, inner: boolean) => {
      const item = items.ensure(frame, 'frame');
      if (item.innerFrame === inner) return;
      item.innerFrame = inner;
      mark(frame);
    };
    const verify = async (frame: Element) => {
      const id = env.frameIdOf(frame);
      if (id === null || navigating.has(frame)) return;
      const inner = (await env.send.framesProtected([id]).catch((): number[] => [])).includes(id);
      // Still the same document, and not sent anywhere since the question.
      if (inner && !signal.aborted && frame.isConnected && !navigating.has(frame) && env.frameIdOf(frame) === id) setInner(frame, true);
    };

    events.on('frame', (frame) => {
      if (!known.has(frame)) {
        known.add(frame);
        frame.addEventListener('load', () => {
          navigating.delete(frame);
          void verify(frame);
        }, { signal });
        // Found already in the page (the shield started late, in an open tab): ask now.
        void verify(frame);
        return;
      }
      // Sent to a new address: covered until that document, once loaded, is confirmed.
      navigating.add(frame);
      setInner(frame, false);
    }, signal);

    events.on('frame-state', ({ frameId, inner }) => {
      for (const frame of known) {
        if (!frame.isConnected) {
          known.delete(frame);
          continue;
        }
        if (env.frameIdOf(frame) !== frameId) continue;
        if (!inner) setInner(frame, false);
        else if (!navigating.has(frame)) setInner(frame, true);
      }
    }, signal);

    // This document, if it is in a frame: its parent covers the frame again the moment it goes.
    if (window.parent !== window) {
      const leaving = () => env.send.leaving();
      const navigation = (window as unknown as { navigation?: EventTarget }).navigation;
      navigation?.addEventListener('navigate', leaving, { signal });
      addEventListener('pagehide', leaving, { signal });
    }
  },
};
