import type { ShieldCommand } from '../core/shield/commands';
import type { BackgroundService } from './types';
import type { FrameMessenger } from '../browser/ports';


/**
 * Which frames of a tab show a document Gauze protects item by item, so a flagged page may release
 * the frame element that holds it. Decided here, from what each frame's own shield says (its hello,
 * its leaving) and from asking the frame itself, never from a value a page could read or replay:
 * no message passes between the page and its frames, so no site learns whether another is flagged.
 */
export function createFramesService(tabs: FrameMessenger): BackgroundService {
  return {
    id: 'frames',
    start({ handle, events }) {
      // A protected document started in a frame, or left it: the tab's pages hear of it at once.
      events.on('shield-started', ({ tabId, frameId }) => (frameId === 0 ? undefined : tabs.toTab(tabId, { type: 'shield/frame', frameId, inner: true }).catch(() => undefined)));
      events.on('shield-left', ({ tabId, frameId }) => (frameId === 0 ? undefined : tabs.toTab(tabId, { type: 'shield/frame', frameId, inner: false }).catch(() => undefined)));

      handle('shield/leaving', async (_payload, _from, sender) => {
        if (sender.tabId !== undefined) await events.emit('shield-left', { tabId: sender.tabId, frameId: sender.frameId ?? 0 });
        return {};
      });

      // The frame's own shield is asked whether it runs and protects its document now: nothing
      // remembered can go stale (a worker restart, a frame that left without a word).
      handle('shield/frames', async ({ frameIds }, _from, sender) => {
        const tabId = sender.tabId;
        if (tabId === undefined) return { protected: [] };
        const answers = await Promise.all(frameIds.filter((id) => id !== sender.frameId).map(async (frameId) => ((await tabs.ask(tabId, frameId, { type: 'shield/alive' }).catch(() => null)) === true ? frameId : null)));
        return { protected: answers.filter((id): id is number => id !== null) };
      });
    },
  };
}
