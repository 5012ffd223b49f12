import type { ShieldPart } from '../part';

/**
 * Watching without input is exposure too: the background's exposure clock is told when media
 * starts playing on the page, and when the last playing one stops.
 */
export const playing: ShieldPart = {
  id: 'playing',
  start({ signal, env, events, scopes }) {
    const now = new Set<HTMLMediaElement>();
    const onChange = (event: Event) => {
      const media = event.target;
      if (!(media instanceof HTMLMediaElement)) return;
      const before = now.size > 0;
      if (event.type === 'playing' && !media.paused) now.add(media);
      else now.delete(media);
      if (before !== now.size > 0) env.send.playing(!before);
    };
    const watch = (scope: Document | ShadowRoot) => {
      for (const type of ['playing', 'pause', 'ended', 'emptied']) scope.addEventListener(type, onChange, { capture: true, signal });
    };
    for (const scope of scopes()) watch(scope);
    events.on('root', watch, signal);
  },
};
